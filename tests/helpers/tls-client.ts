// Clients that trust exactly one CA (the host's), the way a paired tablet does. Built on
// node:https (no extra HTTP client): answers are standard `Response` objects.
import https from 'node:https';
import type { ClientRequestArgs } from 'node:http';
import WebSocket from 'ws';
import type { ClientOptions } from 'ws';

export interface PinnedInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export function pinnedFetch(caPem: string, opts: { keepAlive?: boolean } = {}) {
  const agent = new https.Agent({ ca: caPem, keepAlive: opts.keepAlive ?? true });
  const f = (url: string, init: PinnedInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const req = https.request(
        url,
        { method: init.method ?? 'GET', headers: init.headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) {
              if (Array.isArray(v)) for (const one of v) headers.append(k, one);
              else if (v !== undefined) headers.set(k, v);
            }
            const status = res.statusCode ?? 0;
            const empty = status === 204 || status === 304;
            resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }));
          });
        },
      );
      req.on('error', reject);
      req.end(init.body);
    });
  return Object.assign(f, {
    close: async () => {
      agent.destroy();
    },
  });
}

/** A `WebSocket` class for y-websocket's `WebSocketPolyfill` that trusts only `caPem`. */
export function pinnedWebSocket(caPem: string, extra: ClientOptions | ClientRequestArgs = {}) {
  return class PinnedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { ...extra, ca: caPem });
    }
  };
}
