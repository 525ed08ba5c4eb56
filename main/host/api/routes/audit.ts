import type { liveCommands } from '../../../../shared/api/commands/live';
import type { Handler } from '../handler-types';

type C = typeof liveCommands;

export const listAudit: Handler<C['listAudit']> = (ctx, s) =>
  s.audit.list(ctx.params.m, ctx.query.after ?? 0, ctx.query.limit ?? 1000);

/** Recomputes the meeting's hash chain and names the first broken link, if any. */
export const verifyAudit: Handler<C['verifyAudit']> = (ctx, s) => s.audit.verify(ctx.params.m);
