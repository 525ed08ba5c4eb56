import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  decideBallot,
  quorumReached,
  ruleSatisfied,
} from '../../shared/voting/rules';

describe('quorum', () => {
  it('means more than the share, or everyone for a share of 1', () => {
    expect(quorumReached(5, 10, 0.5)).toBe(false);
    expect(quorumReached(6, 10, 0.5)).toBe(true);
    expect(quorumReached(9, 10, 1)).toBe(false);
    expect(quorumReached(10, 10, 1)).toBe(true);
    expect(quorumReached(0, 0, 0.5)).toBe(false);
  });
});

describe('majority rules', () => {
  const t = { members: 10, present: 8, cast: 6 };
  it('majority_of_cast: more than half of the votes cast', () => {
    expect(ruleSatisfied('majority_of_cast', 3, t)).toBe(false);
    expect(ruleSatisfied('majority_of_cast', 4, t)).toBe(true);
  });
  it('majority_of_present: more than half of those present', () => {
    expect(ruleSatisfied('majority_of_present', 4, t)).toBe(false);
    expect(ruleSatisfied('majority_of_present', 5, t)).toBe(true);
  });
  it('majority_of_members: more than half of all voting members', () => {
    expect(ruleSatisfied('majority_of_members', 5, t)).toBe(false);
    expect(ruleSatisfied('majority_of_members', 6, t)).toBe(true);
  });
  it('two_thirds_of_members: at least two thirds, exact at the boundary', () => {
    expect(ruleSatisfied('two_thirds_of_members', 6, { members: 9, present: 9, cast: 9 })).toBe(
      true,
    );
    expect(ruleSatisfied('two_thirds_of_members', 5, { members: 9, present: 9, cast: 9 })).toBe(
      false,
    );
    expect(ruleSatisfied('two_thirds_of_members', 6, t)).toBe(false);
    expect(ruleSatisfied('two_thirds_of_members', 7, t)).toBe(true);
  });
  it('nothing passes on an empty base', () => {
    expect(ruleSatisfied('majority_of_cast', 0, { members: 5, present: 5, cast: 0 })).toBe(false);
  });
});

describe('decideBallot', () => {
  it('reports counts, percentages of cast and of members, and the verdict', () => {
    const out = decideBallot({
      options: DEFAULT_OPTIONS,
      tallies: [3, 1, 1],
      rule: 'majority_of_cast',
      quorumShare: 0.5,
      turnout: { members: 8, present: 6, cast: 5 },
    });
    expect(out.counts).toEqual({ 'Tán thành': 3, 'Không tán thành': 1, 'Không biểu quyết': 1 });
    expect(out.percentages['Tán thành']).toBe(60);
    expect(out.percentagesOfMembers['Tán thành']).toBe(37.5);
    expect(out.quorumReached).toBe(true);
    expect(out.passed).toBe(true);
  });
  it('fails without quorum even when every vote approves', () => {
    const out = decideBallot({
      options: DEFAULT_OPTIONS,
      tallies: [4, 0, 0],
      rule: 'majority_of_cast',
      quorumShare: 0.5,
      turnout: { members: 10, present: 4, cast: 4 },
    });
    expect(out.quorumReached).toBe(false);
    expect(out.passed).toBe(false);
  });
  it('gives 0 % when nothing was cast', () => {
    const out = decideBallot({
      options: ['A', 'B'],
      tallies: [0, 0],
      rule: 'majority_of_cast',
      quorumShare: 0.5,
      turnout: { members: 3, present: 3, cast: 0 },
    });
    expect(out.percentages).toEqual({ A: 0, B: 0 });
    expect(out.passed).toBe(false);
  });
});
