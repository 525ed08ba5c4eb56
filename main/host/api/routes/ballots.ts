import type { ballotCommands } from '../../../../shared/api/commands/ballots';
import { ApiError, notFound } from '../api-error';
import type { Handler } from '../handler-types';
import { summarise } from '../../voting/live-meeting-module';
import { assertMeetingWritable } from '../../minutes/record-lock';

type C = typeof ballotCommands;

export const createBallot: Handler<C['createBallot']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  if (ctx.body.agendaItemId && !s.meetings.agendaItem(ctx.params.m, ctx.body.agendaItemId))
    throw notFound('agenda item');
  return s.liveMeeting.groupCommit.submit(() => {
    const ballot = s.liveMeeting.ballots.create(
      ctx.params.m,
      ctx.user.id,
      ctx.body,
      ctx.scope.meeting.quorumShare,
    );
    s.audit.append(ctx.params.m, ctx.user.id, 'ballot.create', {
      ballotId: ballot.id,
      question: ballot.question,
      agendaItemId: ballot.agendaItemId,
      options: ballot.options,
      secret: ballot.secret,
      rule: ballot.rule,
      quorum: ballot.quorum,
      allowChange: ballot.allowChange,
      countdownSeconds: ballot.countdownSeconds,
      previousBallotId: ballot.previousBallotId,
    });
    return ballot;
  });
};

export const listBallots: Handler<C['listBallots']> = (ctx, s) =>
  s.liveMeeting.ballots.list(ctx.params.m);

export const getBallot: Handler<C['getBallot']> = (ctx, s) => {
  const ballot = s.liveMeeting.ballots.get(ctx.params.b);
  return {
    ...ballot,
    ...(ballot.result ?? {}),
    myVote: s.liveMeeting.ballots.myVote(ballot.id, ctx.user.id),
  };
};

export const openBallot: Handler<C['openBallot']> = async (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const ballot = await s.liveMeeting.groupCommit.submit(() => {
    const { ballot, eligible } = s.liveMeeting.ballots.open(ctx.params.b);
    s.audit.append(ctx.scope.meeting.id, ctx.user.id, 'ballot.open', {
      ballotId: ballot.id,
      closesAt: ballot.closesAt,
      eligible,
    });
    return ballot;
  });
  if (ballot.closesAt) s.liveMeeting.closeWhenDue(ballot.id, ballot.closesAt);
  return ballot;
};

export const closeBallot: Handler<C['closeBallot']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  return s.liveMeeting.groupCommit.submit(() => {
    const ballot = s.liveMeeting.ballots.close(ctx.params.b);
    s.audit.append(ctx.scope.meeting.id, ctx.user.id, 'ballot.close', {
      ballotId: ballot.id,
      result: summarise(ballot.result),
    });
    return ballot;
  });
};

export const cancelBallot: Handler<C['cancelBallot']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  return s.liveMeeting.groupCommit.submit(() => {
    const ballot = s.liveMeeting.ballots.cancel(ctx.params.b);
    s.audit.append(ctx.scope.meeting.id, ctx.user.id, 'ballot.cancel', { ballotId: ballot.id });
    return ballot;
  });
};

/**
 * One vote: the token decides who votes (a userId in the body is not even read). The vote and its
 * audit event commit in one transaction (synchronous=FULL) before the answer is sent. The audit
 * event of a secret vote says only that the voter voted.
 */
export const castVote: Handler<C['castVote']> = async (ctx, s) => {
  if (ctx.scope.role === 'observer' || !ctx.scope.canVote) throw new ApiError(403, 'vote_no_right');
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  // Group commit: this vote and its audit event share a transaction with the votes that arrived
  // in the same instant, each in its own savepoint; the answer waits for the durable commit.
  const receipt = await s.liveMeeting.groupCommit.submit(() => {
    const r = s.liveMeeting.ballots.cast(ctx.params.b, ctx.user.id, ctx.body.option);
    const payload = r.secret
      ? { ballotId: ctx.params.b }
      : r.changed
        ? { ballotId: ctx.params.b, option: r.option, from: r.from }
        : { ballotId: ctx.params.b, option: r.option };
    const event = s.audit.append(
      ctx.scope.meeting.id,
      ctx.user.id,
      r.changed ? 'ballot.vote.change' : 'ballot.vote',
      payload,
    );
    return { ballotId: ctx.params.b, option: r.option, auditSeq: event.seq, changed: r.changed };
  });
  s.liveMeeting.projectSoon(ctx.scope.meeting.id);
  return receipt;
};
