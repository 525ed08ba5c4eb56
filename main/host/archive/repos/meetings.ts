import { randomUUID } from 'node:crypto';
import type { Database } from '../db';
import type { MeetingRole } from '../../../../shared/api/schemas/common';
import type {
  AgendaItem,
  Meeting,
  MeetingStatus,
  Participant,
} from '../../../../shared/api/schemas/meetings';

interface MeetingRow {
  id: string;
  title: string;
  starts_at: string;
  location: string | null;
  organization: string | null;
  status: MeetingStatus;
  current_item_id: string | null;
  quorum_share: number;
  created_by: string;
  created_at: string;
}
interface AgendaRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  presenter: string | null;
  presenter_user_id: string | null;
  duration_minutes: number | null;
}
interface ParticipantRow {
  user_id: string;
  username: string;
  display_name: string;
  role: MeetingRole;
  can_vote: number;
}

export type MeetingRecord = Omit<Meeting, 'myRole'> & { createdBy: string };

const toMeeting = (r: MeetingRow): MeetingRecord => ({
  id: r.id,
  title: r.title,
  startsAt: r.starts_at,
  location: r.location,
  organization: r.organization,
  status: r.status,
  currentItemId: r.current_item_id,
  quorumShare: r.quorum_share,
  createdAt: r.created_at,
  createdBy: r.created_by,
});
const toAgenda = (r: AgendaRow): AgendaItem => ({
  id: r.id,
  meetingId: r.meeting_id,
  position: r.position,
  title: r.title,
  presenter: r.presenter,
  presenterUserId: r.presenter_user_id,
  durationMinutes: r.duration_minutes,
});
const toParticipant = (r: ParticipantRow): Participant => ({
  userId: r.user_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  canVote: r.can_vote === 1,
});

