import type { minutesCommands } from '../../../../shared/api/commands/minutes';
import { meetingFacts } from '../../minutes/facts';
import { ApiError } from '../api-error';
import type { Handler } from '../handler-types';

type C = typeof minutesCommands;

export const getMinutes: Handler<C['getMinutes']> = (ctx, s) => s.minutes.view(ctx.params.m);

export const getMinutesFacts: Handler<C['getMinutesFacts']> = (ctx, s) =>
  meetingFacts(s, ctx.params.m);

export const finalizeMinutes: Handler<C['finalizeMinutes']> = (ctx, s) =>
  s.minutes.finalize(ctx.params.m, ctx.user.id, ctx.body?.place);

export const reopenMinutes: Handler<C['reopenMinutes']> = (ctx, s) =>
  s.minutes.reopen(ctx.params.m, ctx.user.id, ctx.body.reason);

export const getMinutesPdf: Handler<C['getMinutesPdf']> = (ctx, s) => {
  const pdf = s.minutes.pdf(ctx.params.m);
  if (!pdf) throw new ApiError(404, 'minutes_no_pdf');
  const status = s.minutes.state(ctx.params.m);
  return {
    contentType: 'application/pdf',
    body: pdf,
    length: pdf.length,
    filename: status === 'signed' ? 'bien-ban-da-ky.pdf' : 'bien-ban.pdf',
  };
};

export const prepareMinutesSignature: Handler<C['prepareMinutesSignature']> = (ctx, s) => {
  const role = ctx.scope.role;
  if (role !== 'chair' && role !== 'secretary') throw new ApiError(403, 'forbidden');
  return s.minutes.prepare(ctx.params.m, ctx.user.id, role, ctx.body.certificateChain, {
    reason: ctx.body.reason,
    location: ctx.body.location,
  });
};

export const completeMinutesSignature: Handler<C['completeMinutesSignature']> = (ctx, s) =>
  s.minutes.complete(ctx.params.m, ctx.user.id, ctx.params.s, ctx.body.cms);

export const verifyMinutes: Handler<C['verifyMinutes']> = (ctx, s) =>
  s.minutes.verify(ctx.params.m);
