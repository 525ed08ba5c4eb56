import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { API_PREFIX, commands } from '../../../shared/api/contract';
import { MAX_JSON_DEPTH } from '../../../shared/api/define';
import type { CommandDef } from '../../../shared/api/define';
import { formatErrorMessage, pickLang } from '../../../shared/api/errors';
import type { Lang } from '../../../shared/api/errors';
import type { Services } from '../services';
import { ApiError } from './api-error';
import { authenticate, authorize } from './access';
import type { BinaryReply, Handler, RequestContext } from './handler-types';
import { readJsonBody } from './json-body';
import { compileRoutes, matchRoute } from './routes-table';
import { setSecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';
import type { AllHandlers } from './handlers';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

export function sendError(res: ServerResponse, err: ApiError, lang: Lang): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
  sendJson(res, err.status, {
    error: {
      code: err.code,
      message: formatErrorMessage(err.code, lang, err.params),
      ...(err.details === undefined ? {} : { details: err.details }),
    },
  });
}

function bearer(req: IncomingMessage, url: URL): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || null;
  // File links opened in a new tab or by <embed> cannot carry headers.
  return url.searchParams.get('access_token');
}

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError(
    400,
    'validation',
    { detail: `${what}: ${z.prettifyError(result.error)}` },
    result.error.issues,
  );
}

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (k !== 'access_token') out[k] = v;
  return out;
}

async function sendBinary(res: ServerResponse, reply: BinaryReply): Promise<void> {
  res.statusCode = 200;
  res.setHeader('Content-Type', reply.contentType);
  if (reply.length !== undefined) res.setHeader('Content-Length', reply.length);
  if (reply.filename)
    res.setHeader(
      'Content-Disposition',
      `inline; filename*=UTF-8''${encodeURIComponent(reply.filename)}`,
    );
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (reply.body instanceof Readable) {
    await new Promise<void>((resolve, reject) => {
      const body = reply.body as Readable;
      body.on('error', reject);
      res.on('close', resolve);
      body.pipe(res);
    });
  } else {
    res.end(reply.body);
  }
}

/** TLS material for serving HTTPS (see main/host/tls). */
export interface ServerTls {
  cert: string;
  key: string;
}

export function createHttpServer(
  services: Services,
  handlers: AllHandlers,
  tls?: ServerTls,
): http.Server | https.Server {
  const routes = compileRoutes(commands as Record<string, CommandDef>);
  const table = handlers as unknown as Record<string, Handler<CommandDef>>;

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    lang: Lang,
    started: number,
  ) {
    const path = url.pathname.slice(API_PREFIX.length) || '/';
    const found = matchRoute(routes, req.method ?? 'GET', path);
    if (found.kind === 'none') throw new ApiError(404, 'route_not_found', { path: url.pathname });
    if (found.kind === 'wrong-method') throw new ApiError(405, 'method_not_allowed');
    const { route, params: rawParams } = found;
    const def = route.def;
    const token = bearer(req, url);
    const user =
      def.access.kind === 'anyone' ? safeAuth(services, token) : authenticate(services, token);
    const scope = authorize(services, def.access, user, rawParams);
    const params = def.params ? validate(def.params, rawParams, 'path') : {};
    const query = def.query ? validate(def.query, queryObject(url), 'query') : {};
    let body: unknown;
    if (def.body === 'raw') body = 'raw';
    else if (def.body)
      body = validate(
        def.body,
        await readJsonBody(
          req,
          Math.min(def.maxBodyBytes ?? Infinity, services.config.maxJsonBytes),
          MAX_JSON_DEPTH,
        ),
        'body',
      );
    else req.resume();

    const ctx = {
      user,
      token,
      params,
      query,
      body,
      lang,
      req,
      res,
      scope,
    } as RequestContext<CommandDef>;
    const handler = table[route.name];
    if (!handler) throw new ApiError(404, 'route_not_found', { path: url.pathname });
    const result = await handler(ctx, services);

    const changes = def.changesMeeting ?? def.method !== 'GET';
    if (changes && scope) services.live.changed(scope.meeting.id);
    // The host's own time for the command (a vote includes its durable commit), so a client's
    // latency can be told apart from the network's and its own queueing.
    res.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`);

    if (def.answer === 'empty') {
      res.statusCode = 204;
      res.end();
    } else if (def.answer === 'binary') {
      await sendBinary(res, result as unknown as BinaryReply);
    } else {
      sendJson(res, def.status ?? 200, result);
    }
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    setSecurityHeaders(res);
    const lang = pickLang(req.headers['accept-language']);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host.invalid');
    } catch {
      sendError(res, new ApiError(400, 'bad_request', { detail: 'URL' }), lang);
      return;
    }
    const work =
      url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)
        ? handleApi(req, res, url, lang, started)
        : serveStatic(req, res, url, services.config.rendererDir);
    work.catch((err: unknown) => {
      if (err instanceof ApiError) {
        if (err.status >= 500) services.log.error({ err }, 'request failed');
        sendError(res, err, lang);
      } else {
        services.log.error({ err, method: req.method, path: url.pathname }, 'unhandled error');
        sendError(res, new ApiError(500, 'internal'), lang);
      }
    });
  };
  // Same handler over HTTPS when the host serves the LAN (the listener itself lives in host.ts).
  const server = tls
    ? https.createServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, onRequest)
    : http.createServer(onRequest);
  // Tablets act every few seconds to minutes (turn a page's annotations, check in, vote). Node's
  // 5 s idle timeout made nearly every action open a new connection, and on the LAN every new
  // connection is a TLS handshake: a thousand delegates voting at once would each pay one.
  // Headers must be allowed a little longer than the idle time, or a reused socket can be cut.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

/** On public routes a stale token must not turn a login into a 401. */
function safeAuth(services: Services, token: string | null) {
  try {
    return authenticate(services, token);
  } catch {
    return null;
  }
}
