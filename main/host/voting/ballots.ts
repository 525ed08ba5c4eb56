import { randomUUID } from 'node:crypto';
import type { Database } from '../archive/db';
import type { Attendance } from '../attendance/attendance';
import type {
  Ballot,
  BallotResult,
  BallotStatus,
  CreateBallotBody,
  NamedVote,
} from '../../../shared/api/schemas/ballots';
import type { BallotRule } from '../../../shared/voting/rules';
import { DEFAULT_OPTIONS, decideBallot } from '../../../shared/voting/rules';
import { ApiError, notFound } from '../api/api-error';

interface BallotRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  question: string;
  options: string;
  secret: number;
  rule: BallotRule;
  quorum: number;
  allow_change: number;
  countdown_seconds: number | null;
  previous_ballot_id: string | null;
  status: BallotStatus;
  created_by: string;
  created_at: string;
  opened_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
  members: number | null;
  present: number | null;
  result: string | null;
}

export interface BallotRecord {
  id: string;
  meetingId: string;
  options: string[];
  secret: boolean;
  allowChange: boolean;
  status: BallotStatus;
  closesAt: string | null;
  row: BallotRow;
}

const toRecord = (r: BallotRow): BallotRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  options: JSON.parse(r.options) as string[],
  secret: r.secret === 1,
  allowChange: r.allow_change === 1,
  status: r.status,
  closesAt: r.closes_at,
  row: r,
});

/** Why a voter may not vote; each is a distinct, explained refusal. */
function stateError(b: BallotRecord, now: string): ApiError | null {
  if (b.status === 'draft') return new ApiError(409, 'ballot_not_open');
  if (b.status === 'cancelled') return new ApiError(409, 'ballot_cancelled');
  if (b.status === 'closed') return new ApiError(409, 'ballot_closed');
  if (b.closesAt && b.closesAt <= now) return new ApiError(409, 'ballot_closed');
  return null;
}

/**
 * Ballots (biểu quyết). Every method here runs inside the caller's transaction, beside the audit
 * event that records it. A secret ballot writes only participation rows and counters.
 */
