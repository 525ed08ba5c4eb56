// The y-websocket protocol server on /sync/<doc>: the stock y-websocket client works unchanged.
// Upgrades are authorised before the handshake (upgrade-check.ts), messages per message
// (sync-connection.ts), docs are loaded from and persisted to SQLite (doc-registry.ts).
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { formatErrorMessage, pickLang } from '../../../shared/api/errors';
import type { Services } from '../services';
import { Close } from './close-codes';
import type { CloseReason } from './close-codes';
import { docAccess } from './doc-access';
import { createDocRegistry } from './doc-registry';
import { createDocStore } from './doc-store';
import { createDurableWriter, inlineWriter } from './durable-writer';
import { defaultSyncOptions } from './sync-options';
import type { SyncOptions } from './sync-options';
import { SyncConnection } from './sync-connection';
import { checkSession, checkUpgrade } from './upgrade-check';

export interface SyncServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Persist what is pending, close every connection, unload docs. */
  close(): Promise<void>;
  /** Open sockets, loaded docs, and where commits happen (for diagnostics and tests). */
  stats(): { connections: number; docs: number; writer: 'thread' | 'inline' };
}

/** Longest wait for pending commits when the host shuts down. */
const SHUTDOWN_WAIT_MS = 10_000;

/** Dead peers (a tablet that left the Wi-Fi) are found by ping/pong and dropped. */
const HEARTBEAT_MS = 30_000;

