// Ballots (biểu quyết): creation, votes and what the host tells about a ballot. While a ballot is
// open only the turnout is told; counts come with the close, and voter→choice only for named ones.
import { z } from 'zod';
import { BALLOT_RULES } from '../../voting/rules';
import { Id } from './common';

export const BallotRule = z.enum(BALLOT_RULES);
export const BallotStatus = z.enum(['draft', 'open', 'closed', 'cancelled']);
export type BallotStatus = z.infer<typeof BallotStatus>;

export const CreateBallotBody = z
  .object({
    question: z.string().trim().min(1).max(2000),
    agendaItemId: Id.optional(),
    secret: z.boolean(),
    /** Defaults to Tán thành / Không tán thành / Không biểu quyết; the first one approves. */
    options: z.array(z.string().trim().min(1).max(200)).min(2).max(20).optional(),
    rule: BallotRule,
    /** Share of voting members that must be present (default: the meeting's, more than half). */
    quorum: z.number().gt(0).max(1).optional(),
    /** A named ballot may let voters change their vote until close (never a secret one). */
    allowChange: z.boolean().optional(),
    /** Voting time after opening; the host closes the ballot when it runs out. */
    countdownSeconds: z
      .number()
      .int()
      .min(5)
      .max(24 * 3600)
      .optional(),
    /** A re-vote names the ballot it repeats. */
    previousBallotId: Id.optional(),
  })
  .strict();
export type CreateBallotBody = z.infer<typeof CreateBallotBody>;

/** The option by its text, or by its position (0-based). */
export const CastVoteBody = z.object({
  option: z.union([z.string().min(1).max(200), z.number().int().min(0)]),
});
export type CastVoteBody = z.infer<typeof CastVoteBody>;

export const NamedVote = z.object({ userId: Id, displayName: z.string(), option: z.string() });
export type NamedVote = z.infer<typeof NamedVote>;

export const BallotResult = z.object({
  counts: z.record(z.string(), z.number().int()),
  percentages: z.record(z.string(), z.number()),
  percentagesOfMembers: z.record(z.string(), z.number()),
  cast: z.number().int(),
  eligible: z.number().int(),
  present: z.number().int(),
  members: z.number().int(),
  quorumReached: z.boolean(),
  passed: z.boolean(),
  /** Named ballots only. */
  votes: z.array(NamedVote).optional(),
});
export type BallotResult = z.infer<typeof BallotResult>;

export const Ballot = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id.nullable(),
  question: z.string(),
  options: z.array(z.string()),
  secret: z.boolean(),
  rule: BallotRule,
  quorum: z.number(),
  allowChange: z.boolean(),
  countdownSeconds: z.number().int().nullable(),
  previousBallotId: Id.nullable(),
  status: BallotStatus,
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** While open and after: how many voted out of how many may. */
  turnout: z.object({ cast: z.number().int(), eligible: z.number().int() }).nullable(),
  /** Once closed. */
  result: BallotResult.nullable(),
});
export type Ballot = z.infer<typeof Ballot>;

/** GET /ballots/:b: the ballot, the caller's own standing, and (closed) the result's fields at top level too. */
export const BallotDetail = Ballot.extend({
  myVote: z.object({ eligible: z.boolean(), voted: z.boolean(), option: z.string().nullable() }),
  counts: z.record(z.string(), z.number().int()).optional(),
  percentages: z.record(z.string(), z.number()).optional(),
  percentagesOfMembers: z.record(z.string(), z.number()).optional(),
  cast: z.number().int().optional(),
  eligible: z.number().int().optional(),
  present: z.number().int().optional(),
  members: z.number().int().optional(),
  quorumReached: z.boolean().optional(),
  passed: z.boolean().optional(),
  votes: z.array(NamedVote).optional(),
});
export type BallotDetail = z.infer<typeof BallotDetail>;

export const VoteReceipt = z.object({
  ballotId: Id,
  option: z.string(),
  /** The audit event that recorded the vote. */
  auditSeq: z.number().int(),
  changed: z.boolean(),
});
export type VoteReceipt = z.infer<typeof VoteReceipt>;
