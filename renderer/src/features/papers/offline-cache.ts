// Papers kept on the device so a delegate can read when the room's Wi-Fi drops. IndexedDB (not
// Cache Storage): it works on plain-http LAN hosts and in Electron alike, where Cache Storage
// needs a secure context. Entries are keyed by user and paper, so on a shared tablet one person's
// confidential papers are never served to the next person who signs in.
import { API_PREFIX } from '../../../../shared/api/contract';
import { readToken } from '../../api/session-token';

const DB_NAME = 'phonghop-papers';
const STORE = 'papers';

export interface CachedPaper {
  key: string;
  userId: string;
  documentId: string;
  meetingId: string;
  sha256: string;
  title: string;
  bytes: Blob;
  cachedAt: string;
}

let currentUser: string | null = null;
const listeners = new Set<() => void>();

/** Whose copies to read and write; set by the signed-in UI (null after sign-out). */
export function setOfflineUser(userId: string | null): void {
  currentUser = userId;
}

/** Called whenever the set of offline papers changes. */
export function onOfflineChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function changed(): void {
  for (const l of listeners) l();
}

let opening: Promise<IDBDatabase> | null = null;
function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'key' });
      store.createIndex('user', 'userId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opening;
}

function request<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = run(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB error'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

const keyOf = (userId: string, documentId: string) => `${userId}:${documentId}`;

async function readCached(documentId: string): Promise<CachedPaper | undefined> {
  if (!currentUser) return undefined;
  const user = currentUser;
  return request(
    'readonly',
    (s) => s.get(keyOf(user, documentId)) as IDBRequest<CachedPaper | undefined>,
  );
}

/** Ids of this user's papers that are on the device, with the hash of the stored bytes. */
export async function offlinePapers(): Promise<Map<string, string>> {
  if (!currentUser) return new Map();
  const user = currentUser;
  try {
    const all = await request(
      'readonly',
      (s) => s.index('user').getAll(user) as IDBRequest<CachedPaper[]>,
    );
    return new Map(all.map((p) => [p.documentId, p.sha256]));
  } catch {
    return new Map();
  }
}

async function fetchFile(documentId: string, signal?: AbortSignal): Promise<Response> {
  const token = readToken();
  return fetch(`${API_PREFIX}/documents/${encodeURIComponent(documentId)}/file`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
}

export interface PaperToKeep {
  id: string;
  meetingId: string;
  sha256: string;
  title: string;
}

/** Downloads one paper into the device's store (skipped when the same bytes are already there). */
export async function keepOffline(paper: PaperToKeep, signal?: AbortSignal): Promise<void> {
  if (!currentUser) return;
  const user = currentUser;
  const have = await readCached(paper.id).catch(() => undefined);
  if (have?.sha256 === paper.sha256) return;
  const res = await fetchFile(paper.id, signal);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = await res.blob();
  const entry: CachedPaper = {
    key: keyOf(user, paper.id),
    userId: user,
    documentId: paper.id,
    meetingId: paper.meetingId,
    sha256: paper.sha256,
    title: paper.title,
    bytes,
    cachedAt: new Date().toISOString(),
  };
  await request('readwrite', (s) => s.put(entry));
  changed();
}

/**
 * Forgets this user's copies of a meeting's papers that are no longer listed (deleted, replaced,
 * or no longer shared with them).
 */
export async function forgetOthers(meetingId: string, keepIds: ReadonlySet<string>): Promise<void> {
  if (!currentUser) return;
  const user = currentUser;
  const all = await request(
    'readonly',
    (s) => s.index('user').getAll(user) as IDBRequest<CachedPaper[]>,
  );
  const stale = all.filter((p) => p.meetingId === meetingId && !keepIds.has(p.documentId));
  for (const p of stale) await request('readwrite', (s) => s.delete(p.key));
  if (stale.length) changed();
}

/**
 * The bytes of a paper for the viewer: from the host when it answers, else the device's copy.
 * A refusal from the host (404: no longer shared, 401) is final: the copy is not used then.
 */
export async function getPaperBytes(documentId: string, signal?: AbortSignal): Promise<Uint8Array> {
  let res: Response | null = null;
  try {
    res = await fetchFile(documentId, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    res = null; // Network down: use the device's copy below.
  }
  if (res && res.ok) return new Uint8Array(await res.arrayBuffer());
  if (res && res.status < 500) throw new Error(`paper ${documentId}: HTTP ${res.status}`);
  const cached = await readCached(documentId).catch(() => undefined);
  if (!cached) throw new Error(`paper ${documentId}: not reachable and not kept on this device`);
  return new Uint8Array(await cached.bytes.arrayBuffer());
}
