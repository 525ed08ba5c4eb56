// Seeded convergence through the real host: five stock clients whose sockets delay and reorder
// every message and drop now and then (a wrapped WebSocket polyfill), 2,000 random annotation
// edits, then the same state on every peer, in the archive, and after a host restart.
import type * as Y from 'yjs';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { connect, createWorld, installPapers, storedState, until } from './sync-helpers';
import type { Client, World } from './sync-helpers';
import { packInk } from '../../shared/annotations/ink-points';
import { encodeAnnotation } from '../../shared/annotations/annotation-bytes';
import { readAnnotations } from '../../shared/annotations/ydoc';

const SEED = 20261125;
const PEERS = 5;
const OPERATIONS = 2000;
const DOC = 'annotations/chaos';

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Network {
  /** Upper bound of the random delay of each message, ms (0: deliver in order at once). */
  maxDelayMs: number;
  sockets: Set<ChaosHandle>;
}
interface ChaosHandle {
  drop(): void;
}

type Listener = ((event: unknown) => void) | null;

/**
 * A WebSocket for the stock provider that holds every message for a random time in each direction
 * (so messages overtake each other) and can be cut like a lost Wi-Fi link.
 */
function chaosSocketClass(rand: () => number, net: Network) {
  return class ChaosSocket implements ChaosHandle {
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    onopen: Listener = null;
    onmessage: Listener = null;
    onclose: Listener = null;
    onerror: Listener = null;
    binaryType = 'arraybuffer';
    private readonly real: WebSocket;
    private live = true;

    constructor(url: string, protocols?: string | string[]) {
      this.real = new WebSocket(url, protocols);
      this.real.binaryType = 'arraybuffer';
      net.sockets.add(this);
      this.real.onopen = (e) => this.onopen?.(e);
      this.real.onerror = (e) => this.onerror?.(e);
      this.real.onclose = (e) => {
        this.live = false;
        net.sockets.delete(this);
        this.onclose?.(e);
      };
      this.real.onmessage = (e) => this.later(() => this.onmessage?.(e));
    }

    get readyState(): number {
      return this.real.readyState;
    }

    send(data: Uint8Array): void {
      this.later(() => {
        if (this.real.readyState === this.real.OPEN) this.real.send(data);
      });
    }

    close(): void {
      this.real.close();
    }

    drop(): void {
      this.real.terminate();
    }

    private later(fn: () => void): void {
      const delay = net.maxDelayMs > 0 ? Math.floor(rand() * net.maxDelayMs) : 0;
      setTimeout(() => {
        if (this.live) fn();
      }, delay);
    }
  };
}

let host: TestHost;
let world: World;
const peers: Client[] = [];

beforeAll(async () => {
  host = await startTestHost();
  world = await createWorld(host, 'conv');
  installPapers(host, { chaos: { meetingId: world.meetingId } });
});
afterAll(async () => {
  for (const p of peers) p.destroy();
  await host?.stop(true);
});

function randomAnnotation(rand: () => number, id: string, author: string) {
  const list = Array.from({ length: 1 + Math.floor(rand() * 12) }, (): [number, number, number] => [
    Math.round(rand() * 595),
    Math.round(rand() * 842),
    0.5,
  ]);
  // The three stored forms of a value: JSON with a point list, JSON with packed points, and the
  // whole annotation as one binary value (what the viewer writes).
  const form = rand();
  const value = {
    id,
    kind: 'ink' as const,
    author,
    authorName: author,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    documentVersion: '',
    page: 1 + Math.floor(rand() * 9),
    style: { color: rand() < 0.5 ? '#d32f2f' : '#1565c0', width: 2, opacity: 1 },
    points: form < 1 / 3 ? list : packInk(list),
  };
  return form < 2 / 3 ? value : encodeAnnotation(value);
}

it('five peers with delays, reordering and disconnects converge, also after a restart', async () => {
  const rand = prng(SEED);
  const net: Network = { maxDelayMs: 25, sockets: new Set() };
  const Chaos = chaosSocketClass(rand, net);
  const tokens = [
    world.tokens.chair,
    world.tokens.secretary,
    world.tokens.delegate,
    world.tokens.delegate,
    world.tokens.chair,
  ];
  for (const token of tokens) peers.push(connect(host, DOC, token, { WebSocketPolyfill: Chaos }));
  await Promise.all(peers.map((p) => p.synced));

  let nextId = 0;
  let drops = 0;
  for (let op = 0; op < OPERATIONS; op++) {
    const peerIndex = Math.floor(rand() * PEERS);
    const peer = peers[peerIndex]!;
    const map = peer.doc.getMap<unknown>('annotations');
    const keys = [...map.keys()];
    const dice = rand();
    if (keys.length === 0 || dice < 0.45) {
      const id = `a${nextId++}`;
      map.set(id, randomAnnotation(rand, id, `peer${peerIndex}`));
    } else if (dice < 0.8) {
      const id = keys[Math.floor(rand() * keys.length)]!;
      map.set(id, randomAnnotation(rand, id, `peer${peerIndex}`));
    } else {
      map.delete(keys[Math.floor(rand() * keys.length)]!);
    }
    if (op % 10 === 9) {
      if (rand() < 0.04 && net.sockets.size > 0) {
        const victims = [...net.sockets];
        victims[Math.floor(rand() * victims.length)]!.drop();
        drops++;
      }
      // Let the network and the host work between bursts (a person edits at human speed).
      await new Promise((r) => setTimeout(r, 5 + Math.floor(rand() * 15)));
    }
  }
  expect(drops).toBeGreaterThan(0);

  // Calm network: everything still in flight arrives, dropped peers have reconnected and resynced.
  net.maxDelayMs = 0;
  // Key order of a Y.Map follows local insertion, which differs per peer: compare sorted entries.
  const snapshot = (d: Y.Doc) =>
    JSON.stringify(
      [...d.getMap('annotations').entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  await until(
    () =>
      peers.every((p) => p.provider.wsconnected && p.provider.synced) &&
      peers.every((p) => snapshot(p.doc) === snapshot(peers[0]!.doc)),
    'peers to converge',
  );
  await until(
    () => snapshot(storedState(host, DOC)) === snapshot(peers[0]!.doc),
    'archive to match',
  );
  for (const p of peers) expect(p.closes.filter((c) => c.code >= 4000)).toEqual([]);
  const expected = peers[0]!.doc.getMap('annotations').toJSON();
  expect(Object.keys(expected).length).toBeGreaterThan(50);
  // Every value, whichever of the three forms it was written in, reads back as an annotation.
  expect(readAnnotations(peers[0]!.doc)).toHaveLength(Object.keys(expected).length);

  for (const p of peers) p.destroy();
  peers.length = 0;
  const dataDir = host.dataDir;
  await host.stop();
  host = await startTestHost({ dataDir });
  installPapers(host, { chaos: { meetingId: world.meetingId } });
  expect(storedState(host, DOC).getMap('annotations').toJSON()).toEqual(expected);
  const fresh = connect(host, DOC, world.tokens.delegate);
  peers.push(fresh);
  await fresh.synced;
  expect(fresh.doc.getMap('annotations').toJSON()).toEqual(expected);
});
