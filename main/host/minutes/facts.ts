import type { MinutesFacts } from '../../../shared/api/schemas/minutes';
import type { Services } from '../services';

type FactsServices = Pick<Services, 'db' | 'meetings' | 'liveMeeting'>;

/** Runs a read that depends on another module's tables; a missing table means "nothing yet". */
function orEmpty<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch {
    return [];
  }
}

/**
 * What "Insert from the meeting" puts in the draft, read from the archive: the meeting, who was
 * present and who was absent (with reasons), the agenda with each item's speakers, and every
 * closed ballot's question, result, rule and quorum.
 */
export function meetingFacts(s: FactsServices, meetingId: string): MinutesFacts {
  const meeting = s.meetings.get(meetingId);
  if (!meeting) throw new Error(`meeting ${meetingId} not found`);
  const participants = s.meetings.participants(meetingId);
  const marks = new Map(
    orEmpty(() =>
      s.db
        .prepare<[string], { user_id: string; status: string; reason: string | null }>(
          'SELECT user_id, status, reason FROM attendance WHERE meeting_id = ?',
        )
        .all(meetingId),
    ).map((r) => [r.user_id, r]),
  );
  const present: MinutesFacts['present'] = [];
  const absent: MinutesFacts['absent'] = [];
  for (const p of participants) {
    const mark = marks.get(p.userId);
    if (mark?.status === 'present') present.push({ name: p.displayName, role: p.role });
    else absent.push({ name: p.displayName, role: p.role, reason: mark?.reason ?? null });
  }
  const speakers = orEmpty(() =>
    s.db
      .prepare<[string], { agenda_item_id: string | null; display_name: string }>(
        `SELECT r.agenda_item_id, u.display_name FROM speaker_requests r JOIN users u ON u.id = r.user_id
         WHERE r.meeting_id = ? AND r.status IN ('speaking','done') ORDER BY r.started_at, r.position`,
      )
      .all(meetingId),
  );
  const ballots = orEmpty(() => s.liveMeeting.ballots.list(meetingId)).filter(
    (b) => b.status === 'closed',
  );
  const chair = participants.find((p) => p.role === 'chair')?.displayName ?? null;
  const secretary = participants.find((p) => p.role === 'secretary')?.displayName ?? null;
  return {
    meeting: {
      title: meeting.title,
      startsAt: meeting.startsAt,
      location: meeting.location,
      organization: meeting.organization,
    },
    chair,
    secretary,
    present,
    absent,
    agenda: s.meetings.agenda(meetingId).map((item) => ({
      id: item.id,
      title: item.title,
      presenter: item.presenter,
      speakers: [
        ...new Set(
          speakers.filter((sp) => sp.agenda_item_id === item.id).map((sp) => sp.display_name),
        ),
      ],
    })),
    ballots: ballots.map((b) => ({
      id: b.id,
      question: b.question,
      agendaItemId: b.agendaItemId,
      secret: b.secret,
      rule: b.rule,
      status: b.status,
      quorum: b.quorum,
      counts: b.result?.counts ?? {},
      cast: b.result?.cast ?? null,
      eligible: b.result?.eligible ?? null,
      present: b.result?.present ?? null,
      passed: b.result?.passed ?? null,
    })),
  };
}