export function createBallots(db: Database, attendance: Attendance) {
  const q = {
    get: db.prepare<[string], BallotRow>('SELECT * FROM ballots WHERE id = ?'),
    list: db.prepare<[string], BallotRow>(
      'SELECT * FROM ballots WHERE meeting_id = ? ORDER BY created_at, id',
    ),
    openWithDeadline: db.prepare<[], BallotRow>(
      "SELECT * FROM ballots WHERE status = 'open' AND closes_at IS NOT NULL",
    ),
    insert: db.prepare(
      `INSERT INTO ballots (id, meeting_id, agenda_item_id, question, options, secret, rule, quorum, allow_change,
         countdown_seconds, previous_ballot_id, status, created_by, created_at)
       VALUES (@id, @meetingId, @agendaItemId, @question, @options, @secret, @rule, @quorum, @allowChange,
         @countdownSeconds, @previousBallotId, 'draft', @createdBy, @createdAt)`,
    ),
    open: db.prepare(
      "UPDATE ballots SET status = 'open', opened_at = ?, closes_at = ?, members = ?, present = ? WHERE id = ? AND status = 'draft'",
    ),
    close: db.prepare(
      "UPDATE ballots SET status = 'closed', closed_at = ?, result = ? WHERE id = ? AND status = 'open'",
    ),
    cancel: db.prepare(
      "UPDATE ballots SET status = 'cancelled', closed_at = ? WHERE id = ? AND status IN ('draft','open')",
    ),
    addEligible: db.prepare('INSERT INTO ballot_eligible (ballot_id, user_id) VALUES (?, ?)'),
    isEligible: db.prepare<[string, string], { n: number }>(
      'SELECT count(*) AS n FROM ballot_eligible WHERE ballot_id = ? AND user_id = ?',
    ),
    eligibleCount: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM ballot_eligible WHERE ballot_id = ?',
    ),
    addTally: db.prepare(
      'INSERT INTO ballot_tallies (ballot_id, option_index, votes) VALUES (?, ?, 0)',
    ),
    bump: db.prepare(
      'UPDATE ballot_tallies SET votes = votes + ? WHERE ballot_id = ? AND option_index = ?',
    ),
    tallies: db.prepare<[string], { option_index: number; votes: number }>(
      'SELECT option_index, votes FROM ballot_tallies WHERE ballot_id = ? ORDER BY option_index',
    ),
    participate: db.prepare('INSERT INTO ballot_participation (ballot_id, user_id) VALUES (?, ?)'),
    participated: db.prepare<[string, string], { n: number }>(
      'SELECT count(*) AS n FROM ballot_participation WHERE ballot_id = ? AND user_id = ?',
    ),
    cast: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM ballot_participation WHERE ballot_id = ?',
    ),
    choose: db.prepare(
      'INSERT INTO ballot_choices (ballot_id, user_id, option_index, at) VALUES (?, ?, ?, ?)',
    ),
    rechoose: db.prepare(
      'UPDATE ballot_choices SET option_index = ?, at = ? WHERE ballot_id = ? AND user_id = ?',
    ),
    choiceOf: db.prepare<[string, string], { option_index: number }>(
      'SELECT option_index FROM ballot_choices WHERE ballot_id = ? AND user_id = ?',
    ),
    namedVotes: db.prepare<
      [string],
      { user_id: string; display_name: string; option_index: number }
    >(
      `SELECT c.user_id, u.display_name, c.option_index FROM ballot_choices c JOIN users u ON u.id = c.user_id
       WHERE c.ballot_id = ? ORDER BY u.display_name, c.user_id`,
    ),
  };

  function record(id: string): BallotRecord | undefined {
    const r = q.get.get(id);
    return r && toRecord(r);
  }

  function mustGet(id: string): BallotRecord {
    const b = record(id);
    if (!b) throw notFound('ballot');
    return b;
  }

  function view(b: BallotRecord): Ballot {
    const r = b.row;
    const turnout =
      r.status === 'draft'
        ? null
        : { cast: q.cast.get(r.id)?.n ?? 0, eligible: q.eligibleCount.get(r.id)?.n ?? 0 };
    return {
      id: r.id,
      meetingId: r.meeting_id,
      agendaItemId: r.agenda_item_id,
      question: r.question,
      options: b.options,
      secret: b.secret,
      rule: r.rule,
      quorum: r.quorum,
      allowChange: b.allowChange,
      countdownSeconds: r.countdown_seconds,
      previousBallotId: r.previous_ballot_id,
      status: r.status,
      createdAt: r.created_at,
      openedAt: r.opened_at,
      closesAt: r.closes_at,
      closedAt: r.closed_at,
      turnout: r.status === 'cancelled' && r.opened_at === null ? null : turnout,
      result: r.result ? (JSON.parse(r.result) as BallotResult) : null,
    };
  }

  function optionIndex(b: BallotRecord, option: string | number): number {
    const index = typeof option === 'number' ? option : b.options.indexOf(option.trim());
    if (index < 0 || index >= b.options.length)
      throw new ApiError(400, 'unknown_option', {
        option: String(option),
        options: b.options.join(' / '),
      });
    return index;
  }

  return {
    meetingOf(id: string): string | undefined {
      return q.get.get(id)?.meeting_id;
    },
    record,
    mustGet,
    view,
    get(id: string): Ballot {
      return view(mustGet(id));
    },
    list(meetingId: string): Ballot[] {
      return q.list.all(meetingId).map((r) => view(toRecord(r)));
    },
    /** Open ballots that close themselves, for the timers (also after a restart). */
    withDeadline(): BallotRecord[] {
      return q.openWithDeadline.all().map(toRecord);
    },

    create(
      meetingId: string,
      createdBy: string,
      body: CreateBallotBody,
      defaultQuorum: number,
    ): Ballot {
      if (body.secret && body.allowChange) throw new ApiError(400, 'secret_ballot_no_change');
      const options = body.options ?? [...DEFAULT_OPTIONS];
      if (new Set(options).size !== options.length) throw new ApiError(400, 'duplicate_options');
      if (body.previousBallotId) {
        const previous = record(body.previousBallotId);
        if (!previous || previous.meetingId !== meetingId) throw notFound('ballot');
        if (previous.status === 'draft' || previous.status === 'open')
          throw new ApiError(409, 'revote_needs_ended_ballot');
      }
      const id = randomUUID();
      q.insert.run({
        id,
        meetingId,
        agendaItemId: body.agendaItemId ?? null,
        question: body.question,
        options: JSON.stringify(options),
        secret: body.secret ? 1 : 0,
        rule: body.rule,
        quorum: body.quorum ?? defaultQuorum,
        allowChange: body.allowChange ? 1 : 0,
        countdownSeconds: body.countdownSeconds ?? null,
        previousBallotId: body.previousBallotId ?? null,
        createdBy,
        createdAt: new Date().toISOString(),
      });
      return view(mustGet(id));
    },

    /** Freezes who may vote: voting members present right now. */
    open(id: string): { ballot: Ballot; eligible: string[] } {
      const b = mustGet(id);
      if (b.status !== 'draft')
        throw new ApiError(409, b.status === 'open' ? 'ballot_already_open' : `ballot_${b.status}`);
      const eligible = attendance.presentVoters(b.meetingId);
      if (eligible.length === 0) throw new ApiError(409, 'ballot_no_voters');
      const now = new Date();
      const closesAt = b.row.countdown_seconds
        ? new Date(now.getTime() + b.row.countdown_seconds * 1000).toISOString()
        : null;
      q.open.run(now.toISOString(), closesAt, attendance.members(b.meetingId), eligible.length, id);
      for (const userId of eligible) q.addEligible.run(id, userId);
      b.options.forEach((_, i) => q.addTally.run(id, i));
      return { ballot: view(mustGet(id)), eligible };
    },

    close(id: string): Ballot {
      const b = mustGet(id);
      if (b.status !== 'open')
        throw new ApiError(409, b.status === 'draft' ? 'ballot_not_open' : `ballot_${b.status}`);
      const tallies = q.tallies.all(id).map((t) => t.votes);
      const cast = q.cast.get(id)?.n ?? 0;
      const eligible = q.eligibleCount.get(id)?.n ?? 0;
      const members = b.row.members ?? 0;
      const present = b.row.present ?? 0;
      const outcome = decideBallot({
        options: b.options,
        tallies,
        rule: b.row.rule,
        quorumShare: b.row.quorum,
        turnout: { members, present, cast },
      });
      let votes: NamedVote[] | undefined;
      if (!b.secret)
        votes = q.namedVotes.all(id).map((v) => ({
          userId: v.user_id,
          displayName: v.display_name,
          option: b.options[v.option_index] ?? '?',
        }));
      const result: BallotResult = {
        ...outcome,
        cast,
        eligible,
        present,
        members,
        ...(votes ? { votes } : {}),
      };
      q.close.run(new Date().toISOString(), JSON.stringify(result), id);
      return view(mustGet(id));
    },

    cancel(id: string): Ballot {
      const b = mustGet(id);
      if (b.status === 'closed' || b.status === 'cancelled')
        throw new ApiError(409, `ballot_${b.status}`);
      q.cancel.run(new Date().toISOString(), id);
      return view(mustGet(id));
    },

    /**
     * Records one vote. Refusals are checked before anything is written; the primary key of
     * ballot_participation is the last guard against a double vote.
     */
    cast(
      id: string,
      userId: string,
      option: string | number,
    ): { option: string; changed: boolean; secret: boolean; from?: string } {
      const b = mustGet(id);
      const refused = stateError(b, new Date().toISOString());
      if (refused) throw refused;
      const index = optionIndex(b, option);
      if ((q.isEligible.get(id, userId)?.n ?? 0) === 0) {
        // Say why, so the delegate knows what to do.
        throw new ApiError(
          403,
          attendance.statusOf(b.meetingId, userId) === 'present'
            ? 'vote_not_eligible'
            : 'vote_not_present',
        );
      }
      const already = (q.participated.get(id, userId)?.n ?? 0) > 0;
      if (already) {
        if (!b.allowChange || b.secret) throw new ApiError(409, 'already_voted');
        const previous = q.choiceOf.get(id, userId);
        if (!previous) throw new ApiError(409, 'already_voted');
        if (previous.option_index !== index) {
          q.bump.run(-1, id, previous.option_index);
          q.bump.run(1, id, index);
          q.rechoose.run(index, new Date().toISOString(), id, userId);
        }
        return {
          option: b.options[index]!,
          changed: true,
          secret: false,
          from: b.options[previous.option_index],
        };
      }
      try {
        q.participate.run(id, userId);
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
          throw new ApiError(409, 'already_voted');
        throw err;
      }
      q.bump.run(1, id, index);
      if (!b.secret) q.choose.run(id, userId, index, new Date().toISOString());
      return { option: b.options[index]!, changed: false, secret: b.secret };
    },

    /** The caller's own standing: may they vote, did they, and (named ballots) what. */
    myVote(
      id: string,
      userId: string,
    ): { eligible: boolean; voted: boolean; option: string | null } {
      const b = mustGet(id);
      const voted = (q.participated.get(id, userId)?.n ?? 0) > 0;
      const choice = b.secret ? undefined : q.choiceOf.get(id, userId);
      return {
        eligible: (q.isEligible.get(id, userId)?.n ?? 0) > 0,
        voted,
        option: choice ? (b.options[choice.option_index] ?? null) : null,
      };
    },
  };
}
export type Ballots = ReturnType<typeof createBallots>;
