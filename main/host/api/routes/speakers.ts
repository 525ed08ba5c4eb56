import type { liveCommands } from '../../../../shared/api/commands/live';
import type { MeetingAccessInfo } from '../handler-types';
import { ApiError, forbidden, notFound } from '../api-error';
import type { Handler } from '../handler-types';
import type { Services } from '../../services';
import { assertMeetingWritable } from '../../minutes/record-lock';

type C = typeof liveCommands;

const isOrganiser = (scope: MeetingAccessInfo) =>
  scope.role === 'chair' || scope.role === 'secretary';

function mustGet(s: Services, meetingId: string, id: string) {
  const r = s.liveMeeting.speakers.get(meetingId, id);
  if (!r) throw notFound('speaker request');
  return r;
}

export const getSpeakers: Handler<C['getSpeakers']> = (ctx, s) =>
  s.liveMeeting.speakers.state(ctx.params.m);

export const requestToSpeak: Handler<C['requestToSpeak']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const userId = ctx.body.userId ?? ctx.user.id;
  if (userId !== ctx.user.id && !isOrganiser(ctx.scope)) throw forbidden();
  const standing = s.meetings.roleOf(ctx.params.m, userId);
  if (!standing) throw notFound('participant');
  if (standing.role === 'observer') throw new ApiError(403, 'observer_cannot_speak');
  const agendaItemId = ctx.body.agendaItemId ?? ctx.scope.meeting.currentItemId;
  if (agendaItemId && !s.meetings.agendaItem(ctx.params.m, agendaItemId))
    throw notFound('agenda item');
  return s.liveMeeting.groupCommit.submit(() => {
    if (s.liveMeeting.speakers.pendingOf(ctx.params.m, userId, agendaItemId))
      throw new ApiError(409, 'already_requested');
    const request = s.liveMeeting.speakers.request(ctx.params.m, userId, agendaItemId);
    s.audit.append(ctx.params.m, ctx.user.id, 'speaker.request', {
      requestId: request.id,
      userId,
      agendaItemId,
    });
    return request;
  });
};

export const withdrawSpeaker: Handler<C['withdrawSpeaker']> = async (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const r = mustGet(s, ctx.params.m, ctx.params.r);
  if (r.userId !== ctx.user.id && !isOrganiser(ctx.scope)) throw forbidden();
  if (r.status !== 'waiting') throw new ApiError(409, 'speaker_not_waiting');
  await s.liveMeeting.groupCommit.submit(() => {
    s.liveMeeting.speakers.withdraw(r.id);
    s.audit.append(ctx.params.m, ctx.user.id, 'speaker.withdraw', {
      requestId: r.id,
      userId: r.userId,
    });
  });
};

export const startSpeaker: Handler<C['startSpeaker']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const r = mustGet(s, ctx.params.m, ctx.params.r);
  if (r.status !== 'waiting') throw new ApiError(409, 'speaker_not_waiting');
  const limit = ctx.body.limitSeconds ?? s.liveMeeting.speakers.settings(ctx.params.m).limitSeconds;
  return s.liveMeeting.groupCommit.submit(() => {
    const stopped = s.liveMeeting.speakers.start(ctx.params.m, r.id, limit);
    if (stopped)
      s.audit.append(ctx.params.m, ctx.user.id, 'speaker.stop', {
        requestId: stopped.id,
        userId: stopped.userId,
      });
    s.audit.append(ctx.params.m, ctx.user.id, 'speaker.start', {
      requestId: r.id,
      userId: r.userId,
      limitSeconds: limit,
    });
    return mustGet(s, ctx.params.m, r.id);
  });
};

export const stopSpeaker: Handler<C['stopSpeaker']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const r = mustGet(s, ctx.params.m, ctx.params.r);
  if (r.status !== 'speaking') throw new ApiError(409, 'speaker_not_speaking');
  return s.liveMeeting.groupCommit.submit(() => {
    s.liveMeeting.speakers.stop(r.id);
    s.audit.append(ctx.params.m, ctx.user.id, 'speaker.stop', {
      requestId: r.id,
      userId: r.userId,
    });
    return mustGet(s, ctx.params.m, r.id);
  });
};

/** The body lists every waiting request of one queue, in the new order. */
export const reorderSpeakers: Handler<C['reorderSpeakers']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const waiting = s.liveMeeting.speakers.waiting(ctx.params.m);
  const first = waiting.find((w) => w.id === ctx.body[0]);
  if (!first) throw new ApiError(400, 'speaker_order_mismatch');
  const queue = waiting.filter((w) => w.agendaItemId === first.agendaItemId);
  const wanted = new Set(ctx.body);
  if (
    wanted.size !== ctx.body.length ||
    wanted.size !== queue.length ||
    !queue.every((w) => wanted.has(w.id))
  )
    throw new ApiError(400, 'speaker_order_mismatch');
  return s.liveMeeting.groupCommit.submit(() => {
    s.liveMeeting.speakers.reorder(
      ctx.body,
      queue.map((w) => w.position),
    );
    s.audit.append(ctx.params.m, ctx.user.id, 'speaker.reorder', {
      agendaItemId: first.agendaItemId,
      order: ctx.body,
    });
    return s.liveMeeting.speakers
      .waiting(ctx.params.m)
      .filter((w) => w.agendaItemId === first.agendaItemId);
  });
};

export const setSpeakingSettings: Handler<C['setSpeakingSettings']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  if (ctx.body.warningSeconds >= ctx.body.limitSeconds)
    throw new ApiError(400, 'speaking_warning_too_long');
  return s.liveMeeting.groupCommit.submit(() => {
    s.liveMeeting.speakers.putSettings(ctx.params.m, ctx.body);
    s.audit.append(ctx.params.m, ctx.user.id, 'speaker.settings', ctx.body);
    return s.liveMeeting.speakers.settings(ctx.params.m);
  });
};
