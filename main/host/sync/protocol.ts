// Message framing of the y-websocket protocol (y-protocols/sync and /awareness over lib0
// encoding): [varuint messageType][payload]. Only what the server sends is encoded here; incoming
// messages are read in sync-connection.ts, where each field is checked.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** Sync step 2 with a precomputed diff (the caller computes it from untrusted bytes, guarded). */
export function syncStep2Message(diff: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncStep.step2);
  encoding.writeVarUint8Array(e, diff);
  return encoding.toUint8Array(e);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

/**
 * Keeps only the entries of an awareness update whose client id `allow` accepts, re-encoded in
 * the same format (y-protocols/awareness). Returns null when nothing is left. Throws on bytes that
 * do not decode (the caller closes the socket).
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  allow: (clientId: number) => boolean,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (allow(clientId)) kept.push([clientId, clock, state]);
  }
  if (kept.length === 0) return null;
  if (kept.length === count) return update;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, state);
  }
  return encoding.toUint8Array(e);
}
