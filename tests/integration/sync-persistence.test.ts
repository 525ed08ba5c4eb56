// The sync server's storage life cycle on a real SQLite file: append, compaction past a threshold,
// idle unload with a final compaction, reload, storage failure without loss, and shutdown.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/host/archive/db';
import { resolveConfig } from '../../main/host/config';
import { silentLogger } from '../../main/host/logger';
import { createServices } from '../../main/host/services';
import type { Services } from '../../main/host/services';
import { createSyncServer } from '../../main/host/sync/sync-server';
import type { SyncServer } from '../../main/host/sync/sync-server';
import { tempDataDir } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { closeOf, connect, rawSocket, storedState, until, upgradeStatus } from './sync-helpers';

const COMPACT_AFTER = 20;
const MAX_CONNECTIONS = 4;
let dataDir: string;
let services: Services;
let sync: SyncServer;
let server: http.Server;
/** Enough of a TestHost for the sync helpers (they only use url and services). */
let host: TestHost;
let token: string;
let meetingId: string;

const rowCount = (doc: string) =>
  services.db
    .prepare<[string], { n: number }>('SELECT count(*) AS n FROM ydoc_updates WHERE doc = ?')
    .get(doc)!.n;

// Both commit paths: the writer thread (the default) and the main-thread fallback.
describe.each([
  { writerThread: true, mode: 'thread' },
  { writerThread: false, mode: 'inline' },
] as const)('sync persistence (commits: $mode)', ({ writerThread, mode }) => {
  beforeAll(async () => {
    dataDir = tempDataDir();
    const db = openDatabase(path.join(dataDir, 'archive.sqlite'));
    services = createServices(db, resolveConfig({ dataDir }), silentLogger());
    const user = services.users.create({
      username: 'writer',
      displayName: 'Writer',
      passwordHash: 'x',
      isAdmin: false,
      canCreateMeetings: true,
    });
    token = services.sessions.create(user.id).token;
    const meeting = services.meetings.create({
      title: 'Họp',
      startsAt: '2026-12-01T08:00:00+07:00',
      createdBy: user.id,
    });
    meetingId = meeting.id;
    services.meetings.replaceParticipants(meetingId, [
      { userId: user.id, role: 'secretary', canVote: false },
    ]);
    services.meetings.setStatus(meetingId, 'published');
    services.papers = {
      visibleTo: () => [],
      meetingOf: () => meetingId,
      canSee: (d) => d.startsWith('p'),
    };
    sync = createSyncServer(services, {
      writerThread,
      idleUnloadMs: 50,
      compactAfterRows: COMPACT_AFTER,
      recheckEveryMs: 50,
      maxConnectionsPerUser: MAX_CONNECTIONS,
    });
    server = http.createServer((_req, res) => res.end());
    server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    host = { url, services } as unknown as TestHost;
  });
  afterAll(async () => {
    await sync?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    services?.db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('compacts rows past the threshold and again when the doc unloads', async () => {
    // Commits move to the writer thread once it has opened the database.
    await until(() => sync.stats().writer === mode, 'writer ready');
    const c = connect(host, 'annotations/p1', token);
    await c.synced;
    for (let i = 0; i < 3 * COMPACT_AFTER; i++) c.doc.getMap('a').set(`k${i}`, i);
    await until(
      () => storedState(host, 'annotations/p1').getMap('a').size === 3 * COMPACT_AFTER,
      'all updates stored',
    );
    await until(() => rowCount('annotations/p1') <= COMPACT_AFTER, 'compaction');
    expect(sync.stats().docs).toBe(1);
    c.destroy();
    await until(() => sync.stats().docs === 0, 'idle unload');
    expect(rowCount('annotations/p1')).toBe(1);
    expect(storedState(host, 'annotations/p1').getMap('a').get('k59')).toBe(59);

    const again = connect(host, 'annotations/p1', token);
    await again.synced;
    expect(again.doc.getMap('a').size).toBe(3 * COMPACT_AFTER);
    again.destroy();
  });

  it('persists the live meeting doc, so its history continues after a reload', async () => {
    const c = connect(host, `meeting/${meetingId}`, token);
    await c.synced;
    const live = c.doc.getMap<unknown>('live');
    await until(() => typeof live.get('revision') === 'number', 'projection');
    const firstRevision = live.get('revision') as number;
    const hostDoc = new Y.Doc();
    Y.applyUpdate(hostDoc, Y.encodeStateAsUpdate(storedState(host, `meeting/${meetingId}`)));
    expect(hostDoc.getMap('live').get('revision')).toBe(firstRevision);
    // The tablet goes away but keeps its copy (as its offline cache would).
    c.provider.destroy();
    await until(() => sync.stats().docs === 0, 'idle unload');
    services.meetings.addAgendaItem(meetingId, { title: 'Mục bổ sung' });
    // Back with its old copy: it merges with the host's persisted history, not a second one.
    const back = connect(host, `meeting/${meetingId}`, token, { doc: c.doc });
    await back.synced;
    const backLive = back.doc.getMap<unknown>('live');
    await until(
      () =>
        (backLive.get('agenda') as Array<{ title: string }> | undefined)?.some(
          (i) => i.title === 'Mục bổ sung',
        ) ?? false,
    );
    expect(backLive.get('revision')).toBeGreaterThan(firstRevision);
    const stored = storedState(host, `meeting/${meetingId}`).getMap('live');
    expect(stored.get('revision')).toBe(backLive.get('revision'));
    back.destroy();
  });

  it('drops a doc whose update could not be stored; the client resends it after reconnecting', async () => {
    const c = connect(host, 'annotations/p2', token);
    await c.synced;
    c.doc.getMap('a').set('before', 1);
    await until(() => storedState(host, 'annotations/p2').getMap('a').has('before'));
    services.db.exec(
      `CREATE TRIGGER fail_sync BEFORE INSERT ON ydoc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    c.doc.getMap('a').set('during', 2);
    await until(() => c.closes.some((e) => e.code === 1011), 'storage failure close');
    services.db.exec('DROP TRIGGER fail_sync');
    await until(
      () => storedState(host, 'annotations/p2').getMap('a').has('during'),
      'resent update stored',
    );
    const other = connect(host, 'annotations/p2', token);
    await other.synced;
    expect(other.doc.getMap('a').toJSON()).toEqual({ before: 1, during: 2 });
    c.destroy();
    other.destroy();
  });

  it('skips an unreadable stored row instead of failing the doc', async () => {
    const c = connect(host, 'annotations/p3', token);
    await c.synced;
    c.doc.getMap('a').set('good', 1);
    await until(() => storedState(host, 'annotations/p3').getMap('a').has('good'));
    c.destroy();
    await until(() => sync.stats().docs === 0, 'idle unload');
    services.db
      .prepare('INSERT INTO ydoc_updates (doc, seq, data, created_at) VALUES (?, ?, ?, ?)')
      .run('annotations/p3', 1000, Buffer.from([0xff, 0xff, 0xff]), new Date().toISOString());
    const again = connect(host, 'annotations/p3', token);
    await again.synced;
    expect(again.doc.getMap('a').get('good')).toBe(1);
    again.destroy();
  });

  it('closes a socket that only listens once its session is revoked', async () => {
    const userId = services.sessions.resolve(token) as { userId: string };
    const second = services.sessions.create(userId.userId).token;
    const c = connect(host, 'annotations/p5', second);
    await c.synced;
    services.sessions.revoke(second);
    await until(() => c.closes.length > 0, 'close by the periodic check');
    expect(c.closes[0]).toEqual({ code: 4401, reason: 'session ended' });
    c.destroy();
  });

  it('refuses a user more sockets than the limit (429) and accepts again once one closes', async () => {
    await until(() => sync.stats().connections === 0, 'earlier sockets closed');
    const open = await Promise.all(
      Array.from({ length: MAX_CONNECTIONS }, () => rawSocket(host, 'annotations/p6', token)),
    );
    const refused = await upgradeStatus(host, `annotations/p6?token=${token}`, {
      'accept-language': 'en',
    });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body).error.code).toBe('sync_too_many_connections');
    const closed = closeOf(open[0]!);
    open[0]!.close();
    await closed;
    await until(() => sync.stats().connections === MAX_CONNECTIONS - 1, 'server saw the close');
    expect((await upgradeStatus(host, `annotations/p6?token=${token}`)).status).toBe(101);
    for (const ws of open.slice(1)) ws.close();
    await until(() => sync.stats().connections === 0, 'all closed');
  });

  it('closes sockets with 1001 on shutdown, stores everything, and refuses new ones', async () => {
    const ws = await rawSocket(host, 'annotations/p4', token);
    const closed = closeOf(ws);
    const c = connect(host, 'annotations/p4', token);
    await c.synced;
    c.doc.getMap('a').set('last', 'word');
    await until(() => storedState(host, 'annotations/p4').getMap('a').has('last'));
    await sync.close();
    expect(await closed).toEqual({ code: 1001, reason: 'host shutting down' });
    expect(rowCount('annotations/p4')).toBe(1);
    expect((await upgradeStatus(host, `annotations/p4?token=${token}`)).status).toBe(503);
    c.destroy();
  });
});
