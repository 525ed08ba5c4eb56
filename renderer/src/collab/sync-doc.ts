// Opens a synchronised Yjs document with the stock y-websocket client against the host's /sync
// endpoint (api.md "Sync"). Handles are shared: two components opening the same doc with the same
// token get one Y.Doc and one connection, released when the last one calls destroy().
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { WebsocketProvider, messageSync } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { hostOrigin, reportAuthLost } from '../api/client';

export type SyncPhase = 'connecting' | 'connected' | 'synced' | 'disconnected' | 'refused';

export interface SyncDocView {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export interface SyncDocHandle extends SyncDocView {
  /** Releases this handle; the connection closes when no handle is left. */
  destroy(): void;
}

export interface OpenSyncDocOptions {
  token: string;
  /**
   * Keep a copy in IndexedDB so the doc opens without the network (tablets on a weak room
   * network). Off by default: shared tablets should not keep another person's data. The copy is
   * stored per user (`offlineUser`), so one person never opens another's cached notes.
   */
  offline?: boolean;
  offlineUser?: string;
}

interface Entry {
  /** A stable object per open doc (a snapshot value for React). */
  view: SyncDocView;
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence | null;
  /** Writes host updates still waiting for an idle moment (before the persistence closes). */
  storeHostUpdates: () => void;
  refs: number;
  phase: SyncPhase;
  listeners: Set<() => void>;
  teardown: ReturnType<typeof setTimeout> | null;
}

const open = new Map<string, Entry>();

export function syncUrl(): string {
  return `${hostOrigin().replace(/^http/, 'ws')}/sync`;
}

function keyOf(docName: string, token: string): string {
  return `${token}\u0000${docName}`;
}

/**
 * A doc update from the host at least this large (the first sync of a paper with thousands of
 * strokes) is applied without the doc's 'update' listeners; smaller ones go the usual way.
 */
const LARGE_UPDATE_BYTES = 64 * 1024;
/** How long stored copies of large host updates wait for a quiet moment (main thread only). */
const STORE_IDLE_TIMEOUT_MS = 5000;

/** The worker writing large updates to IndexedDB, made on first use; null where none can run. */
let offlineWorker: Worker | null | undefined;
function offlineStoreWorker(): Worker | null {
  if (offlineWorker === undefined) {
    try {
      offlineWorker =
        typeof Worker === 'function'
          ? new Worker(new URL('./offline-store-worker.ts', import.meta.url), { type: 'module' })
          : null;
    } catch {
      offlineWorker = null;
    }
  }
  return offlineWorker;
}

/**
 * Applies large updates from the host without re-encoding them, and stores them in IndexedDB
 * later. Why: Yjs encodes every transaction again for its 'update' listeners, and both listeners
 * here gain nothing from that for what the host sent: the provider's only sends updates that did
 * not come from the host, and the offline copy can store the host's bytes as received (an update
 * stored twice, or with parts the doc already has, applies the same). For a paper's first sync
 * the encoding alone is a few hundred milliseconds of main thread, and the IndexedDB write of
 * megabytes in the same task more; this way the sync's task is just the apply, and the copy is
 * written by a worker (offline-store-worker.ts; or, without one, once the page is idle). A copy
 * not yet written when the tab closes is fetched from the host again next time; one's own edits
 * are stored at once as before (they are not host updates).
 */
function applyHostUpdatesQuietly(
  doc: Y.Doc,
  provider: WebsocketProvider,
  persistence: IndexeddbPersistence | null,
): () => void {
  const handleSync = provider.messageHandlers[messageSync];
  if (!handleSync) return () => {};
  const toStore: Uint8Array[] = [];
  /** Writes the bytes in the worker; false when there is none (the caller stores them here). */
  const storeInWorker = (update: Uint8Array): boolean => {
    const worker = persistence?.db ? offlineStoreWorker() : null;
    if (!worker || !persistence) return false;
    // A copy of just the update (it is a view of the whole socket message), handed over.
    const own = update.slice();
    worker.postMessage({ db: persistence.name, update: own }, [own.buffer]);
    // y-indexeddb counts its records to know when to fold them into one.
    persistence._dbsize++;
    return true;
  };
  const store = () => {
    const updates = toStore.splice(0);
    // Through y-indexeddb's own listener, with the provider as origin as it would have been.
    if (updates.length > 0 && persistence)
      persistence._storeUpdate(
        updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
        provider,
      );
  };
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    const step = decoding.readVarUint(peek);
    const update =
      step === messageYjsSyncStep2 || step === messageYjsUpdate
        ? decoding.readVarUint8Array(peek)
        : null;
    if (!update || update.length < LARGE_UPDATE_BYTES) {
      handleSync(encoder, decoder, p, emitSynced, messageType);
      return;
    }
    doc.off('update', provider._updateHandler);
    if (persistence) doc.off('update', persistence._storeUpdate);
    try {
      handleSync(encoder, decoder, p, emitSynced, messageType);
    } finally {
      doc.on('update', provider._updateHandler);
      if (persistence) doc.on('update', persistence._storeUpdate);
    }
    if (!persistence || storeInWorker(update)) return;
    // The received bytes are a view of the socket's message: kept as they are, not copied.
    toStore.push(update);
    if (toStore.length > 1) return;
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(store, { timeout: STORE_IDLE_TIMEOUT_MS });
    else setTimeout(store, 0);
  };
  return store;
}

