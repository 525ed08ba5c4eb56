import type { coreCommands } from '../../../../shared/api/commands/core';
import type { Meeting, MeetingDetail } from '../../../../shared/api/schemas/meetings';
import type { MeetingRole } from '../../../../shared/api/schemas/common';
import type { MeetingRecord } from '../../archive/repos/meetings';
import type { Services } from '../../services';
import { badRequest, forbidden, notFound } from '../api-error';
import type { Handler } from '../handler-types';
import { assertMeetingWritable } from '../../minutes/record-lock';

type C = typeof coreCommands;

export function toMeeting(record: MeetingRecord, myRole: MeetingRole | null): Meeting {
  const { createdBy: _createdBy, ...meeting } = record;
  return { ...meeting, myRole };
}

export function meetingDetail(
  s: Services,
  meetingId: string,
  userId: string,
  role: MeetingRole | null,
): MeetingDetail {
  const record = s.meetings.get(meetingId);
  if (!record) throw notFound('meeting');
  return {
    ...toMeeting(record, role),
    agenda: s.meetings.agenda(meetingId),
    participants: s.meetings.participants(meetingId),
    documents: s.papers.visibleTo(meetingId, userId, role),
  };
}

export const createMeeting: Handler<C['createMeeting']> = (ctx, s) => {
  if (!ctx.user.canCreateMeetings && !ctx.user.isAdmin) throw forbidden();
  return s.tx(() => {
    const record = s.meetings.create({ ...ctx.body, createdBy: ctx.user.id });
    s.meetings.replaceParticipants(record.id, [
      { userId: ctx.user.id, role: 'secretary', canVote: false },
    ]);
    s.audit.append(record.id, ctx.user.id, 'meeting.create', {
      title: record.title,
      startsAt: record.startsAt,
    });
    return toMeeting(record, 'secretary');
  });
};

export const listMeetings: Handler<C['listMeetings']> = (ctx, s) => {
  const mine = s.meetings.listForUser(ctx.user.id);
  const visible = mine
    .filter((m) => m.status !== 'draft' || m.role === 'secretary' || m.role === 'chair')
    .map((m) => {
      const { role, ...record } = m;
      return toMeeting(record, role);
    });
  if (!ctx.user.isAdmin) return visible;
  const seen = new Set(visible.map((m) => m.id));
  return [
    ...visible,
    ...s.meetings
      .listAll()
      .filter((m) => !seen.has(m.id))
      .map((m) => toMeeting(m, null)),
  ];
};

export const getMeeting: Handler<C['getMeeting']> = (ctx, s) =>
  meetingDetail(s, ctx.params.m, ctx.user.id, ctx.scope.role);

export const patchMeeting: Handler<C['patchMeeting']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  return s.tx(() => {
    s.meetings.patch(ctx.params.m, ctx.body);
    s.audit.append(ctx.params.m, ctx.user.id, 'meeting.update', ctx.body);
    return toMeeting(s.meetings.get(ctx.params.m)!, ctx.scope.role);
  });
};

export const putParticipants: Handler<C['putParticipants']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const seen = new Set<string>();
  for (const p of ctx.body) {
    if (seen.has(p.userId)) throw badRequest(`user ${p.userId} is listed twice`);
    seen.add(p.userId);
    if (!s.users.get(p.userId)) throw badRequest(`unknown user ${p.userId}`);
  }
  const list = ctx.body.map((p) => ({
    userId: p.userId,
    role: p.role,
    // Delegates vote unless told otherwise; the others do not.
    canVote: p.canVote ?? p.role === 'delegate',
  }));
  // The meeting must keep a secretary: if the caller dropped every secretary, they stay one.
  if (!list.some((p) => p.role === 'secretary')) {
    const self = list.find((p) => p.userId === ctx.user.id);
    if (self) throw badRequest('a meeting needs at least one secretary');
    list.push({ userId: ctx.user.id, role: 'secretary', canVote: false });
  }
  return s.tx(() => {
    s.meetings.replaceParticipants(ctx.params.m, list);
    s.audit.append(ctx.params.m, ctx.user.id, 'participants.set', { participants: list });
    const role = s.meetings.roleOf(ctx.params.m, ctx.user.id)?.role ?? null;
    return meetingDetail(s, ctx.params.m, ctx.user.id, role);
  });
};

export const publishMeeting: Handler<C['publishMeeting']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  return s.tx(() => {
    s.meetings.setStatus(ctx.params.m, 'published');
    s.audit.append(ctx.params.m, ctx.user.id, 'meeting.publish', {});
    return toMeeting(s.meetings.get(ctx.params.m)!, ctx.scope.role);
  });
};
