// Ballots (biểu quyết). Ballot commands are scoped by the ballot id ('b'), which the host resolves
// to its meeting; creating and listing are scoped by the meeting.
import { z } from 'zod';
import { defineCommands, inMeeting } from '../define';
import { Id } from '../schemas/common';
import {
  Ballot,
  BallotDetail,
  CastVoteBody,
  CreateBallotBody,
  VoteReceipt,
} from '../schemas/ballots';

const M = z.object({ m: Id });
const B = z.object({ b: Id });

export const ballotCommands = defineCommands({
  createBallot: {
    method: 'POST',
    path: '/meetings/:m/ballots',
    access: inMeeting('m', ['chair', 'secretary']),
    params: M,
    body: CreateBallotBody,
    answer: Ballot,
    status: 201,
  },
  listBallots: {
    method: 'GET',
    path: '/meetings/:m/ballots',
    access: inMeeting('m', 'participant', true),
    params: M,
    answer: z.array(Ballot),
  },
  getBallot: {
    method: 'GET',
    path: '/ballots/:b',
    access: inMeeting('b', 'participant', true),
    params: B,
    answer: BallotDetail,
  },
  openBallot: {
    method: 'POST',
    path: '/ballots/:b/open',
    access: inMeeting('b', ['chair']),
    params: B,
    answer: Ballot,
  },
  closeBallot: {
    method: 'POST',
    path: '/ballots/:b/close',
    access: inMeeting('b', ['chair']),
    params: B,
    answer: Ballot,
  },
  cancelBallot: {
    method: 'POST',
    path: '/ballots/:b/cancel',
    access: inMeeting('b', ['chair']),
    params: B,
    answer: Ballot,
  },
  castVote: {
    method: 'POST',
    path: '/ballots/:b/votes',
    access: inMeeting('b', 'participant'),
    params: B,
    body: CastVoteBody,
    answer: VoteReceipt,
    // A storm of votes must not re-project the live doc once per vote: the ballots module
    // coalesces turnout updates itself.
    changesMeeting: false,
  },
});
