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
  readonly userId: string;
  send(message: Uint8Array): void;
}

/** Presence entries one socket may announce (a tab has one; a few spare for odd clients). */
const MAX_AWARENESS_IDS_PER_PEER = 4;
/** Up to this many peers, presence is relayed as it comes; above, in batches. */
const AWARENESS_IMMEDIATE_PEERS = 50;
const AWARENESS_BATCH_MS = 250;

export interface SharedDocEvents {
  /** The row count passed the compaction threshold. */
  onNeedsCompaction(doc: SharedDoc): void;
}

export class SharedDoc implements BatchTarget {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Each peer with the awareness client ids it announced (removed when it leaves). */
  readonly peers = new Map<Peer, Set<number>>();
  /** Which peer announced each awareness client id. */
  private readonly owners = new Map<number, Peer>();
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

  /** Resolves when every update accepted so far is committed: the doc's state may then be sent. */
  durable(): Promise<void> {
    return this.batch.durable();
  }

  private readonly onAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const peer = origin as Peer;
    const owned = this.peers.get(peer);
    if (owned) {
      for (const id of [...changes.added, ...changes.updated]) {
        const previous = this.owners.get(id);
        if (previous && previous !== peer) this.peers.get(previous)?.delete(id);
        this.owners.set(id, peer);
        owned.add(id);
      }
      for (const id of changes.removed) {
        owned.delete(id);
        this.owners.delete(id);
      }
    } else {
      // Removed by the host (a peer left, or its presence timed out).
      for (const id of changes.removed) {
        const owner = this.owners.get(id);
        this.owners.delete(id);
        if (owner) this.peers.get(owner)?.delete(id);
      }
    }
    for (const id of changed) this.awarenessDue.add(id);
    // A small room hears presence at once (follow mode rides on it). A large one gets it in
    // batches: every client renews its presence every 15 s, and relaying each renewal to every
    // peer costs a thousand-delegate room ~67,000 sends a second, which starves the votes.
    if (this.peers.size <= AWARENESS_IMMEDIATE_PEERS) this.flushAwareness();
    else this.awarenessTimer ??= setTimeout(this.flushAwareness, AWARENESS_BATCH_MS);
  };

  private readonly awarenessDue = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | undefined;

  private readonly flushAwareness = (): void => {
    clearTimeout(this.awarenessTimer);
    this.awarenessTimer = undefined;
    if (this.destroyed || this.awarenessDue.size === 0) return;
    const message = awarenessMessage(this.awareness, [...this.awarenessDue]);
    this.awarenessDue.clear();
    for (const peer of this.peers.keys()) peer.send(message);
  };

  /**
   * Whether `peer` may set or clear the presence of `clientId`: its own ids, ids of another socket
   * of the same user (a reconnecting tab), or a new id within its quota. Nobody can change or
   * remove another user's presence.
   */
  mayAnnounce(peer: Peer, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    if (owner) return owner === peer || owner.userId === peer.userId;
    return (this.peers.get(peer)?.size ?? MAX_AWARENESS_IDS_PER_PEER) < MAX_AWARENESS_IDS_PER_PEER;
  }

  addPeer(peer: Peer): void {
    this.peers.set(peer, new Set());
  }

  /** Forgets a peer and tells the others that the users it announced have left. */
  removePeer(peer: Peer): void {
    const owned = this.peers.get(peer);
    if (!owned) return;
    this.peers.delete(peer);
    for (const id of owned) this.owners.delete(id);
    if (owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
  }

  /**
   * Folds the doc's rows into one snapshot of its state. Updates still in flight may land after
   * the snapshot as extra rows: harmless, as applying an update twice changes nothing.
   */
  compact(): void {
    if (!this.destroyed) this.store.compact(this.name, this.doc);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.awarenessTimer);
    this.batch.discard(this);
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
