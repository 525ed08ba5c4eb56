import type { liveCommands } from '../../../../shared/api/commands/live';
import { forbidden, notFound } from '../api-error';
import type { Handler } from '../handler-types';
import { assertMeetingWritable } from '../../minutes/record-lock';

type C = typeof liveCommands;

export const getAttendance: Handler<C['getAttendance']> = (ctx, s) =>
  s.liveMeeting.attendance.summary(ctx.params.m);

/** A participant checks themself in (or out); the secretary or chair marks anyone, with a reason. */
export const markAttendance: Handler<C['markAttendance']> = async (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const target = ctx.body.userId ?? ctx.user.id;
  if (target !== ctx.user.id && ctx.scope.role !== 'secretary' && ctx.scope.role !== 'chair')
    throw forbidden();
  if (!s.meetings.roleOf(ctx.params.m, target)) throw notFound('participant');
  const reason = ctx.body.reason && ctx.body.reason.length > 0 ? ctx.body.reason : null;
  // Check-ins come in a rush at the start: group-committed, projected at most once per window.
  const entry = await s.liveMeeting.groupCommit.submit(() => {
    s.liveMeeting.attendance.mark(ctx.params.m, target, ctx.body.status, reason, ctx.user.id);
    s.audit.append(ctx.params.m, ctx.user.id, 'attendance.mark', {
      userId: target,
      status: ctx.body.status,
      ...(reason ? { reason } : {}),
    });
    return s.liveMeeting.attendance.entry(ctx.params.m, target)!;
  });
  s.liveMeeting.projectSoon(ctx.params.m);
  return entry;
};
