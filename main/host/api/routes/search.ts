import type { archiveCommands } from '../../../../shared/api/commands/archive';
import type { Handler } from '../handler-types';

type C = typeof archiveCommands;

/** Hits the caller may see: meetings they take part in, confidential papers only if named on them. */
export const search: Handler<C['search']> = (ctx, s) =>
  s.search.query(ctx.user, ctx.query, s.papers);
