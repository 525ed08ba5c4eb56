import type { securityCommands } from '../../../../shared/api/commands/security';
import { notFound } from '../api-error';
import type { Handler } from '../handler-types';

type C = typeof securityCommands;

export const listUserSessions: Handler<C['listUserSessions']> = (ctx, s) => {
  if (!s.users.get(ctx.params.u)) throw notFound('user');
  return s.security.sessionsOf(ctx.params.u);
};

/** Ends every session of a user at once (a lost tablet, a person leaving the body). */
export const revokeUserSessions: Handler<C['revokeUserSessions']> = (ctx, s) => {
  if (!s.users.get(ctx.params.u)) throw notFound('user');
  return s.tx(() => {
    const revoked = s.sessions.revokeAllFor(ctx.params.u);
    s.audit.append('', ctx.user.id, 'user.sessions.revoke', { userId: ctx.params.u, revoked });
    return { revoked };
  });
};

/** The login log, newest first, a page at a time (`before` = the previous page's `next`). */
export const listLoginLog: Handler<C['listLoginLog']> = (ctx, s) => {
  const entries = s.security.loginLog.list(ctx.query);
  const last = entries.at(-1);
  return { entries, next: entries.length === ctx.query.limit && last ? last.id : null };
};
