// Appends updates to a doc's offline copy (y-indexeddb's database: object store 'updates', keys
// auto-incremented, values the update bytes) off the main thread. IndexedDB serialises a value on
// the thread that adds it: for the megabytes of a paper's first sync that is a long task on the
// main thread (~60 ms for 3 MB without GPU), here it is nobody's frame. y-indexeddb reads the
// store as a whole on open, so a record written here is read like one it wrote itself.
interface StoreRequest {
  db: string;
  update: Uint8Array;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<StoreRequest>) => void) | null;
};

scope.onmessage = (e) => {
  const { db, update } = e.data;
  // No version: the database exists already (y-indexeddb created it before any sync).
  const open = indexedDB.open(db);
  open.onsuccess = () => {
    const conn = open.result;
    if (!conn.objectStoreNames.contains('updates')) {
      conn.close();
      return;
    }
    const tx = conn.transaction('updates', 'readwrite');
    tx.objectStore('updates').add(update);
    tx.oncomplete = tx.onerror = tx.onabort = () => conn.close();
  };
};