export function createMeetingsRepo(db: Database) {
  const q = {
    get: db.prepare<[string], MeetingRow>('SELECT * FROM meetings WHERE id = ?'),
    all: db.prepare<[], MeetingRow>(
      'SELECT * FROM meetings ORDER BY starts_at DESC, created_at DESC',
    ),
    forUser: db.prepare<[string], MeetingRow & { role: MeetingRole }>(
      `SELECT m.*, p.role FROM meetings m JOIN participants p ON p.meeting_id = m.id
       WHERE p.user_id = ? ORDER BY m.starts_at DESC, m.created_at DESC`,
    ),
    insert: db.prepare(
      `INSERT INTO meetings (id, title, starts_at, location, organization, created_by, created_at)
       VALUES (@id, @title, @startsAt, @location, @organization, @createdBy, @createdAt)`,
    ),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM meetings'),
    role: db.prepare<[string, string], { role: MeetingRole; can_vote: number }>(
      'SELECT role, can_vote FROM participants WHERE meeting_id = ? AND user_id = ?',
    ),
    participants: db.prepare<[string], ParticipantRow>(
      `SELECT p.user_id, u.username, u.display_name, p.role, p.can_vote
       FROM participants p JOIN users u ON u.id = p.user_id WHERE p.meeting_id = ?
       ORDER BY CASE p.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 WHEN 'delegate' THEN 2 ELSE 3 END, u.display_name`,
    ),
    clearParticipants: db.prepare('DELETE FROM participants WHERE meeting_id = ?'),
    addParticipant: db.prepare(
      'INSERT INTO participants (meeting_id, user_id, role, can_vote) VALUES (?, ?, ?, ?)',
    ),
    agenda: db.prepare<[string], AgendaRow>(
      'SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id',
    ),
    agendaItem: db.prepare<[string, string], AgendaRow>(
      'SELECT * FROM agenda_items WHERE meeting_id = ? AND id = ?',
    ),
    maxPosition: db.prepare<[string], { p: number | null }>(
      'SELECT max(position) AS p FROM agenda_items WHERE meeting_id = ?',
    ),
    insertAgenda: db.prepare(
      `INSERT INTO agenda_items (id, meeting_id, position, title, presenter, presenter_user_id, duration_minutes)
       VALUES (@id, @meetingId, @position, @title, @presenter, @presenterUserId, @durationMinutes)`,
    ),
    setPosition: db.prepare('UPDATE agenda_items SET position = ? WHERE id = ? AND meeting_id = ?'),
    deleteAgenda: db.prepare('DELETE FROM agenda_items WHERE id = ? AND meeting_id = ?'),
    setCurrent: db.prepare('UPDATE meetings SET current_item_id = ? WHERE id = ?'),
    setStatus: db.prepare('UPDATE meetings SET status = ? WHERE id = ?'),
  };

  // Column names for PATCH: a fixed map, so no caller-chosen text reaches SQL.
  const meetingColumns = {
    title: 'title',
    startsAt: 'starts_at',
    location: 'location',
    organization: 'organization',
    quorumShare: 'quorum_share',
  } as const;
  const agendaColumns = {
    title: 'title',
    presenter: 'presenter',
    presenterUserId: 'presenter_user_id',
    durationMinutes: 'duration_minutes',
  } as const;

  function patchRow<K extends string>(
    table: string,
    columns: Record<K, string>,
    where: string,
    whereArgs: unknown[],
    fields: Partial<Record<K, unknown>>,
  ): void {
    const keys = (Object.keys(fields) as K[]).filter(
      (k) => fields[k] !== undefined && k in columns,
    );
    if (keys.length === 0) return;
    const sets = keys.map((k) => `${columns[k]} = ?`).join(', ');
    db.prepare(`UPDATE ${table} SET ${sets} WHERE ${where}`).run(
      ...keys.map((k) => fields[k]),
      ...whereArgs,
    );
  }

  return {
    get(id: string): MeetingRecord | undefined {
      const r = q.get.get(id);
      return r && toMeeting(r);
    },
    listAll(): MeetingRecord[] {
      return q.all.all().map(toMeeting);
    },
    listForUser(userId: string): Array<MeetingRecord & { role: MeetingRole }> {
      return q.forUser.all(userId).map((r) => ({ ...toMeeting(r), role: r.role }));
    },
    count(): number {
      return q.count.get()!.n;
    },
    create(input: {
      title: string;
      startsAt: string;
      location?: string;
      organization?: string;
      createdBy: string;
    }) {
      const id = randomUUID();
      q.insert.run({
        id,
        title: input.title,
        startsAt: input.startsAt,
        location: input.location ?? null,
        organization: input.organization ?? null,
        createdBy: input.createdBy,
        createdAt: new Date().toISOString(),
      });
      return this.get(id)!;
    },
    patch(id: string, fields: Partial<Record<keyof typeof meetingColumns, unknown>>): void {
      patchRow('meetings', meetingColumns, 'id = ?', [id], fields);
    },
    setStatus(id: string, status: MeetingStatus): void {
      q.setStatus.run(status, id);
    },
    setCurrentItem(id: string, itemId: string | null): void {
      q.setCurrent.run(itemId, id);
    },
    roleOf(meetingId: string, userId: string): { role: MeetingRole; canVote: boolean } | undefined {
      const r = q.role.get(meetingId, userId);
      return r && { role: r.role, canVote: r.can_vote === 1 };
    },
    participants(meetingId: string): Participant[] {
      return q.participants.all(meetingId).map(toParticipant);
    },
    replaceParticipants(
      meetingId: string,
      list: Array<{ userId: string; role: MeetingRole; canVote: boolean }>,
    ) {
      q.clearParticipants.run(meetingId);
      for (const p of list) q.addParticipant.run(meetingId, p.userId, p.role, p.canVote ? 1 : 0);
    },
    agenda(meetingId: string): AgendaItem[] {
      return q.agenda.all(meetingId).map(toAgenda);
    },
    agendaItem(meetingId: string, itemId: string): AgendaItem | undefined {
      const r = q.agendaItem.get(meetingId, itemId);
      return r && toAgenda(r);
    },
    addAgendaItem(
      meetingId: string,
      input: {
        title: string;
        presenter?: string;
        presenterUserId?: string;
        durationMinutes?: number;
      },
    ): AgendaItem {
      const id = randomUUID();
      const position = (q.maxPosition.get(meetingId)?.p ?? 0) + 1;
      q.insertAgenda.run({
        id,
        meetingId,
        position,
        title: input.title,
        presenter: input.presenter ?? null,
        presenterUserId: input.presenterUserId ?? null,
        durationMinutes: input.durationMinutes ?? null,
      });
      return this.agendaItem(meetingId, id)!;
    },
    patchAgendaItem(
      meetingId: string,
      itemId: string,
      fields: Partial<Record<keyof typeof agendaColumns, unknown>>,
    ) {
      patchRow(
        'agenda_items',
        agendaColumns,
        'id = ? AND meeting_id = ?',
        [itemId, meetingId],
        fields,
      );
    },
    deleteAgendaItem(meetingId: string, itemId: string): void {
      q.deleteAgenda.run(itemId, meetingId);
    },
    reorderAgenda(meetingId: string, ids: readonly string[]): void {
      ids.forEach((id, index) => q.setPosition.run(index + 1, id, meetingId));
    },
  };
}
export type MeetingsRepo = ReturnType<typeof createMeetingsRepo>;
