import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import { filterAwarenessUpdate } from '../../main/host/sync/protocol';

function presence(states: Array<[number, Record<string, unknown>]>): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  for (const [id, state] of states) {
    awareness.states.set(id, state);
    awareness.meta.set(id, { clock: 3, lastUpdated: 0 });
  }
  const update = awarenessProtocol.encodeAwarenessUpdate(
    awareness,
    states.map(([id]) => id),
  );
  awareness.destroy();
  return update;
}

function decode(update: Uint8Array): Map<number, unknown> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awarenessProtocol.applyAwarenessUpdate(awareness, update, null);
  const out = new Map(awareness.getStates());
  out.delete(awareness.clientID);
  awareness.destroy();
  return out;
}

describe('awareness filtering', () => {
  const update = presence([
    [1, { name: 'Chủ tọa' }],
    [2, { name: 'Đại biểu' }],
    [3, { name: 'Thư ký' }],
  ]);

  it('keeps only the allowed entries, still decodable by y-protocols', () => {
    const kept = filterAwarenessUpdate(update, (id) => id !== 2)!;
    expect([...decode(kept)]).toEqual([
      [1, { name: 'Chủ tọa' }],
      [3, { name: 'Thư ký' }],
    ]);
  });

  it('returns the bytes unchanged when all pass, and null when none does', () => {
    expect(filterAwarenessUpdate(update, () => true)).toBe(update);
    expect(filterAwarenessUpdate(update, () => false)).toBeNull();
  });

  it('throws on truncated bytes', () => {
    expect(() => filterAwarenessUpdate(update.slice(0, update.length - 3), () => true)).toThrow();
  });
});
