import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import * as encoding from 'lib0/encoding';
import {
  closeOf,
  connect,
  createWorld,
  installPapers,
  rawSocket,
  roundTrip,
  storedState,
  until,
  upgradeStatus,
} from './sync-helpers';
import type { Client, World } from './sync-helpers';

let host: TestHost;
let world: World;
const clients: Client[] = [];
const open = (...args: Parameters<typeof connect>) => {
  const c = connect(...args);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  host = await startTestHost();
  world = await createWorld(host);
  installPapers(host, { paper1: { meetingId: world.meetingId } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await host?.stop(true);
});

describe('sync server', () => {
  it('lets two clients converge on a shared annotations doc', async () => {
    const a = open(host, 'annotations/paper1', world.tokens.delegate);
    const b = open(host, 'annotations/paper1', world.tokens.chair);
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('annotations').set('x', { by: 'a' });
    b.doc.getMap('annotations').set('y', { by: 'b' });
    await until(
      () => a.doc.getMap('annotations').size === 2 && b.doc.getMap('annotations').size === 2,
    );
    expect(a.doc.getMap('annotations').toJSON()).toEqual(b.doc.getMap('annotations').toJSON());
    expect(storedState(host, 'annotations/paper1').getMap('annotations').toJSON()).toEqual(
      a.doc.getMap('annotations').toJSON(),
    );
  });

  it('refuses a connection without a token or with a bad one', async () => {
    expect((await upgradeStatus(host, 'annotations/paper1')).status).toBe(401);
    const bad = await upgradeStatus(host, 'annotations/paper1?token=nonsense');
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body)).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(
      (await upgradeStatus(host, `annotations/paper1?token=${world.tokens.delegate}`)).status,
    ).toBe(101);
  });

  it('drops an observer write: never relayed, never stored', async () => {
    const watcher = open(host, 'annotations/paper1', world.tokens.delegate);
    const observer = open(host, 'annotations/paper1', world.tokens.observer);
    await Promise.all([watcher.synced, observer.synced]);
    observer.doc.getMap('annotations').set('forged', 1);
    // A later legitimate write proves the relay ran after the observer's message.
    const writer = open(host, 'annotations/paper1', world.tokens.secretary);
    await writer.synced;
    writer.doc.getMap('annotations').set('marker', 1);
    await until(
      () =>
        watcher.doc.getMap('annotations').has('marker') &&
        observer.doc.getMap('annotations').has('marker'),
    );
    expect(watcher.doc.getMap('annotations').has('forged')).toBe(false);
    expect(storedState(host, 'annotations/paper1').getMap('annotations').has('forged')).toBe(false);
    expect(storedState(host, 'annotations/paper1').getMap('annotations').has('marker')).toBe(true);
  });

  it('shows an agenda change made through HTTP in the live meeting doc, and drops client writes to it', async () => {
    const c = open(host, `meeting/${world.meetingId}`, world.tokens.delegate);
    await c.synced;
    const live = c.doc.getMap<unknown>('live');
    await until(() => Array.isArray(live.get('agenda')));
    const res = await host.api('POST', `/meetings/${world.meetingId}/agenda`, {
      token: world.tokens.secretary,
      body: { title: 'Mục mới từ HTTP' },
    });
    expect(res.status).toBe(201);
    await until(() =>
      (live.get('agenda') as Array<{ title: string }>).some((i) => i.title === 'Mục mới từ HTTP'),
    );
    live.set('revision', -1);
    c.doc.getMap('forged').set('x', 1);
    const other = open(host, `meeting/${world.meetingId}`, world.tokens.chair);
    await other.synced;
    await until(() => typeof other.doc.getMap('live').get('revision') === 'number');
    expect(other.doc.getMap('live').get('revision')).toBeGreaterThan(0);
    expect(other.doc.getMap('forged').size).toBe(0);
    expect(storedState(host, `meeting/${world.meetingId}`).getMap('forged').size).toBe(0);
  });
});

