import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { AnswerOf, BodyOf, CommandDef, ParamsOf, QueryOf } from '../../../shared/api/define';
import type { Lang } from '../../../shared/api/errors';
import type { MeetingRole } from '../../../shared/api/schemas/common';
import type { User } from '../../../shared/api/schemas/users';
import type { MeetingRecord } from '../archive/repos/meetings';
import type { Services } from '../services';

/** The caller's standing in the meeting a command is scoped to. */
export interface MeetingAccessInfo {
  meeting: MeetingRecord;
  /** null: an admin acting without a role in this meeting. */
  role: MeetingRole | null;
  canVote: boolean;
}

export interface RequestContext<C extends CommandDef> {
  user: C['access'] extends { kind: 'anyone' } ? User | null : User;
  token: string | null;
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
  lang: Lang;
  req: IncomingMessage;
  res: ServerResponse;
  /** Present when the command is scoped to a meeting (access kind 'meeting'). */
  scope: C['access'] extends { kind: 'meeting' } ? MeetingAccessInfo : undefined;
}

/** What a handler of a 'binary' command returns. */
export interface BinaryReply {
  contentType: string;
  body: Buffer | Uint8Array | Readable;
  length?: number;
  filename?: string;
  /** Extra headers, e.g. caching for content-addressed files. */
  headers?: Record<string, string>;
}

export type HandlerResult<C extends CommandDef> = C['answer'] extends 'binary'
  ? BinaryReply
  : AnswerOf<C>;

export type Handler<C extends CommandDef> = (
  ctx: RequestContext<C>,
  services: Services,
) => HandlerResult<C> | Promise<HandlerResult<C>>;

export type HandlersFor<T extends Record<string, CommandDef>> = { [K in keyof T]: Handler<T[K]> };
