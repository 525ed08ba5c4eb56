import type { Database } from '../archive/db';
import type { MeetingsRepo } from '../archive/repos/meetings';
import type {
  AttendanceEntry,
  AttendanceLive,
  AttendanceStatus,
  AttendanceSummary,
} from '../../../shared/api/schemas/live';
import { quorumReached } from '../../../shared/voting/rules';

interface Row {
  user_id: string;
  status: AttendanceStatus;
  reason: string | null;
  marked_by: string;
  at: string;
}

/** Attendance (điểm danh): one row per participant once checked in or marked by the secretary. */
export function createAttendance(db: Database, meetings: MeetingsRepo) {
  const q = {
    upsert: db.prepare(
      `INSERT INTO attendance (meeting_id, user_id, status, reason, marked_by, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
         marked_by = excluded.marked_by, at = excluded.at`,
    ),
    all: db.prepare<[string], Row>(
      'SELECT user_id, status, reason, marked_by, at FROM attendance WHERE meeting_id = ?',
    ),
    one: db.prepare<[string, string], Row>(
      'SELECT user_id, status, reason, marked_by, at FROM attendance WHERE meeting_id = ? AND user_id = ?',
    ),
    presentVoters: db.prepare<[string], { user_id: string }>(
      `SELECT p.user_id FROM participants p JOIN attendance a ON a.meeting_id = p.meeting_id AND a.user_id = p.user_id
       WHERE p.meeting_id = ? AND p.can_vote = 1 AND p.role <> 'observer' AND a.status = 'present'`,
    ),
    participant: db.prepare<
      [string, string],
      { user_id: string; display_name: string; role: string; can_vote: number }
    >(
      `SELECT p.user_id, u.display_name, p.role, p.can_vote FROM participants p JOIN users u ON u.id = p.user_id
       WHERE p.meeting_id = ? AND p.user_id = ?`,
    ),
    codes: db.prepare<
      [string],
      {
        user_id: string;
        role: string;
        can_vote: number;
        status: AttendanceStatus | null;
        at: string | null;
      }
    >(
      `SELECT p.user_id, p.role, p.can_vote, a.status, a.at FROM participants p
       LEFT JOIN attendance a ON a.meeting_id = p.meeting_id AND a.user_id = p.user_id
       WHERE p.meeting_id = ? ORDER BY p.user_id`,
    ),
    members: db.prepare<[string], { n: number }>(
      "SELECT count(*) AS n FROM participants WHERE meeting_id = ? AND can_vote = 1 AND role <> 'observer'",
    ),
  };

  return {
    mark(
      meetingId: string,
      userId: string,
      status: AttendanceStatus,
      reason: string | null,
      markedBy: string,
    ): void {
      q.upsert.run(meetingId, userId, status, reason, markedBy, new Date().toISOString());
    },
    statusOf(meetingId: string, userId: string): AttendanceStatus | null {
      return q.one.get(meetingId, userId)?.status ?? null;
    },
    /** Voting members (participants with a vote; observers never vote). */
    members(meetingId: string): number {
      return q.members.get(meetingId)?.n ?? 0;
    },
    /** Voting members present now: who may vote in a ballot opened now. */
    presentVoters(meetingId: string): string[] {
      return q.presentVoters.all(meetingId).map((r) => r.user_id);
    },
    entry(meetingId: string, userId: string): AttendanceEntry | undefined {
      const p = q.participant.get(meetingId, userId);
      if (!p) return undefined;
      const r = q.one.get(meetingId, userId);
      return toEntry(
        { userId: p.user_id, displayName: p.display_name, role: p.role, canVote: p.can_vote === 1 },
        r,
      );
    },
    /**
     * What the live doc carries: counts, quorum, and one character per participant (ordered by
     * user id) instead of a list of records — a thousand devices receive it on every change.
     */
    live(meetingId: string): AttendanceLive {
      const rows = q.codes.all(meetingId);
      const voters = rows.filter((r) => r.can_vote === 1 && r.role !== 'observer');
      const members = voters.length;
      const presentMembers = voters.filter((r) => r.status === 'present').length;
      const quorumShare = meetings.get(meetingId)?.quorumShare ?? 0.5;
      return {
        members,
        presentMembers,
        present: rows.filter((r) => r.status === 'present').length,
        absent: rows.filter((r) => r.status === 'absent').length,
        unmarked: rows.filter((r) => r.status === null).length,
        quorumShare,
        quorumReached: quorumReached(presentMembers, members, quorumShare),
        codes: rows
          .map((r) => (r.status === 'present' ? 'p' : r.status === 'absent' ? 'a' : '-'))
          .join(''),
        updatedAt: rows.reduce<string | null>(
          (max, r) => (r.at && (!max || r.at > max) ? r.at : max),
          null,
        ),
      };
    },
    summary(meetingId: string): AttendanceSummary {
      const meeting = meetings.get(meetingId);
      const rows = new Map(q.all.all(meetingId).map((r) => [r.user_id, r]));
      const entries = meetings.participants(meetingId).map((p) => toEntry(p, rows.get(p.userId)));
      const voters = entries.filter((e) => e.canVote && e.role !== 'observer');
      const presentMembers = voters.filter((e) => e.status === 'present').length;
      const quorumShare = meeting?.quorumShare ?? 0.5;
      return {
        members: voters.length,
        presentMembers,
        present: entries.filter((e) => e.status === 'present').length,
        absent: entries.filter((e) => e.status === 'absent').length,
        unmarked: entries.filter((e) => e.status === null).length,
        quorumShare,
        quorumReached: quorumReached(presentMembers, voters.length, quorumShare),
        entries,
      };
    },
  };
}
export type Attendance = ReturnType<typeof createAttendance>;

function toEntry(
  p: { userId: string; displayName: string; role: string; canVote: boolean },
  r: Row | undefined,
): AttendanceEntry {
  return {
    userId: p.userId,
    displayName: p.displayName,
    role: p.role,
    canVote: p.canVote,
    status: r?.status ?? null,
    reason: r?.reason ?? null,
    at: r?.at ?? null,
    markedBy: r?.marked_by ?? null,
  };
}
