// The command table is the one contract between host and clients: each entry names the HTTP
// method and path, who may call it, and zod schemas for params, query, body and answer. The host
// registers one handler per entry (a missing handler fails to compile) and the renderer's client
// is typed from the same entries.
import type { z } from 'zod';
import type { MeetingRole } from './schemas/common';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a command.
 * - `anyone`: no token needed.
 * - `user`: any signed-in user.
 * - `admin`: a host administrator.
 * - `meeting`: a participant of the meeting that the path parameter `scope` leads to, with one of
 *   `roles` ('participant' = any role). `scope` names the kind of path parameter: 'm' a meeting
 *   id, 'd' a document id, 'b' a ballot id; the host resolves it to a meeting. Admins pass
 *   `adminToo` checks. Delegates and observers do not see unpublished meetings.
 */
export type Access =
  | { kind: 'anyone' }
  | { kind: 'user' }
  | { kind: 'admin' }
  | {
      kind: 'meeting';
      scope: ScopeParam;
      roles: readonly MeetingRole[] | 'participant';
      adminToo?: boolean;
    };

export type ScopeParam = 'm' | 'd' | 'b';

export interface CommandDef {
  method: HttpMethod;
  /** Path below /api/v1, with `:name` parameters. */
  path: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A zod schema for a JSON body, 'raw' for a streamed upload, or absent for none. */
  body?: z.ZodType | 'raw';
  /**
   * Largest JSON body this command accepts, bytes (default: the host's `maxJsonBytes`). Small
   * for commands anyone may call, so a stranger cannot make the host read and parse megabytes.
   */
  maxBodyBytes?: number;
  /** The answer's schema; 'empty' means 204 No Content; 'binary' means bytes (files). */
  answer: z.ZodType | 'empty' | 'binary';
  /** HTTP status of a successful JSON answer (default 200; 201 for commands that create). */
  status?: 200 | 201 | 202;
  /** Whether a successful call changes the meeting's live doc (defaults to: not GET). */
  changesMeeting?: boolean;
}

/** How deeply any JSON body may nest arrays and objects; real bodies stay far below it. */
export const MAX_JSON_DEPTH = 64;

export function defineCommands<const T extends Record<string, CommandDef>>(table: T): T {
  return table;
}

export const anyone = { kind: 'anyone' } as const;
export const user = { kind: 'user' } as const;
export const admin = { kind: 'admin' } as const;
export function inMeeting<const R extends readonly MeetingRole[] | 'participant'>(
  scope: ScopeParam,
  roles: R,
  adminToo = false,
) {
  return { kind: 'meeting', scope, roles, adminToo } as const;
}

type Out<S> = S extends z.ZodType ? z.output<S> : never;
type In<S> = S extends z.ZodType ? z.input<S> : never;

export type ParamsOf<C extends CommandDef> = C['params'] extends z.ZodType
  ? Out<C['params']>
  : Record<string, never>;
export type QueryOf<C extends CommandDef> = C['query'] extends z.ZodType
  ? Out<C['query']>
  : Record<string, never>;
export type BodyOf<C extends CommandDef> = C['body'] extends z.ZodType
  ? Out<C['body']>
  : C['body'] extends 'raw'
    ? 'raw'
    : undefined;
export type BodyInOf<C extends CommandDef> = C['body'] extends z.ZodType
  ? In<C['body']>
  : undefined;
export type AnswerOf<C extends CommandDef> = C['answer'] extends z.ZodType
  ? Out<C['answer']>
  : C['answer'] extends 'binary'
    ? Uint8Array
    : // An 'empty' answer is a handler that returns nothing, which TypeScript types as void.
      // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
      void;
