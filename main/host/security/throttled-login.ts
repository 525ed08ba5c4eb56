import type { coreCommands } from '../../../shared/api/commands/core';
import { ApiError } from '../api/api-error';
import type { Handler } from '../api/handler-types';
import { requestOrigin } from './login-log';

type Login = Handler<(typeof coreCommands)['login']>;

/**
 * Wraps the login handler with throttling and the login log: a locked (account, address) pair
 * gets 429 with Retry-After before its password is even checked; wrong passwords are counted;
 * every attempt, refusal and lockout is logged with its address and client.
 */
export function throttledLogin(login: Login): Login {
  return async (ctx, s) => {
    const { address, client } = requestOrigin(ctx.req);
    const username = ctx.body.username;
    const entry = { username, address, client };
    try {
      s.security.throttle.check(username, address);
    } catch (err) {
      if (err instanceof ApiError)
        s.security.loginLog.record({
          ...entry,
          event: 'login_refused',
          userId: s.users.findByUsername(username.toLowerCase())?.id ?? null,
          detail: `seconds=${err.params.seconds ?? ''}`,
        });
      throw err;
    }
    try {
      const answer = await login(ctx, s);
      s.tx(() => {
        s.security.throttle.succeeded(username, address);
        s.security.loginLog.record({ ...entry, event: 'login', userId: answer.user.id });
      });
      return answer;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'bad_credentials')
        s.tx(() => {
          const userId = s.users.findByUsername(username.toLowerCase())?.id ?? null;
          s.security.loginLog.record({ ...entry, event: 'login_failed', userId });
          for (const lock of s.security.throttle.failed(username, address))
            s.security.loginLog.record({
              ...entry,
              event: 'lockout',
              userId,
              detail: `scope=${lock.scope} seconds=${lock.seconds}`,
            });
        });
      throw err;
    }
  };
}