describe('awareness', () => {
  it("relays presence to readers, but nobody can change or clear another user's presence", async () => {
    const chair = open(host, 'annotations/paper1', world.tokens.chair);
    const observer = open(host, 'annotations/paper1', world.tokens.observer);
    await Promise.all([chair.synced, observer.synced]);
    chair.provider.awareness.setLocalState({ name: 'Chủ tọa' });
    const chairId = chair.doc.clientID;
    await until(
      () => observer.provider.awareness.getStates().get(chairId)?.name === 'Chủ tọa',
      'chair presence',
    );

    // A delegate's socket claims the chair's client id (a newer clock, state null = "left"),
    // then announces itself; once its own presence arrives, the forged entry was handled.
    const forger = await rawSocket(host, 'annotations/paper1', world.tokens.delegate);
    const entries = (list: Array<[number, number, unknown]>) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, list.length);
      for (const [id, clock, state] of list) {
        encoding.writeVarUint(inner, id);
        encoding.writeVarUint(inner, clock);
        encoding.writeVarString(inner, JSON.stringify(state));
      }
      const outer = encoding.createEncoder();
      encoding.writeVarUint(outer, 1);
      encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
      return encoding.toUint8Array(outer);
    };
    forger.send(
      entries([
        [chairId, 1000, null],
        [chairId, 1001, { name: 'giả mạo' }],
        [4242, 1, { name: 'forger' }],
      ]),
    );
    await until(
      () => observer.provider.awareness.getStates().get(4242)?.name === 'forger',
      'forger presence',
    );
    expect(observer.provider.awareness.getStates().get(chairId)).toEqual({ name: 'Chủ tọa' });
    const closed = closeOf(forger);
    forger.close();
    await closed;
    await until(
      () => !observer.provider.awareness.getStates().has(4242),
      'forger leaves with its socket',
    );
    expect(observer.provider.awareness.getStates().get(chairId)).toEqual({ name: 'Chủ tọa' });
  });
});

describe('awareness on the live meeting doc', () => {
  it('is not relayed: presence means nothing there and would flood a full room', async () => {
    const chair = open(host, `meeting/${world.meetingId}`, world.tokens.chair);
    const delegate = open(host, `meeting/${world.meetingId}`, world.tokens.delegate);
    await Promise.all([chair.synced, delegate.synced]);
    chair.provider.awareness.setLocalState({ name: 'Chủ tọa' });
    // Handled in order on the chair's socket: once this round trip is back, a relay would be out.
    await roundTrip(chair);
    await roundTrip(delegate);
    expect(delegate.provider.awareness.getStates().has(chair.doc.clientID)).toBe(false);
  });
});

describe('restart', () => {
  it('loses no relayed update across a host restart', async () => {
    const dataDir = host.dataDir;
    const a = open(host, 'annotations/paper1', world.tokens.delegate);
    const b = open(host, 'annotations/paper1', world.tokens.chair);
    await Promise.all([a.synced, b.synced]);
    for (let i = 0; i < 50; i++) a.doc.getMap('annotations').set(`r${i}`, i);
    await until(() => b.doc.getMap('annotations').has('r49'));
    const expected = b.doc.getMap('annotations').toJSON();
    // A tablet following the live meeting doc keeps its copy across the restart.
    const tablet = open(host, `meeting/${world.meetingId}`, world.tokens.delegate);
    await tablet.synced;
    const liveBefore = tablet.doc.getMap<unknown>('live');
    await until(() => typeof liveBefore.get('revision') === 'number');
    const revisionBefore = liveBefore.get('revision') as number;
    tablet.provider.destroy();
    a.destroy();
    b.destroy();
    await host.stop();
    host = await startTestHost({ dataDir });
    installPapers(host, { paper1: { meetingId: world.meetingId } });
    const fresh = open(host, 'annotations/paper1', world.tokens.delegate, { doc: new Y.Doc() });
    await fresh.synced;
    expect(fresh.doc.getMap('annotations').toJSON()).toEqual(expected);

    // The host continued the persisted live doc, so the tablet's copy merges into one history.
    const res = await host.api('POST', `/meetings/${world.meetingId}/agenda`, {
      token: world.tokens.secretary,
      body: { title: 'Sau khi khởi động lại' },
    });
    expect(res.status).toBe(201);
    const back = open(host, `meeting/${world.meetingId}`, world.tokens.delegate, {
      doc: tablet.doc,
    });
    await back.synced;
    const live = back.doc.getMap<unknown>('live');
    await until(() =>
      (live.get('agenda') as Array<{ title: string }>).some(
        (i) => i.title === 'Sau khi khởi động lại',
      ),
    );
    expect(live.get('revision')).toBeGreaterThan(revisionBefore);
    expect(storedState(host, `meeting/${world.meetingId}`).getMap('live').get('revision')).toBe(
      live.get('revision'),
    );
  });
});
