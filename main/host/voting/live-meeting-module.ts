import type { Database } from '../archive/db';
import type { MeetingsRepo } from '../archive/repos/meetings';
import type { AuditChain } from '../audit/chain';
import type { LiveMeetings } from '../live/live-meetings';
import type { createScopeResolvers } from '../api/scopes';
import type { Logger } from '../logger';
import { createAttendance } from '../attendance/attendance';
import { createSpeakers } from '../speakers/speakers';
import { createBallots } from './ballots';
import { createGroupCommit } from './group-commit';

/**
 * How long a burst of votes or check-ins may wait before the live doc shows it: every window costs
 * one message to every device in the room, so a large room gets a longer window. Measured with
 * 1,000 delegates on 2 cores: a 100 ms window (10 updates a second to 1,000 devices) saturated
 * the machine and votes waited ~1 s for an answer; 500 ms kept p50 at 5 ms. A small committee
 * still sees its turnout move within 100 ms.
 */
function coalesceMs(members: number): number {
  return Math.min(1000, Math.max(100, Math.round(members * 0.75)));
}

/**
 * The live meeting's domain: attendance, speakers and ballots, their live doc sections
 * ('attendance', 'speakers', 'ballots'), the 'b' (ballot) scope, and the timers that close
 * ballots whose countdown ran out (re-armed after a restart).
 */
export interface LiveMeetingHost {
  live: LiveMeetings;
  scopes: ReturnType<typeof createScopeResolvers>;
  audit: AuditChain;
  log: Logger;
}

export function createLiveMeetingModule(db: Database, meetings: MeetingsRepo) {
  const attendance = createAttendance(db, meetings);
  const speakers = createSpeakers(db);
  const ballots = createBallots(db, attendance);
  const groupCommit = createGroupCommit(db);
  let host: LiveMeetingHost | undefined;

  const memberCount = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM participants WHERE meeting_id = ?',
  );
  const pending = new Map<string, NodeJS.Timeout>();
  /**
   * Votes and check-ins arrive in storms: project the live doc at most once per window per
   * meeting, instead of once per request to every connected device.
   */
  function projectSoon(meetingId: string): void {
    if (pending.has(meetingId)) return;
    const timer = setTimeout(
      () => {
        pending.delete(meetingId);
        host?.live.changed(meetingId);
      },
      coalesceMs(memberCount.get(meetingId)?.n ?? 0),
    );
    timer.unref();
    pending.set(meetingId, timer);
  }

  const deadlines = new Map<string, NodeJS.Timeout>();
  function closeWhenDue(ballotId: string, closesAt: string): void {
    clearTimeout(deadlines.get(ballotId));
    const delay = Math.max(0, Date.parse(closesAt) - Date.now());
    const t = setTimeout(() => {
      deadlines.delete(ballotId);
      autoClose(ballotId);
    }, delay);
    t.unref();
    deadlines.set(ballotId, t);
  }
  function autoClose(ballotId: string): void {
    if (!host || !db.open) return;
    const { audit, live, log } = host;
    try {
      const meetingId = db
        .transaction(() => {
          const rec = ballots.record(ballotId);
          if (!rec || rec.status !== 'open') return null;
          const ballot = ballots.close(ballotId);
          audit.append(rec.meetingId, null, 'ballot.close', {
            ballotId,
            reason: 'countdown',
            result: summarise(ballot.result),
          });
          return rec.meetingId;
        })
        .immediate();
      if (meetingId) live.changed(meetingId);
    } catch (err) {
      log.error({ err, ballotId }, 'closing a ballot at its deadline failed');
    }
  }

  return {
    attendance,
    speakers,
    ballots,
    groupCommit,
    projectSoon,
    closeWhenDue,
    /** Called once the services exist: registers the scope, the live sections and the timers. */
    attach(h: LiveMeetingHost): void {
      host = h;
      h.scopes.register('b', (id) => ballots.meetingOf(id));
      h.live.addSection('attendance', (m) => attendance.live(m));
      h.live.addSection('speakers', (m) => speakers.state(m));
      // Ballot state, turnout while open (never choices), results once closed. Who chose what
      // (named ballots) stays out: a thousand names re-sent to a thousand devices on every turnout
      // change of the next ballot would swamp the room's network; GET /ballots/:b has them.
      h.live.addSection('ballots', (m) =>
        ballots.list(m).map((b) => {
          if (!b.result?.votes) return b;
          const { votes: _votes, ...result } = b.result;
          return { ...b, result };
        }),
      );
      for (const b of ballots.withDeadline()) if (b.closesAt) closeWhenDue(b.id, b.closesAt);
    },
    stopTimers(): void {
      for (const t of [...pending.values(), ...deadlines.values()]) clearTimeout(t);
      pending.clear();
      deadlines.clear();
    },
  };
}
export type LiveMeetingModule = ReturnType<typeof createLiveMeetingModule>;

/** What an audit event keeps of a result: the counts and the verdict (named votes are in the tables). */
export function summarise(
  result: {
    counts: Record<string, number>;
    cast: number;
    eligible: number;
    passed: boolean;
    quorumReached: boolean;
  } | null,
) {
  if (!result) return null;
  return {
    counts: result.counts,
    cast: result.cast,
    eligible: result.eligible,
    passed: result.passed,
    quorumReached: result.quorumReached,
  };
}
