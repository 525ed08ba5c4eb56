// Clients that trust exactly one CA (the host's), the way a paired tablet does.
import { Agent, fetch as undiciFetch } from 'undici';
import WebSocket from 'ws';
import type { ClientOptions } from 'ws';
import type { ClientRequestArgs } from 'node:http';

export function pinnedFetch(caPem: string) {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  const f = (url: string, init: Parameters<typeof undiciFetch>[1] = {}) => undiciFetch(url, { ...init, dispatcher });
  return Object.assign(f, { close: () => dispatcher.close() });
}

/** A `WebSocket` class for y-websocket's `WebSocketPolyfill` that trusts only `caPem`. */
export function pinnedWebSocket(caPem: string, extra: ClientOptions | ClientRequestArgs = {}) {
  return class PinnedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { ...extra, ca: caPem });
    }
  };
}
