// Where accepted updates are committed. With synchronous=FULL a commit waits for the disk (4-15 ms
// here); done on the main thread it would stall every socket and HTTP request of the host for that
// long, so a worker thread with its own connection to the same WAL database does the commits while
// the host keeps reading and relaying. If the worker cannot run (a bundle without it, a platform
// without worker threads), commits happen inline on the main connection: slower, equally durable.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import type { DocStore, StoredRow } from './doc-store';

export interface DurableWriter {
  /** Resolves once the rows are committed (fsynced); rejects if the transaction failed. */
  commit(rows: readonly StoredRow[]): Promise<void>;
  /** Waits for outstanding commits, then stops the worker. */
  close(): Promise<void>;
  /** Where commits happen now (diagnostics). */
  mode(): 'thread' | 'inline';
}

// Plain CommonJS evaluated in the worker: no file to ship beside a bundle, no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO ydoc_updates (doc, seq, data, created_at) VALUES (?, ?, ?, ?)');
const write = db.transaction((rows) => { for (const r of rows) insert.run(r.doc, r.seq, r.data, r.at); });
parentPort.on('message', (m) => {
  if (m.type === 'close') { db.close(); parentPort.close(); return; }
  try { write(m.rows); parentPort.postMessage({ id: m.id, ok: true }); }
  catch (e) { parentPort.postMessage({ id: m.id, ok: false, error: String((e && e.message) || e) }); }
});
parentPort.postMessage({ ready: true });
`;

export function inlineWriter(store: DocStore): DurableWriter {
  return {
    commit(rows) {
      try {
        store.insertRows(rows);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
    close: () => Promise.resolve(),
    mode: () => 'inline',
  };
}

/** A worker-thread writer for `dbFile`, falling back to `inline` whenever the worker is unavailable. */
export function createDurableWriter(dbFile: string, store: DocStore, log: Logger): DurableWriter {
  const inline = inlineWriter(store);
  let worker: Worker | null = null;
  let ready = false;
  let nextId = 1;
  const waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();

  const giveUp = (err: unknown) => {
    if (!worker) return;
    log.warn({ err }, 'sync writer thread unavailable; committing on the main thread');
    worker = null;
    // Whether these reached the disk is unknown: the batch layer treats them as failed, and the
    // clients, who still hold the updates, send them again.
    for (const w of waiting.values()) w.reject(new Error('sync writer thread stopped'));
    waiting.clear();
  };

  try {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: dbFile, sqlite } });
    worker.unref();
    worker.on('message', (m: { ready?: true; id?: number; ok?: boolean; error?: string }) => {
      if (m.ready) {
        ready = true;
        return;
      }
      const w = m.id === undefined ? undefined : waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id!);
      if (m.ok) w.resolve();
      else w.reject(new Error(m.error ?? 'write failed'));
    });
    worker.on('error', giveUp);
    worker.on('exit', (code) => giveUp(new Error(`exit ${code}`)));
  } catch (err) {
    giveUp(err);
    worker = null;
  }

  return {
    commit(rows) {
      // Until the worker has opened the database, commit inline: order is kept because the batch
      // layer has one commit in flight at a time.
      if (!worker || !ready) return inline.commit(rows);
      const id = nextId++;
      const w = worker;
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, rows });
      });
    },
    mode: () => (worker && ready ? 'thread' : 'inline'),
    async close() {
      const w = worker;
      worker = null;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage({ type: 'close' });
      // A worker stuck in a write (a hung disk) is stopped rather than waited for forever.
      const stop = setTimeout(() => void w.terminate(), 2000);
      await exited;
      clearTimeout(stop);
    },
  };
}
