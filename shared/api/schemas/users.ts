import { z } from 'zod';
import { Id } from './common';

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  /** May create meetings (and so become their secretary). */
  canCreateMeetings: z.boolean(),
});
export type User = z.infer<typeof User>;

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore');

export const CreateUserBody = z.object({
  username: Username,
  password: z.string().min(4).max(256),
  displayName: z.string().trim().min(1).max(200),
  isAdmin: z.boolean().optional(),
  canCreateMeetings: z.boolean().optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const LoginAnswer = z.object({ token: z.string(), user: User, expiresAt: z.string() });
export type LoginAnswer = z.infer<typeof LoginAnswer>;
