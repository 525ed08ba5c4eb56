// Message framing of the y-websocket protocol (y-protocols/sync and /awareness over lib0
// encoding): [varuint messageType][payload]. Only what the server sends is encoded here; incoming
// messages are read in sync-connection.ts, where each field is checked.
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

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}
