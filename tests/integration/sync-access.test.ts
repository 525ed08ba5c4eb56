// The authorisation matrix of api.md "Sync": four doc kinds × every role, for reading (is the
// socket accepted?) and writing (does an edit reach the archive and the other readers?).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import {
  connect,
  createWorld,
  installPapers,
  roundTrip,
  storedState,
  until,
  upgradeStatus,
} from './sync-helpers';
import type { Client, World } from './sync-helpers';

type Who = 'chair' | 'secretary' | 'delegate' | 'observer' | 'outsider' | 'admin';
const EVERYONE: readonly Who[] = [
  'chair',
  'secretary',
  'delegate',
  'observer',
  'outsider',
  'admin',
];

let host: TestHost;
let world: World;
const clients: Client[] = [];
let probeCount = 0;

beforeAll(async () => {
  host = await startTestHost();
  world = await createWorld(host, 'acl');
  installPapers(host, {
    open: { meetingId: world.meetingId },
    secret: { meetingId: world.meetingId, onlyFor: [world.userIds.chair, world.userIds.secretary] },
  });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await host?.stop(true);
});

/**
 * Connects as `who`, writes a key, then sends a sync step 1 on the same socket and waits for the
 * host's step 2: the host answers it only after handling the write (messages of one socket are
 * handled in order: accepted or dropped) and committing what it accepted. A second socket opened
 * then holds every accepted update, so "the write is absent" is a checked fact, not a guess.
 */
async function probe(docName: string, who: Who): Promise<{ status: number; wrote?: boolean }> {
  const token = world.tokens[who];
  const { status } = await upgradeStatus(host, `${docName}?token=${token}`);
  if (status !== 101) return { status };
  const n = ++probeCount;
  const writer = connect(host, docName, token);
  clients.push(writer);
  await writer.synced;
  writer.doc.getMap('probe').set(`w${n}`, who);
  await roundTrip(writer);
  const checker = connect(host, docName, token);
  clients.push(checker);
  await checker.synced;
  const stored = storedState(host, docName).getMap('probe').has(`w${n}`);
  expect(checker.doc.getMap('probe').has(`w${n}`)).toBe(stored);
  writer.destroy();
  checker.destroy();
  return { status, wrote: stored };
}

async function matrix(
  docName: (who: Who) => string,
  readers: readonly Who[],
  writers: readonly Who[],
  refusal: (who: Who) => number = () => 404,
) {
  for (const who of EVERYONE) {
    const result = await probe(docName(who), who);
    const expected = readers.includes(who)
      ? { status: 101, wrote: writers.includes(who) }
      : { status: refusal(who) };
    expect({ who, ...result }).toEqual({ who, ...expected });
  }
}

describe('sync authorisation matrix', () => {
  it('meeting/<m>: participants and the admin read; nobody writes', async () => {
    await matrix(
      () => `meeting/${world.meetingId}`,
      ['chair', 'secretary', 'delegate', 'observer', 'admin'],
      [],
    );
  });

  it('annotations/<d>: those allowed on the paper read; observers do not write', async () => {
    await matrix(
      () => 'annotations/open',
      ['chair', 'secretary', 'delegate', 'observer'],
      ['chair', 'secretary', 'delegate'],
    );
    await matrix(() => 'annotations/secret', ['chair', 'secretary'], ['chair', 'secretary']);
  });

  it('notes/<d>/<user>: the owner alone reads and writes', async () => {
    const own = (who: Who) => `notes/open/${world.userIds[who]}`;
    await matrix(
      own,
      ['chair', 'secretary', 'delegate', 'observer'],
      ['chair', 'secretary', 'delegate', 'observer'],
    );
    // Someone else's notes on a paper they see: 403; those who do not see the paper: 404.
    const seesPaper = (who: Who) => (who === 'outsider' || who === 'admin' ? 404 : 403);
    await matrix(
      () => `notes/open/${world.userIds.delegate}`,
      ['delegate'],
      ['delegate'],
      seesPaper,
    );
    expect((await probe(`notes/secret/${world.userIds.delegate}`, 'delegate')).status).toBe(404);
  });

  it('minutes/<m>: participants read; secretary and chair write while it is a draft', async () => {
    const name = () => `minutes/${world.meetingId}`;
    await matrix(name, ['chair', 'secretary', 'delegate', 'observer'], ['chair', 'secretary']);
    const real = host.services.minutesState;
    host.services.minutesState = () => 'final';
    try {
      await matrix(name, ['chair', 'secretary', 'delegate', 'observer'], []);
    } finally {
      host.services.minutesState = real;
    }
  });

  it('a draft meeting is hidden from delegates and observers', async () => {
    const m = await host.api('POST', '/meetings', {
      token: world.tokens.secretary,
      body: { title: 'Họp chưa công bố', startsAt: '2026-12-02T08:00:00+07:00' },
    });
    const { id } = (await m.json()) as { id: string };
    const res = await host.api('PUT', `/meetings/${id}/participants`, {
      token: world.tokens.secretary,
      body: (['chair', 'secretary', 'delegate', 'observer'] as const).map((role) => ({
        userId: world.userIds[role],
        role,
      })),
    });
    expect(res.status).toBe(200);
    await matrix(() => `meeting/${id}`, ['chair', 'secretary', 'admin'], []);
    await matrix(() => `minutes/${id}`, ['chair', 'secretary'], ['chair', 'secretary']);
  });

  it('cuts off an open socket when its user leaves the meeting', async () => {
    const c = connect(host, 'annotations/open', world.tokens.delegate);
    clients.push(c);
    await c.synced;
    const res = await host.api('PUT', `/meetings/${world.meetingId}/participants`, {
      token: world.tokens.secretary,
      body: (['chair', 'secretary', 'observer'] as const).map((role) => ({
        userId: world.userIds[role],
        role,
      })),
    });
    expect(res.status).toBe(200);
    c.doc.getMap('probe').set('after-removal', 1);
    await until(() => c.closes.length > 0, 'close after removal');
    expect(c.closes[0]).toEqual({ code: 4403, reason: 'access withdrawn' });
    expect(storedState(host, 'annotations/open').getMap('probe').has('after-removal')).toBe(false);
  });
});
