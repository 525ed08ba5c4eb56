// Helpers for the sync tests: the stock y-websocket client (with `ws` as its WebSocket) against a
// real host, a meeting with one user per role, and papers the host can be told about.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { expect } from 'vitest';
import type { TestHost } from '../helpers/host';

// Every stock provider adds a process 'exit' listener; tests open dozens of them.
process.setMaxListeners(200);

export type Role = 'chair' | 'secretary' | 'delegate' | 'observer';
export const ROLES: readonly Role[] = ['chair', 'secretary', 'delegate', 'observer'];

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync finished. */
  synced: Promise<void>;
  /** Close events the server sent (code, reason). */
  closes: Array<{ code: number; reason: string }>;
  destroy(): void;
}

export function wsUrl(host: TestHost): string {
  return `${host.url.replace(/^http/, 'ws')}/sync`;
}

export function connect(
  host: TestHost,
  docName: string,
  token: string | undefined,
  opts: {
    doc?: Y.Doc;
    WebSocketPolyfill?: new (url: string, protocols?: string | string[]) => unknown;
    connect?: boolean;
  } = {},
): Client {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl(host), docName, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: (opts.WebSocketPolyfill ??
      WebSocket) as unknown as typeof globalThis.WebSocket,
    // Node 20 has BroadcastChannel: without this, peers in one test process would sync with each
    // other directly and never depend on the host.
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 300,
  });
  const closes: Client['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (s: boolean) => {
      if (s) resolve();
    });
  });
  return {
    doc,
    provider,
    synced,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` holds (no timing assertion: the test's own timeout bounds it). */
export async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; ; i++) {
    if (check()) return;
    if (i > 2000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Upgrade status of a raw request to /sync/<doc>: 101 when accepted. */
export function upgradeStatus(
  host: TestHost,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl(host)}/${path}`, { headers });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101, body: '' });
    });
    ws.on('error', (err) => {
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}

/** Opens a raw socket (no Yjs client) that the test drives byte by byte. */
export function rawSocket(host: TestHost, docName: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl(host)}/${docName}?token=${encodeURIComponent(token)}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve({ code: 1006, reason: '' });
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

export async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface World {
  meetingId: string;
  userIds: Record<Role | 'outsider' | 'admin', string>;
  tokens: Record<Role | 'outsider' | 'admin', string>;
}

/** A published meeting with one user per role, an outsider, and the admin; tokens for each. */
export async function createWorld(host: TestHost, tag = 's'): Promise<World> {
  const admin = await host.login('admin');
  const userIds = {} as World['userIds'];
  const tokens = {} as World['tokens'];
  for (const name of [...ROLES, 'outsider'] as const) {
    const username = `${tag}-${name}`;
    const u = await json<{ id: string }>(
      await host.api('POST', '/users', {
        token: admin,
        body: {
          username,
          password: 'pw-12345',
          displayName: username,
          canCreateMeetings: name === 'secretary',
        },
      }),
      201,
    );
    userIds[name] = u.id;
    tokens[name] = await host.login(username, 'pw-12345');
  }
  userIds.admin = host.services.users.findByUsername('admin')!.id;
  tokens.admin = admin;
  const m = await json<{ id: string }>(
    await host.api('POST', '/meetings', {
      token: tokens.secretary,
      body: { title: 'Họp đồng bộ', startsAt: '2026-12-01T08:00:00+07:00' },
    }),
    201,
  );
  await json(
    await host.api('PUT', `/meetings/${m.id}/participants`, {
      token: tokens.secretary,
      body: ROLES.map((role) => ({ userId: userIds[role], role, canVote: role !== 'observer' })),
    }),
    200,
  );
  await json(await host.api('POST', `/meetings/${m.id}/publish`, { token: tokens.secretary }), 200);
  return { meetingId: m.id, userIds, tokens };
}

/**
 * Tells the host about papers: which meeting each belongs to and who may see it (every
 * participant unless `onlyFor` is given). Stands in for the documents module in these tests.
 */
export function installPapers(
  host: TestHost,
  papers: Record<string, { meetingId: string; onlyFor?: string[] }>,
): void {
  const s = host.services;
  s.papers = {
    visibleTo: () => [],
    meetingOf: (d) => papers[d]?.meetingId,
    canSee: (d, userId) => {
      const p = papers[d];
      if (!p) return false;
      if (p.onlyFor) return p.onlyFor.includes(userId);
      return s.meetings.roleOf(p.meetingId, userId) !== undefined;
    },
  };
}

/** Rows the host stored for a doc, merged into one state (what a restart would load). */
export function storedState(host: TestHost, docName: string): Y.Doc {
  const rows = host.services.db
    .prepare<[string], { data: Buffer }>('SELECT data FROM ydoc_updates WHERE doc = ? ORDER BY seq')
    .all(docName);
  const doc = new Y.Doc();
  for (const r of rows) Y.applyUpdate(doc, r.data);
  return doc;
}

/**
 * Sends a sync step 1 on the client's own socket and resolves on the host's step 2: by then the
 * host has handled every earlier message of that socket and committed what it accepted.
 */
export function roundTrip(c: Client): Promise<void> {
  const ws = c.provider.ws;
  if (!ws) return Promise.reject(new Error('not connected'));
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0); // messageSync
  syncProtocol.writeSyncStep1(enc, new Y.Doc());
  return new Promise<void>((resolve) => {
    const onMessage = (e: MessageEvent) => {
      const d = decoding.createDecoder(new Uint8Array(e.data as ArrayBuffer));
      if (
        decoding.readVarUint(d) !== 0 ||
        decoding.readVarUint(d) !== syncProtocol.messageYjsSyncStep2
      )
        return;
      ws.removeEventListener('message', onMessage);
      resolve();
    };
    ws.addEventListener('message', onMessage);
    ws.send(encoding.toUint8Array(enc));
  });
}
