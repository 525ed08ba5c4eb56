import type { IncomingMessage } from 'node:http';
import type { DocName } from '../../../shared/sync/doc-names';

export interface SyncOptions {
  /**
   * Decides whether a browser page from `origin` may open a sync socket (undefined for clients
   * that send no Origin header, such as Node). The hardening module supplies the real check.
   */
  allowOrigin: (origin: string | undefined, req: IncomingMessage) => boolean;
  /** Largest incoming message per doc kind, bytes; larger ones close the socket (1009). */
  maxMessageBytes: Record<DocName['kind'], number>;
  /** Per connection: burst size and sustained messages per second (close 4429 beyond). */
  rateBurst: number;
  ratePerSecond: number;
  /** Open sync sockets one user may hold at once (tabs × docs). */
  maxConnectionsPerUser: number;
  /** A doc with no connection is compacted and dropped from memory after this delay. */
  idleUnloadMs: number;
  /** Rows of one doc in ydoc_updates that trigger a compaction into one snapshot. */
  compactAfterRows: number;
  /** How often every open socket's permission is checked again even when it sends nothing. */
  recheckEveryMs: number;
  /** How long close() waits for clients to acknowledge the close frame. */
  closeGraceMs: number;
  /** Commit on a writer thread (default); false commits on the main thread (tests, diagnostics). */
  writerThread: boolean;
}

export const defaultSyncOptions: SyncOptions = {
  allowOrigin: () => true,
  maxMessageBytes: {
    meeting: 256 * 1024,
    annotations: 2 * 1024 * 1024,
    notes: 2 * 1024 * 1024,
    minutes: 2 * 1024 * 1024,
  },
  rateBurst: 400,
  ratePerSecond: 200,
  maxConnectionsPerUser: 64,
  idleUnloadMs: 30_000,
  compactAfterRows: 500,
  recheckEveryMs: 10_000,
  closeGraceMs: 1000,
  writerThread: true,
};
