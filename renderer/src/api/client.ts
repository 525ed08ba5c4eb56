// The HTTP client, typed from the one command table in shared/api/contract.ts:
//   const meeting = await api.call('getMeeting', { params: { m } });
// Path parameters, query and body are typed from the command's zod schemas; the answer from its
// answer schema. Refusals throw ApiClientError with the host's code and localized message.
import type { z } from 'zod';
import { API_PREFIX, commands } from '../../../shared/api/contract';
import type { CommandName, Commands } from '../../../shared/api/contract';
import type { AnswerOf, CommandDef } from '../../../shared/api/define';
import { currentLang } from '../app/i18n';
import { ApiClientError, errorFromBody, errorFromResponse, networkError } from './api-error';
import { readToken } from './session-token';

type In<S> = S extends z.ZodType ? z.input<S> : never;
// `{}` extends an object type exactly when that type has no required keys.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoRequiredKeys = {};
type Optionalish<K extends string, V> = NoRequiredKeys extends V
  ? { [P in K]?: V }
  : { [P in K]: V };

type ParamsPart<C extends CommandDef> = C['params'] extends z.ZodType
  ? { params: In<C['params']> }
  : { params?: undefined };
type QueryPart<C extends CommandDef> = C['query'] extends z.ZodType
  ? Optionalish<'query', In<C['query']>>
  : { query?: undefined };
type BodyPart<C extends CommandDef> = C['body'] extends z.ZodType
  ? Optionalish<'body', In<C['body']>>
  : C['body'] extends 'raw'
    ? { body: Blob }
    : { body?: undefined };

export type CallInput<C extends CommandDef> = ParamsPart<C> &
  QueryPart<C> &
  BodyPart<C> & { signal?: AbortSignal };
type CallArgs<C extends CommandDef> =
  NoRequiredKeys extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];
export type Answer<N extends CommandName> = AnswerOf<Commands[N]>;

interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
}

let baseUrl = '';
const authLostListeners = new Set<(code: string) => void>();

/** Where the host is; '' (the default) means the origin that served the renderer. */
export function setApiBase(url: string): void {
  baseUrl = url.replace(/\/$/, '');
}

/** Called when the host says the token is missing or expired (the AuthProvider signs out). */
export function onAuthLost(listener: (code: string) => void): () => void {
  authLostListeners.add(listener);
  return () => authLostListeners.delete(listener);
}

function def(name: CommandName): CommandDef {
  return commands[name] as CommandDef;
}

function buildUrl(
  name: CommandName,
  input: LooseInput,
  extraQuery: Record<string, string> = {},
): string {
  const d = def(name);
  const params = input.params ?? {};
  const path = d.path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === null)
      throw new Error(`${name}: missing path parameter ${key}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query ?? {}))
    if (v !== undefined && v !== null) search.set(k, String(v));
  for (const [k, v] of Object.entries(extraQuery)) search.set(k, v);
  const qs = search.toString();
  return `${baseUrl}${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

function headers(sendsJson: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'Accept-Language': currentLang(),
    Accept: 'application/json',
  };
  const token = readToken();
  if (token) h.Authorization = `Bearer ${token}`;
  if (sendsJson) h['Content-Type'] = 'application/json';
  return h;
}

/** Tells the AuthProvider the session ended (e.g. the sync server closed with 4401). */
export function reportAuthLost(code: string): void {
  if (readToken()) for (const l of authLostListeners) l(code);
}

function noteAuthLost(err: ApiClientError): void {
  if (
    err.status === 401 &&
    (err.code === 'unauthenticated' || err.code === 'session_expired') &&
    readToken()
  )
    for (const l of authLostListeners) l(err.code);
}

async function decode(name: CommandName, res: Response): Promise<unknown> {
  const answer = def(name).answer;
  if (answer === 'empty') return undefined;
  if (answer === 'binary') return new Uint8Array(await res.arrayBuffer());
  return res.json();
}

async function call<N extends CommandName>(
  name: N,
  ...args: CallArgs<Commands[N]>
): Promise<Answer<N>> {
  const input = (args[0] ?? {}) as LooseInput;
  const d = def(name);
  const raw = d.body === 'raw';
  const sendsJson = !raw && d.body !== undefined;
  const init: RequestInit = { method: d.method, headers: headers(sendsJson), signal: input.signal };
  if (raw) init.body = input.body as Blob;
  else if (sendsJson) init.body = JSON.stringify(input.body ?? {});
  if (raw)
    (init.headers as Record<string, string>)['Content-Type'] =
      (input.body as Blob).type || 'application/octet-stream';
  let res: Response;
  try {
    res = await fetch(buildUrl(name, input), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError(currentLang());
  }
  if (!res.ok) {
    const err = await errorFromResponse(res);
    noteAuthLost(err);
    throw err;
  }
  return (await decode(name, res)) as Answer<N>;
}

export interface UploadOptions {
  /** Bytes sent so far and the total, as the browser reports them. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * Sends a raw body (a PDF) with upload progress, which fetch cannot report: XHR does.
 * Use for commands whose body is 'raw'.
 */
function upload<N extends CommandName>(
  name: N,
  input: CallInput<Commands[N]>,
  opts: UploadOptions = {},
): Promise<Answer<N>> {
  const loose = input as LooseInput;
  const d = def(name);
  const body = loose.body as Blob;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(d.method, buildUrl(name, loose));
    for (const [k, v] of Object.entries(headers(false))) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', body.type || 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) =>
      opts.onProgress?.(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onerror = () => reject(networkError(currentLang()));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        const err = errorFromBody(xhr.status, xhr.responseText, xhr.statusText);
        noteAuthLost(err);
        reject(err);
        return;
      }
      if (d.answer === 'empty' || d.answer === 'binary' || !xhr.responseText)
        resolve(undefined as Answer<N>);
      else resolve(JSON.parse(xhr.responseText) as Answer<N>);
    };
    loose.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * A URL for a GET command that a browser element opens itself (<a href>, <embed>, a pdf.js
 * source): the token rides in `access_token` because such requests cannot carry headers.
 */
function href<N extends CommandName>(name: N, ...args: CallArgs<Commands[N]>): string {
  const token = readToken();
  return buildUrl(name, (args[0] ?? {}) as LooseInput, token ? { access_token: token } : {});
}

export const api = { call, upload, href };
export { ApiClientError };

/** The host's origin (http or https), for building WebSocket URLs. */
export function hostOrigin(): string {
  return baseUrl || location.origin;
}
