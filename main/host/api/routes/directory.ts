import type { directoryCommands } from '../../../../shared/api/commands/directory';
import { forbidden, notFound } from '../api-error';
import type { Handler } from '../handler-types';

type C = typeof directoryCommands;

// Only people who prepare meetings may look others up, so delegates cannot list accounts.
export const lookupUser: Handler<C['lookupUser']> = (ctx, s) => {
  if (!ctx.user.canCreateMeetings && !ctx.user.isAdmin) throw forbidden();
  const found = s.users.findByUsername(ctx.query.username.toLowerCase());
  if (!found) throw notFound('user');
  return { id: found.id, username: found.username, displayName: found.displayName };
};