function createEntry(docName: string, opts: OpenSyncDocOptions): Entry {
  const doc = new Y.Doc();
  const persistence =
    opts.offline && opts.offlineUser
      ? new IndexeddbPersistence(`phonghop:${opts.offlineUser}:${docName}`, doc)
      : null;
  const provider = new WebsocketProvider(syncUrl(), docName, doc, {
    params: { token: opts.token },
    // Tabs of one browser would otherwise exchange docs over BroadcastChannel without asking the
    // host, so one person's private notes could reach another person's tab on a shared tablet.
    disableBc: true,
  });
  const storeHostUpdates = applyHostUpdatesQuietly(doc, provider, persistence);
  const entry: Entry = {
    view: { doc, provider },
    doc,
    provider,
    persistence,
    storeHostUpdates,
    refs: 0,
    phase: 'connecting',
    listeners: new Set(),
    teardown: null,
  };
  const set = (phase: SyncPhase) => {
    if (entry.phase === phase) return;
    entry.phase = phase;
    for (const l of entry.listeners) l();
  };
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') set(provider.synced ? 'synced' : 'connected');
    else if (status === 'disconnected') set('disconnected');
    else if (status === 'connecting' && entry.phase !== 'refused') set('connecting');
  });
  provider.on('sync', (synced: boolean) =>
    set(synced ? 'synced' : provider.wsconnected ? 'connected' : 'connecting'),
  );
  // A 44xx close code means the host refused this doc: reconnecting is pointless. 4401 means the
  // session itself ended (revoked, expired), so the person is signed out at once.
  provider.on('closed', (close: { code: number }) => {
    set('refused');
    if (close.code === 4401) reportAuthLost('session_expired');
  });
  return entry;
}

export function openSyncDoc(docName: string, opts: OpenSyncDocOptions): SyncDocHandle {
  const key = keyOf(docName, opts.token);
  let entry = open.get(key);
  if (!entry) {
    entry = createEntry(docName, opts);
    open.set(key, entry);
  }
  const e = entry;
  if (e.teardown) {
    clearTimeout(e.teardown);
    e.teardown = null;
  }
  e.refs++;
  let released = false;
  return {
    doc: e.doc,
    provider: e.provider,
    destroy() {
      if (released) return;
      released = true;
      e.refs--;
      if (e.refs > 0) return;
      // A component that remounts at once (route change, React strict mode) keeps the connection.
      e.teardown = setTimeout(() => {
        if (e.refs > 0) return;
        open.delete(key);
        e.provider.destroy();
        e.storeHostUpdates();
        void e.persistence?.destroy();
        e.doc.destroy();
      }, 1000);
    },
  };
}

/** The doc if it is open now (does not open it or hold a reference). */
export function peekSyncDoc(docName: string, token: string): SyncDocView | null {
  return open.get(keyOf(docName, token))?.view ?? null;
}

/** The connection phase of an open doc, and a way to be told when it changes. */
export function syncPhaseOf(provider: WebsocketProvider): SyncPhase {
  for (const e of open.values()) if (e.provider === provider) return e.phase;
  return 'disconnected';
}

export function subscribeSyncPhase(provider: WebsocketProvider, listener: () => void): () => void {
  for (const e of open.values())
    if (e.provider === provider) {
      e.listeners.add(listener);
      return () => e.listeners.delete(listener);
    }
  return () => {};
}
