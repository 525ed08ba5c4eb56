// Opens a synchronised Yjs document with the stock y-websocket client against the host's /sync
// endpoint (api.md "Sync"). Handles are shared: two components opening the same doc with the same
// token get one Y.Doc and one connection, released when the last one calls destroy().
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
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
  const entry: Entry = {
    view: { doc, provider },
    doc,
    provider,
    persistence,
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
