// Presence in a full room: relayed at once while the room is small (follow mode rides on it), in
// batches once it is large, so a thousand renewals do not become a million sends.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import { SharedDoc } from '../../main/host/sync/shared-doc';
import type { Peer } from '../../main/host/sync/shared-doc';
import type { DocStore } from '../../main/host/sync/doc-store';
import type { WriteBatch } from '../../main/host/sync/write-batch';

function room(peers: number) {
  const store = { load: () => {}, compact: () => {} } as unknown as DocStore;
  const batch = {
    add: () => {},
    durable: async () => {},
    discard: () => {},
  } as unknown as WriteBatch;
  const shared = new SharedDoc('meeting/m1', store, batch, 1000, { onNeedsCompaction: () => {} });
  const inbox: Uint8Array[][] = [];
  const list: Peer[] = [];
  for (let i = 0; i < peers; i++) {
    const got: Uint8Array[] = [];
    inbox.push(got);
    const peer: Peer = { userId: `u${i}`, send: (m) => got.push(m) };
    list.push(peer);
    shared.addPeer(peer);
  }
  /** Peer `i` announces a presence, as its client would. */
  const announce = (i: number, state: Record<string, unknown>) => {
    const client = new awarenessProtocol.Awareness(new Y.Doc());
    client.setLocalState(state);
    const update = awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]);
    awarenessProtocol.applyAwarenessUpdate(shared.awareness, update, list[i]);
    client.destroy();
  };
  return { shared, inbox, announce };
}

describe('awareness relay', () => {
  it('relays each announcement at once in a small room', () => {
    const { shared, inbox, announce } = room(10);
    announce(0, { name: 'a' });
    announce(1, { name: 'b' });
    expect(inbox.every((got) => got.length === 2)).toBe(true);
    shared.destroy();
  });

  it('batches announcements in a large room: one message carrying all of them', async () => {
    const { shared, inbox, announce } = room(200);
    for (let i = 0; i < 20; i++) announce(i, { name: `p${i}` });
    expect(inbox.every((got) => got.length === 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(inbox.every((got) => got.length === 1)).toBe(true);
    // The batch decodes to the twenty presences.
    const reader = new awarenessProtocol.Awareness(new Y.Doc());
    const message = inbox[150]![0]!;
    // Message layout: the message type (1: awareness), then the update as a length-prefixed array.
    const d = decoding.createDecoder(message);
    expect(decoding.readVarUint(d)).toBe(1);
    awarenessProtocol.applyAwarenessUpdate(reader, decoding.readVarUint8Array(d), 'host');
    const names = [...reader.getStates().values()]
      .map((s) => s.name)
      .filter((n) => typeof n === 'string');
    expect(names.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `p${i}`).sort());
    shared.destroy();
  });
});
