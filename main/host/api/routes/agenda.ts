import type { coreCommands } from '../../../../shared/api/commands/core';
import { ApiError, badRequest, notFound } from '../api-error';
import type { Handler } from '../handler-types';
import { toMeeting } from './meetings';
import { assertMeetingWritable } from '../../minutes/record-lock';

type C = typeof coreCommands;

export const addAgendaItem: Handler<C['addAgendaItem']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  if (ctx.body.presenterUserId && !s.meetings.roleOf(ctx.params.m, ctx.body.presenterUserId))
    throw badRequest('the presenter must be a participant');
  return s.tx(() => {
    const item = s.meetings.addAgendaItem(ctx.params.m, ctx.body);
    s.audit.append(ctx.params.m, ctx.user.id, 'agenda.add', { itemId: item.id, title: item.title });
    return item;
  });
};

export const patchAgendaItem: Handler<C['patchAgendaItem']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  if (!s.meetings.agendaItem(ctx.params.m, ctx.params.i)) throw notFound('agenda item');
  if (ctx.body.presenterUserId && !s.meetings.roleOf(ctx.params.m, ctx.body.presenterUserId))
    throw badRequest('the presenter must be a participant');
  return s.tx(() => {
    s.meetings.patchAgendaItem(ctx.params.m, ctx.params.i, ctx.body);
    s.audit.append(ctx.params.m, ctx.user.id, 'agenda.update', {
      itemId: ctx.params.i,
      ...ctx.body,
    });
    return s.meetings.agendaItem(ctx.params.m, ctx.params.i)!;
  });
};

export const deleteAgendaItem: Handler<C['deleteAgendaItem']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  if (!s.meetings.agendaItem(ctx.params.m, ctx.params.i)) throw notFound('agenda item');
  s.tx(() => {
    if (ctx.scope.meeting.currentItemId === ctx.params.i)
      s.meetings.setCurrentItem(ctx.params.m, null);
    s.meetings.deleteAgendaItem(ctx.params.m, ctx.params.i);
    s.meetings.reorderAgenda(
      ctx.params.m,
      s.meetings.agenda(ctx.params.m).map((i) => i.id),
    );
    s.audit.append(ctx.params.m, ctx.user.id, 'agenda.delete', { itemId: ctx.params.i });
  });
};

export const reorderAgenda: Handler<C['reorderAgenda']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const current = s.meetings.agenda(ctx.params.m).map((i) => i.id);
  const wanted = ctx.body;
  const same =
    wanted.length === current.length &&
    new Set(wanted).size === wanted.length &&
    wanted.every((id) => current.includes(id));
  if (!same) throw new ApiError(400, 'agenda_order_mismatch');
  return s.tx(() => {
    s.meetings.reorderAgenda(ctx.params.m, wanted);
    s.audit.append(ctx.params.m, ctx.user.id, 'agenda.reorder', { order: wanted });
    return s.meetings.agenda(ctx.params.m);
  });
};

export const setCurrentAgendaItem: Handler<C['setCurrentAgendaItem']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  if (!s.meetings.agendaItem(ctx.params.m, ctx.params.i)) throw notFound('agenda item');
  return s.tx(() => {
    s.meetings.setCurrentItem(ctx.params.m, ctx.params.i);
    s.audit.append(ctx.params.m, ctx.user.id, 'agenda.current', { itemId: ctx.params.i });
    return toMeeting(s.meetings.get(ctx.params.m)!, ctx.scope.role);
  });
};
