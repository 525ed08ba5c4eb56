// Majority and quorum rules of a ballot, as pure functions shared by host and renderer.
// Wording follows Vietnamese practice: "quá nửa" (more than half) and "ít nhất hai phần ba"
// (at least two thirds). The first option of a ballot is the motion's approving answer
// ("Tán thành"); the rule decides whether enough voters chose it.

export const BALLOT_RULES = [
  'majority_of_cast',
  'majority_of_present',
  'majority_of_members',
  'two_thirds_of_members',
] as const;
export type BallotRule = (typeof BALLOT_RULES)[number];

export const DEFAULT_OPTIONS = ['Tán thành', 'Không tán thành', 'Không biểu quyết'] as const;

/** The default quorum: more than half of the voting members present. */
export const DEFAULT_QUORUM_SHARE = 0.5;

export interface Turnout {
  /** Voting members of the meeting (participants with a vote). */
  members: number;
  /** Voting members present when the ballot opened. */
  present: number;
  /** Votes received. */
  cast: number;
}

/**
 * Whether `present` of `members` meets a quorum share. A share below 1 means "more than that
 * share" (0.5: more than half); a share of 1 means everyone.
 */
export function quorumReached(present: number, members: number, share: number): boolean {
  if (members <= 0) return false;
  if (share >= 1) return present >= members;
  return present > share * members;
}

/** The number the rule measures the approving votes against. */
export function ruleBase(rule: BallotRule, t: Turnout): number {
  switch (rule) {
    case 'majority_of_cast':
      return t.cast;
    case 'majority_of_present':
      return t.present;
    case 'majority_of_members':
    case 'two_thirds_of_members':
      return t.members;
  }
}

/** Whether `approving` votes carry the motion under `rule` (ignoring quorum). */
export function ruleSatisfied(rule: BallotRule, approving: number, t: Turnout): boolean {
  const base = ruleBase(rule, t);
  if (base <= 0) return false;
  // Integer arithmetic: 3 * approving >= 2 * base avoids 0.666… rounding at the boundary.
  if (rule === 'two_thirds_of_members') return 3 * approving >= 2 * base;
  return 2 * approving > base;
}

export interface BallotOutcome {
  counts: Record<string, number>;
  /** Share of the votes cast, in percent, per option (0 when nothing was cast). */
  percentages: Record<string, number>;
  /** Share of the voting members, in percent, per option (how Vietnamese minutes report it). */
  percentagesOfMembers: Record<string, number>;
  quorumReached: boolean;
  passed: boolean;
}

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10000) / 100 : 0;

/** Counts, percentages and the verdict of a closed ballot. */
export function decideBallot(input: {
  options: readonly string[];
  tallies: readonly number[];
  rule: BallotRule;
  quorumShare: number;
  turnout: Turnout;
}): BallotOutcome {
  const counts: Record<string, number> = {};
  const percentages: Record<string, number> = {};
  const percentagesOfMembers: Record<string, number> = {};
  input.options.forEach((option, i) => {
    const n = input.tallies[i] ?? 0;
    counts[option] = n;
    percentages[option] = percent(n, input.turnout.cast);
    percentagesOfMembers[option] = percent(n, input.turnout.members);
  });
  const quorum = quorumReached(input.turnout.present, input.turnout.members, input.quorumShare);
  const approving = input.tallies[0] ?? 0;
  return {
    counts,
    percentages,
    percentagesOfMembers,
    quorumReached: quorum,
    passed: quorum && ruleSatisfied(input.rule, approving, input.turnout),
  };
}
