import type { coreCommands } from '../../../../shared/api/commands/core';
import { ApiError } from '../api-error';
import type { Handler } from '../handler-types';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { HOST_VERSION } from '../../version';
import { requestOrigin } from '../../security/login-log';

type C = typeof coreCommands;

// A fixed hash to compare against when the username is unknown, so both paths cost one scrypt.
let decoyHash: Promise<string> | undefined;

export const health: Handler<C['health']> = () => ({ ok: true, version: HOST_VERSION });

export const login: Handler<C['login']> = async (ctx, s) => {
  const found = s.users.findForLogin(ctx.body.username.toLowerCase());
  decoyHash ??= hashPassword('decoy-password-never-matches');
  const ok = await verifyPassword(ctx.body.password, found?.passwordHash ?? (await decoyHash));
  if (!found || !ok) throw new ApiError(401, 'bad_credentials');
  const { passwordHash: _omit, ...user } = found;
  const session = s.sessions.create(user.id);
  s.log.info({ userId: user.id }, 'login');
  return { token: session.token, user, expiresAt: session.expiresAt };
};

export const logout: Handler<C['logout']> = (ctx, s) => {
  s.tx(() => {
    if (ctx.token) s.sessions.revoke(ctx.token);
    s.security.loginLog.record({
      ...requestOrigin(ctx.req),
      event: 'logout',
      username: ctx.user.username,
      userId: ctx.user.id,
    });
  });
};

export const me: Handler<C['me']> = (ctx) => ctx.user;

export const createUser: Handler<C['createUser']> = async (ctx, s) => {
  const b = ctx.body;
  if (s.users.findByUsername(b.username)) throw new ApiError(409, 'username_taken');
  const passwordHash = await hashPassword(b.password);
  return s.tx(() => {
    if (s.users.findByUsername(b.username)) throw new ApiError(409, 'username_taken');
    const created = s.users.create({
      username: b.username,
      displayName: b.displayName,
      passwordHash,
      isAdmin: b.isAdmin ?? false,
      canCreateMeetings: b.canCreateMeetings ?? true,
    });
    s.audit.append('', ctx.user.id, 'user.create', {
      userId: created.id,
      username: created.username,
    });
    return created;
  });
};

export const listUsers: Handler<C['listUsers']> = (_ctx, s) => s.users.list();
