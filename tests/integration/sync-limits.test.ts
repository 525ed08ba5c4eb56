// Hostile or broken input on sync sockets: each is refused with a clear close code, the host keeps
// serving, and the clients already working on the doc are not disturbed.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import {
  closeOf,
  connect,
  createWorld,
  installPapers,
  rawSocket,
  storedState,
  until,
  upgradeStatus,
} from './sync-helpers';
import type { Client, World } from './sync-helpers';

let host: TestHost;
let world: World;
let a: Client;
let b: Client;
let round = 0;

/** lib0 varuint encoding of a length. */
function lengthPrefix(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n >>>= 7;
  }
  out.push(n);
  return out;
}

/** The two honest clients still exchange an edit through the host. */
async function honestClientsStillConverge() {
  const key = `k${round++}`;
  a.doc.getMap('annotations').set(key, round);
  await until(() => b.doc.getMap('annotations').get(key) === round, `relay of ${key}`);
  expect((await host.api('GET', '/health')).status).toBe(200);
}

beforeAll(async () => {
  host = await startTestHost();
  world = await createWorld(host, 'lim');
  installPapers(host, { p: { meetingId: world.meetingId } });
  a = connect(host, 'annotations/p', world.tokens.delegate);
  b = connect(host, 'annotations/p', world.tokens.chair);
  await Promise.all([a.synced, b.synced]);
  await honestClientsStillConverge();
});
afterAll(async () => {
  a?.destroy();
  b?.destroy();
  await host?.stop(true);
});

