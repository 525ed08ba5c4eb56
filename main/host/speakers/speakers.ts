import { randomUUID } from 'node:crypto';
import type { Database } from '../archive/db';
import type {
  SpeakerRequest,
  SpeakerStatus,
  SpeakersState,
  SpeakingSettings,
} from '../../../shared/api/schemas/live';

interface Row {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  user_id: string;
  display_name: string;
  position: number;
  status: SpeakerStatus;
  requested_at: string;
  started_at: string | null;
  stopped_at: string | null;
  limit_seconds: number | null;
}

/** Three minutes a turn, a warning 30 s before the end, unless the meeting says otherwise. */
export const DEFAULT_SPEAKING: SpeakingSettings = { limitSeconds: 180, warningSeconds: 30 };

const toRequest = (r: Row): SpeakerRequest => ({
  id: r.id,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  userId: r.user_id,
  displayName: r.display_name,
  position: r.position,
  status: r.status,
  requestedAt: r.requested_at,
  startedAt: r.started_at,
  stoppedAt: r.stopped_at,
  limitSeconds: r.limit_seconds,
});

const SELECT = `SELECT s.*, u.display_name FROM speaker_requests s JOIN users u ON u.id = s.user_id`;

/** Speakers' queues (đăng ký phát biểu): one queue per agenda item, one speaker at a time. */
export function createSpeakers(db: Database) {
  const q = {
    get: db.prepare<[string, string], Row>(`${SELECT} WHERE s.meeting_id = ? AND s.id = ?`),
    waiting: db.prepare<[string], Row>(
      `${SELECT} WHERE s.meeting_id = ? AND s.status = 'waiting' ORDER BY s.position, s.requested_at`,
    ),
    speaking: db.prepare<[string], Row>(
      `${SELECT} WHERE s.meeting_id = ? AND s.status = 'speaking'`,
    ),
    pendingOf: db.prepare<[string, string, string], { id: string }>(
      `SELECT id FROM speaker_requests WHERE meeting_id = ? AND user_id = ? AND coalesce(agenda_item_id, '') = ?
       AND status IN ('waiting','speaking')`,
    ),
    maxPos: db.prepare<[string], { p: number | null }>(
      'SELECT max(position) AS p FROM speaker_requests WHERE meeting_id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO speaker_requests (id, meeting_id, agenda_item_id, user_id, position, status, requested_at)
       VALUES (?, ?, ?, ?, ?, 'waiting', ?)`,
    ),
    setStatus: db.prepare('UPDATE speaker_requests SET status = ? WHERE id = ?'),
    start: db.prepare(
      "UPDATE speaker_requests SET status = 'speaking', started_at = ?, limit_seconds = ? WHERE id = ?",
    ),
    stop: db.prepare("UPDATE speaker_requests SET status = 'done', stopped_at = ? WHERE id = ?"),
    setPosition: db.prepare('UPDATE speaker_requests SET position = ? WHERE id = ?'),
    settings: db.prepare<[string], { limit_seconds: number; warning_seconds: number }>(
      'SELECT limit_seconds, warning_seconds FROM speaking_settings WHERE meeting_id = ?',
    ),
    putSettings: db.prepare(
      `INSERT INTO speaking_settings (meeting_id, limit_seconds, warning_seconds) VALUES (?, ?, ?)
       ON CONFLICT (meeting_id) DO UPDATE SET limit_seconds = excluded.limit_seconds, warning_seconds = excluded.warning_seconds`,
    ),
  };

  const api = {
    get(meetingId: string, id: string): SpeakerRequest | undefined {
      const r = q.get.get(meetingId, id);
      return r && toRequest(r);
    },
    /** The open request of this user in this queue, if any (one at a time per queue). */
    pendingOf(meetingId: string, userId: string, agendaItemId: string | null): string | undefined {
      return q.pendingOf.get(meetingId, userId, agendaItemId ?? '')?.id;
    },
    request(meetingId: string, userId: string, agendaItemId: string | null): SpeakerRequest {
      const id = randomUUID();
      const position = (q.maxPos.get(meetingId)?.p ?? 0) + 1;
      q.insert.run(id, meetingId, agendaItemId, userId, position, new Date().toISOString());
      return api.get(meetingId, id)!;
    },
    withdraw(id: string): void {
      q.setStatus.run('withdrawn', id);
    },
    current(meetingId: string): SpeakerRequest | null {
      const r = q.speaking.get(meetingId);
      return r ? toRequest(r) : null;
    },
    /** Starts a turn; whoever was speaking is stopped first. Returns the one stopped, if any. */
    start(meetingId: string, id: string, limitSeconds: number): SpeakerRequest | null {
      const now = new Date().toISOString();
      const previous = api.current(meetingId);
      if (previous) q.stop.run(now, previous.id);
      q.start.run(now, limitSeconds, id);
      return previous;
    },
    stop(id: string): void {
      q.stop.run(new Date().toISOString(), id);
    },
    waiting(meetingId: string): SpeakerRequest[] {
      return q.waiting.all(meetingId).map(toRequest);
    },
    /** Gives `ids` (in this order) the positions they held between them. */
    reorder(ids: readonly string[], positions: readonly number[]): void {
      const sorted = [...positions].sort((a, b) => a - b);
      ids.forEach((id, i) => q.setPosition.run(sorted[i]!, id));
    },
    settings(meetingId: string): SpeakingSettings {
      const r = q.settings.get(meetingId);
      return r
        ? { limitSeconds: r.limit_seconds, warningSeconds: r.warning_seconds }
        : DEFAULT_SPEAKING;
    },
    putSettings(meetingId: string, s: SpeakingSettings): void {
      q.putSettings.run(meetingId, s.limitSeconds, s.warningSeconds);
    },
    state(meetingId: string): SpeakersState {
      const queues: Record<string, SpeakerRequest[]> = {};
      for (const r of api.waiting(meetingId)) (queues[r.agendaItemId ?? ''] ??= []).push(r);
      return { settings: api.settings(meetingId), current: api.current(meetingId), queues };
    },
  };
  return api;
}
export type Speakers = ReturnType<typeof createSpeakers>;
