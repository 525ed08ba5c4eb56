import type { coreCommands } from '../../../shared/api/commands/core';
import { ApiError } from '../api/api-error';
import type { Handler } from '../api/handler-types';

type Login = Handler<(typeof coreCommands)['login']>;

/**
 * Wraps the login handler with throttling: a locked-out account or address gets 429 with the
 * seconds to wait before its password is even checked; wrong passwords are counted.
 */
export function throttledLogin(login: Login): Login {
  return async (ctx, s) => {
    const address = ctx.req.socket.remoteAddress;
    s.security.throttle.check(ctx.body.username, address);
    try {
      const answer = await login(ctx, s);
      s.security.throttle.succeeded(ctx.body.username);
      return answer;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'bad_credentials')
        s.security.throttle.failed(ctx.body.username, address);
      throw err;
    }
  };
}