describe('sync limits and malformed input', () => {
  it('closes on a malformed update (4400) and leaves the doc intact', async () => {
    const before = storedState(host, 'annotations/p').getMap('annotations').toJSON();
    const ws = await rawSocket(host, 'annotations/p', world.tokens.delegate);
    const closed = closeOf(ws);
    // messageSync, update, a 3-byte payload that is not a Yjs update.
    ws.send(Uint8Array.from([0, 2, 3, 0xff, 0xff, 0xff]));
    expect(await closed).toEqual({ code: 4400, reason: 'malformed update' });
    expect(storedState(host, 'annotations/p').getMap('annotations').toJSON()).toEqual(before);
    expect(b.doc.getMap('annotations').toJSON()).toEqual(before);
    await honestClientsStillConverge();
  });

  it('closes on a truncated frame and on a text frame (4400)', async () => {
    const ws = await rawSocket(host, 'annotations/p', world.tokens.delegate);
    const closed = closeOf(ws);
    ws.send(Uint8Array.from([0]));
    expect(await closed).toEqual({ code: 4400, reason: 'malformed message' });
    const text = await rawSocket(host, 'annotations/p', world.tokens.delegate);
    const closedText = closeOf(text);
    text.send('hello');
    expect((await closedText).code).toBe(4400);
    await honestClientsStillConverge();
  });

  it('closes on an unknown message type (4400)', async () => {
    const ws = await rawSocket(host, 'annotations/p', world.tokens.delegate);
    const closed = closeOf(ws);
    ws.send(Uint8Array.from([7, 1, 2]));
    expect(await closed).toEqual({ code: 4400, reason: 'unknown message type' });
    const badStep = await rawSocket(host, 'annotations/p', world.tokens.delegate);
    const closedStep = closeOf(badStep);
    badStep.send(Uint8Array.from([0, 9, 0]));
    expect(await closedStep).toEqual({ code: 4400, reason: 'unknown message type' });
    await honestClientsStillConverge();
  });

  it('refuses a 50 MB frame from its header (1009) and stays up', async () => {
    const ws = await rawSocket(host, 'annotations/p', world.tokens.delegate);
    ws.on('error', () => {}); // the host drops the socket while we are still sending
    const closed = closeOf(ws);
    ws.send(Buffer.alloc(50 * 1024 * 1024, 1));
    expect((await closed).code).toBe(1009);
    await honestClientsStillConverge();
  });

  it('refuses a message over the doc kind limit (1009)', async () => {
    const ws = await rawSocket(host, `meeting/${world.meetingId}`, world.tokens.delegate);
    const closed = closeOf(ws);
    const big = new Uint8Array(300 * 1024);
    big[0] = 1; // awareness
    ws.send(big);
    expect(await closed).toEqual({ code: 1009, reason: 'message too big' });
    await honestClientsStillConverge();
  });

  it('closes a flooding connection with 4429 rate limit', async () => {
    const ws = await rawSocket(host, 'annotations/p', world.tokens.delegate);
    const closed = closeOf(ws);
    for (let i = 0; i < 2000; i++) ws.send(Uint8Array.from([3])); // query awareness
    expect(await closed).toEqual({ code: 4429, reason: 'rate limit' });
    await honestClientsStillConverge();
  });

  it('survives seeded random frames from a writer; honest clients and new joiners still sync', async () => {
    let seed = 42;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
    for (let i = 0; i < 60; i++) {
      const ws = await rawSocket(host, 'annotations/p', world.tokens.delegate);
      ws.on('error', () => {});
      const closed = closeOf(ws);
      const body = bytes(1 + Math.floor(rand() * 200));
      // Half look like sync updates (type 0, step 2, a length), half are anything at all.
      ws.send(i % 2 === 0 ? Uint8Array.from([0, 2, body.length, ...body]) : body);
      // Random bytes may even form a valid message; then the socket stays open and we close it.
      const timer = setTimeout(() => ws.close(), 200);
      await closed;
      clearTimeout(timer);
    }
    // Valid updates with a few bytes flipped: these decode far more often and reach Yjs.
    for (let i = 0; i < 60; i++) {
      const source = new Y.Doc();
      source.getMap('annotations').set(`fuzz${i}`, { points: [[1, 2, 0.5]], text: 'x'.repeat(i) });
      const update = Y.encodeStateAsUpdate(source);
      for (let f = 0; f < 1 + (i % 3); f++)
        update[Math.floor(rand() * update.length)] = Math.floor(rand() * 256);
      const ws = await rawSocket(host, 'annotations/p', world.tokens.delegate);
      ws.on('error', () => {});
      const closed = closeOf(ws);
      ws.send(Uint8Array.from([0, 2, ...lengthPrefix(update.length), ...update]));
      const timer = setTimeout(() => ws.close(), 200);
      await closed;
      clearTimeout(timer);
    }
    await honestClientsStillConverge();
    const late = connect(host, 'annotations/p', world.tokens.observer);
    await late.synced;
    expect(late.doc.getMap('annotations').toJSON()).toEqual(a.doc.getMap('annotations').toJSON());
    late.destroy();
  });

  it('refuses unknown doc names and other paths before the handshake', async () => {
    const t = world.tokens.delegate;
    expect((await upgradeStatus(host, `papers/p?token=${t}`)).status).toBe(404);
    expect((await upgradeStatus(host, `annotations/../p?token=${t}`)).status).toBe(404);
    expect((await upgradeStatus(host, `annotations/p/extra?token=${t}`)).status).toBe(404);
    expect((await upgradeStatus(host, `annotations/unknown-paper?token=${t}`)).status).toBe(404);
    const refused = await upgradeStatus(host, `papers/p?token=${t}`, { 'accept-language': 'en' });
    expect(JSON.parse(refused.body)).toEqual({
      error: { code: 'sync_doc_not_found', message: 'No such synchronised document.' },
    });
    await honestClientsStillConverge();
  });

  it('ends the sync of a user whose session is revoked (4401)', async () => {
    const token = await host.login('lim-delegate', 'pw-12345');
    const c = connect(host, 'annotations/p', token);
    await c.synced;
    const res = await host.api('POST', '/auth/logout', { token });
    expect(res.status).toBe(204);
    c.doc.getMap('annotations').set('after-logout', 1);
    await until(() => c.closes.length > 0, 'close after logout');
    expect(c.closes[0]).toEqual({ code: 4401, reason: 'session ended' });
    expect(storedState(host, 'annotations/p').getMap('annotations').has('after-logout')).toBe(
      false,
    );
    c.destroy();
    await honestClientsStillConverge();
  });
});
