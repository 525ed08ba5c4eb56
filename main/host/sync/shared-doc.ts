// One loaded synchronised doc: the Y.Doc, its awareness, and the peers connected to it. Every
// change to the doc (a client's accepted update or a host write) goes through one listener that
// hands it to the write batch; the batch commits it and only then relays it, so nothing is relayed
// that a restart could lose.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocStore } from './doc-store';
import type { BatchTarget, WriteBatch } from './write-batch';
import { awarenessMessage, updateMessage } from './protocol';

export interface Peer {
  send(message: Uint8Array): void;
}

export interface SharedDocEvents {
  /** The row count passed the compaction threshold. */
  onNeedsCompaction(doc: SharedDoc): void;
}

export class SharedDoc implements BatchTarget {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Each peer with the awareness client ids it announced (removed when it leaves). */
  readonly peers = new Map<Peer, Set<number>>();
  private destroyed = false;

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly batch: WriteBatch,
    private readonly compactAfterRows: number,
    private readonly events: SharedDocEvents,
  ) {
    this.doc = new Y.Doc({ gc: true });
    // Stored history first, before the listener: loading must not append the rows again.
    store.load(name, this.doc);
    this.doc.on('update', this.onUpdate);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The host itself is not a present user.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwareness);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.destroyed) this.batch.add(this, update, origin);
  };

  /** After the commit: to every peer but the sender (it has the update already). */
  relay(update: Uint8Array, origin: unknown, rowsAfter: number): void {
    if (this.destroyed) return;
    const message = updateMessage(update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    if (rowsAfter > this.compactAfterRows) this.events.onNeedsCompaction(this);
  }

  /** Commits (and relays) every accepted update, before the doc's state is sent to anyone. */
  flushPending(): void {
    this.batch.flush();
  }

  private readonly onAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const owned = origin instanceof Object ? this.peers.get(origin as Peer) : undefined;
    if (owned) {
      for (const id of [...changes.added, ...changes.updated]) owned.add(id);
      for (const id of changes.removed) owned.delete(id);
    }
    const message = awarenessMessage(this.awareness, changed);
    for (const peer of this.peers.keys()) peer.send(message);
  };

  addPeer(peer: Peer): void {
    this.peers.set(peer, new Set());
  }

  /** Forgets a peer and tells the others that the users it announced have left. */
  removePeer(peer: Peer): void {
    const owned = this.peers.get(peer);
    if (!owned) return;
    this.peers.delete(peer);
    if (owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
  }

  compact(): void {
    this.batch.flush();
    this.store.compact(this.name, this.doc);
  }

  destroy(): void {
    this.destroyed = true;
    this.batch.discard(this);
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
