// Finding a person by username, for secretaries who are not admins: they add participants by
// username (admins pick from GET /users). Only the public identity is returned.
import { z } from 'zod';
import { defineCommands, user } from '../define';
import { Id } from '../schemas/common';

export const UserSummary = z.object({ id: Id, username: z.string(), displayName: z.string() });
export type UserSummary = z.infer<typeof UserSummary>;

export const directoryCommands = defineCommands({
  lookupUser: {
    method: 'GET',
    path: '/users/lookup',
    access: user,
    query: z.object({ username: z.string().trim().min(1).max(64) }),
    answer: UserSummary,
  },
});