export function createSyncServer(
  services: Services,
  options: Partial<SyncOptions> = {},
): SyncServer {
  const opts: SyncOptions = {
    ...defaultSyncOptions,
    ...options,
    maxMessageBytes: { ...defaultSyncOptions.maxMessageBytes, ...options.maxMessageBytes },
  };
  // ws refuses a frame larger than this from its header alone (close 1009), before buffering it.
  const maxPayload = Math.max(...Object.values(opts.maxMessageBytes));
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const store = createDocStore(services.db, (doc, seq, err) =>
    services.log.error({ err, doc, seq }, 'unreadable sync update row skipped'),
  );
  const connections = new Set<SyncConnection>();
  const perUser = new Map<string, number>();
  const writer = opts.writerThread
    ? createDurableWriter(services.db.name, store, services.log)
    : inlineWriter(store);
  const registry = createDocRegistry(services, store, writer, {
    idleUnloadMs: opts.idleUnloadMs,
    compactAfterRows: opts.compactAfterRows,
    // The clients still hold the update the archive missed; on reconnect they send it again.
    onStorageFailure: (doc) => {
      for (const c of connections) if (c.shared === doc) c.close(Close.storageFailure);
    },
  });
  services.live.setDocLookup((meetingId) => registry.loaded(`meeting/${meetingId}`)?.doc);
  let closing = false;

  const timers = [
    setInterval(() => {
      for (const c of connections) {
        if (!c.alive) {
          c.ws.terminate();
          continue;
        }
        c.alive = false;
        c.ws.ping();
      }
    }, HEARTBEAT_MS),
    // A socket that only listens must still lose access when its session or role goes.
    setInterval(() => {
      for (const c of connections) {
        try {
          c.recheck();
        } catch (err) {
          services.log.error({ err }, 'sync permission check failed');
        }
      }
    }, opts.recheckEveryMs),
  ];
  for (const t of timers) t.unref();

  function refuse(
    socket: Duplex,
    req: IncomingMessage,
    status: number,
    code: string,
    params?: Record<string, string | number>,
  ) {
    const lang = pickLang(req.headers['accept-language']);
    const body = JSON.stringify({
      error: { code, message: formatErrorMessage(code, lang, params) },
    });
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\n` +
        'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\n\r\n${body}`,
    );
  }

  function accept(ws: WebSocket, verdict: Extract<ReturnType<typeof checkUpgrade>, { ok: true }>) {
    const { user, token, doc } = verdict;
    const shared = registry.acquire(doc);
    const onRefusal = (reason: CloseReason, detail?: unknown) =>
      services.log.warn(
        {
          doc: shared.name,
          userId: user.id,
          code: reason.code,
          reason: reason.reason,
          detail: String(detail ?? ''),
        },
        'sync connection refused a message',
      );
    const conn = new SyncConnection(
      ws,
      shared,
      user.id,
      () => {
        const session = checkSession(services, token);
        if ('refusal' in session || session.user.id !== user.id) return 'unauthenticated';
        return docAccess(services, doc, session.user);
      },
      {
        maxMessageBytes: opts.maxMessageBytes[doc.kind],
        rateBurst: opts.rateBurst,
        ratePerSecond: opts.ratePerSecond,
      },
      onRefusal,
    );
    connections.add(conn);
    perUser.set(user.id, (perUser.get(user.id) ?? 0) + 1);
    shared.addPeer(conn);

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return conn.close(Close.malformed);
      // Input problems are handled inside; this catches the host's own (a busy database, a bug),
      // which must cost this socket at most, never the process.
      try {
        conn.handleMessage(toBytes(data));
      } catch (err) {
        services.log.error({ err, doc: shared.name }, 'sync message handling failed');
        conn.close(Close.setupFailure);
      }
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    // ws reports protocol errors (an oversized frame, bad framing) here and then closes the socket.
    ws.on('error', (err) =>
      services.log.warn({ err: err.message, doc: shared.name }, 'sync socket error'),
    );
    ws.on('close', () => {
      connections.delete(conn);
      const left = (perUser.get(user.id) ?? 1) - 1;
      if (left > 0) perUser.set(user.id, left);
      else perUser.delete(user.id);
      shared.removePeer(conn);
      registry.release(shared);
    });
    conn.start();
  }

  return {
    handleUpgrade(req, socket, head) {
      // A client that vanishes mid-handshake must not take the host down.
      socket.on('error', () => socket.destroy());
      if (closing) return refuse(socket, req, 503, 'sync_unavailable');
      let verdict: ReturnType<typeof checkUpgrade>;
      try {
        verdict = checkUpgrade(services, req, opts.allowOrigin);
      } catch (err) {
        services.log.error({ err }, 'sync upgrade check failed');
        return refuse(socket, req, 500, 'internal');
      }
      if (!verdict.ok) return refuse(socket, req, verdict.status, verdict.code, verdict.params);
      if ((perUser.get(verdict.user.id) ?? 0) >= opts.maxConnectionsPerUser)
        return refuse(socket, req, 429, 'sync_too_many_connections');
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (closing) return ws.close(Close.goingAway.code, Close.goingAway.reason);
        try {
          accept(ws, verdict);
        } catch (err) {
          services.log.error({ err }, 'sync connection setup failed');
          ws.close(Close.setupFailure.code, Close.setupFailure.reason);
        }
      });
    },

    async close() {
      if (closing) return;
      closing = true;
      for (const t of timers) clearInterval(t);
      const open = [...connections];
      await Promise.all(
        open.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.ws.readyState === c.ws.CLOSED) return resolve();
              const force = setTimeout(() => c.ws.terminate(), opts.closeGraceMs);
              c.ws.once('close', () => {
                clearTimeout(force);
                resolve();
              });
              c.close(Close.goingAway);
            }),
        ),
      );
      // A writer that stopped answering must not keep the host from shutting down.
      const gaveUp = await Promise.race([
        registry.unloadAll().then(() => false),
        new Promise<boolean>((resolve) =>
          setTimeout(() => resolve(true), SHUTDOWN_WAIT_MS).unref(),
        ),
      ]);
      if (gaveUp) services.log.error('sync shutdown: pending commits did not finish in time');
      await writer.close();
      services.live.setDocLookup(() => undefined);
      wss.close();
    },

    stats() {
      return { connections: connections.size, docs: registry.all().length, writer: writer.mode() };
    },
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
