// One client socket on one doc. Every incoming message is size-checked, rate-limited and
// authorised again before it is read; bytes from the client reach Yjs only after they decoded
// cleanly, and any failure closes this socket alone with a reason, leaving the doc and the other
// peers as they were.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import { Close } from './close-codes';
import type { CloseReason } from './close-codes';
import type { DocAccess } from './doc-access';
import type { Peer, SharedDoc } from './shared-doc';
import {
  MessageType,
  SyncStep,
  awarenessMessage,
  filterAwarenessUpdate,
  syncStep1Message,
  syncStep2Message,
} from './protocol';
import { TokenBucket } from './token-bucket';

export interface ConnectionLimits {
  maxMessageBytes: number;
  rateBurst: number;
  ratePerSecond: number;
}

/** A client that reads too slowly is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export class SyncConnection implements Peer {
  private readonly bucket: TokenBucket;
  private closed = false;
  /** Set by the heartbeat: false until the next pong. */
  alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly shared: SharedDoc,
    readonly userId: string,
    /** Asks doc-access.ts again (and whether the session still holds). */
    private readonly authorize: () => DocAccess | 'unauthenticated',
    private readonly limits: ConnectionLimits,
    private readonly onRefusal: (reason: CloseReason, detail?: unknown) => void,
  ) {
    this.bucket = new TokenBucket(limits.rateBurst, limits.ratePerSecond);
  }

  /** Opens the sync: our state vector, then who is already present. */
  start(): void {
    this.send(syncStep1Message(this.shared.doc));
    const present = [...this.shared.awareness.getStates().keys()];
    if (present.length > 0) this.send(awarenessMessage(this.shared.awareness, present));
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    this.ws.send(message, (err) => {
      if (err) this.ws.terminate();
    });
  }

  close(reason: CloseReason): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(reason.code, reason.reason);
  }

  /** Checks the socket's right to stay open; closes it when gone, else returns what it may do. */
  recheck(): DocAccess | undefined {
    const access = this.authorize();
    if (access === 'unauthenticated') {
      this.refuse(Close.unauthenticated);
      return undefined;
    }
    if (!access.read) {
      this.refuse(Close.forbidden);
      return undefined;
    }
    return access;
  }

  handleMessage(data: Uint8Array): void {
    if (this.closed) return;
    if (data.byteLength > this.limits.maxMessageBytes) return this.refuse(Close.tooBig);
    if (!this.bucket.take()) return this.refuse(Close.rateLimit);
    const access = this.recheck();
    if (!access?.read) return;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.sync:
          return this.handleSync(decoder, access.write);
        case MessageType.awareness: {
          // Dropped quietly where presence is off (doc-access.ts): the stock client sends it anyway.
          if (!access.presence) return;
          const update = filterAwarenessUpdate(decoding.readVarUint8Array(decoder), (id) =>
            this.shared.mayAnnounce(this, id),
          );
          if (update) awarenessProtocol.applyAwarenessUpdate(this.shared.awareness, update, this);
          return;
        }
        case MessageType.queryAwareness: {
          const present = [...this.shared.awareness.getStates().keys()];
          this.send(awarenessMessage(this.shared.awareness, present));
          return;
        }
        default:
          return this.refuse(Close.unknownType, { type });
      }
    } catch (err) {
      this.refuse(Close.malformed, err);
    }
  }

  private handleSync(decoder: decoding.Decoder, mayWrite: boolean): void {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    switch (step) {
      case SyncStep.step1:
        // Whatever the answer holds must already be on disk, so it waits for pending commits.
        this.shared
          .durable()
          .then(() => this.answerStep1(payload))
          .catch((err: unknown) => this.refuse(Close.setupFailure, err));
        return;
      case SyncStep.step2:
      case SyncStep.update:
        // A reader's writes are dropped silently: not applied, not stored, not relayed. The stock
        // client always answers our step 1 with its step 2, so this is normal traffic, not abuse.
        if (mayWrite) this.applyUpdate(payload);
        return;
      default:
        this.refuse(Close.unknownType, { step });
    }
  }

  private answerStep1(stateVector: Uint8Array): void {
    if (this.closed) return;
    let diff: Uint8Array;
    try {
      // encodeStateAsUpdate decodes the client's state vector: bad bytes throw.
      diff = Y.encodeStateAsUpdate(this.shared.doc, stateVector);
    } catch (err) {
      return this.refuse(Close.malformed, err);
    }
    this.send(syncStep2Message(diff));
  }

  private applyUpdate(update: Uint8Array): void {
    try {
      // Decoding the whole update first catches malformed bytes before any of them is integrated.
      Y.decodeUpdate(update);
    } catch (err) {
      return this.refuse(Close.badUpdate, err);
    }
    try {
      Y.applyUpdate(this.shared.doc, update, this);
    } catch (err) {
      this.refuse(Close.badUpdate, err);
    }
  }

  private refuse(reason: CloseReason, detail?: unknown): void {
    if (this.closed) return;
    this.onRefusal(reason, detail);
    this.close(reason);
  }
}
