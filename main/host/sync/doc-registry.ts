// Loaded docs by name: loaded from the archive on first connect, kept while someone is connected,
// compacted and dropped after an idle delay. Live meeting docs are projected from the archive as
// they load, and the live module finds them here to re-project after each command.
import type { DocName } from '../../../shared/sync/doc-names';
import { docNameToString } from '../../../shared/sync/doc-names';
import type { Services } from '../services';
import type { DocStore } from './doc-store';
import { SharedDoc } from './shared-doc';
import { WriteBatch } from './write-batch';
import type { DurableWriter } from './durable-writer';

export interface DocRegistry {
  /** The loaded doc for `name`, loading it if needed; cancels a pending unload. */
  acquire(name: DocName): SharedDoc;
  /** Call when a peer left: schedules the unload of a doc nobody uses. */
  release(doc: SharedDoc): void;
  loaded(name: string): SharedDoc | undefined;
  all(): SharedDoc[];
  /** Waits for pending commits, compacts and drops every doc (host shutdown). */
  unloadAll(): Promise<void>;
}

export function createDocRegistry(
  services: Pick<Services, 'live' | 'log'>,
  store: DocStore,
  writer: DurableWriter,
  opts: {
    idleUnloadMs: number;
    compactAfterRows: number;
    onStorageFailure: (doc: SharedDoc) => void;
  },
): DocRegistry {
  const docs = new Map<string, SharedDoc>();
  const idle = new Map<string, NodeJS.Timeout>();
  const compactions = new Set<SharedDoc>();

  const events = {
    // Deferred to the next turn so a compaction never runs inside the Yjs transaction that
    // triggered it, and a burst of updates is folded once.
    onNeedsCompaction(doc: SharedDoc) {
      if (compactions.has(doc)) return;
      compactions.add(doc);
      setImmediate(() => {
        compactions.delete(doc);
        if (docs.get(doc.name) !== doc) return;
        try {
          doc.compact();
        } catch (err) {
          services.log.error({ err, doc: doc.name }, 'sync doc compaction failed');
        }
      });
    },
  };
  const batch = new WriteBatch(
    store,
    writer,
    (targets, err) => {
      for (const target of targets) {
        const doc = docs.get(target.name);
        if (doc !== target) continue;
        services.log.error(
          { err, doc: doc.name },
          'sync update could not be stored; dropping the doc',
        );
        drop(doc);
        opts.onStorageFailure(doc);
      }
    },
    (err) => services.log.error({ err }, 'sync relay failed'),
  );

  function drop(doc: SharedDoc): void {
    if (docs.get(doc.name) === doc) docs.delete(doc.name);
    const timer = idle.get(doc.name);
    if (timer) clearTimeout(timer);
    idle.delete(doc.name);
    doc.destroy();
  }

  function compactAndDrop(doc: SharedDoc): void {
    try {
      doc.compact();
    } catch (err) {
      // The rows are still there; the next load reads them instead of the snapshot.
      services.log.error({ err, doc: doc.name }, 'sync doc compaction failed on unload');
    }
    drop(doc);
  }

  /** Unloads an idle doc once its updates are on disk, unless someone came back meanwhile. */
  async function unloadIdle(doc: SharedDoc): Promise<void> {
    await batch.durable();
    if (doc.peers.size === 0 && docs.get(doc.name) === doc && !idle.has(doc.name))
      compactAndDrop(doc);
  }

  return {
    acquire(name) {
      const key = docNameToString(name);
      const timer = idle.get(key);
      if (timer) {
        clearTimeout(timer);
        idle.delete(key);
      }
      let doc = docs.get(key);
      if (!doc) {
        doc = new SharedDoc(key, store, batch, opts.compactAfterRows, events);
        docs.set(key, doc);
        if (name.kind === 'meeting') {
          try {
            services.live.project(name.meetingId, doc.doc);
          } catch (err) {
            // The stored state is still served; the next command re-projects.
            services.log.error({ err, doc: key }, 'live meeting projection failed');
          }
        }
      }
      return doc;
    },
    release(doc) {
      if (doc.peers.size > 0 || docs.get(doc.name) !== doc || idle.has(doc.name)) return;
      const timer = setTimeout(() => {
        idle.delete(doc.name);
        if (doc.peers.size === 0 && docs.get(doc.name) === doc) void unloadIdle(doc);
      }, opts.idleUnloadMs);
      timer.unref();
      idle.set(doc.name, timer);
    },
    loaded(name) {
      return docs.get(name);
    },
    all() {
      return [...docs.values()];
    },
    async unloadAll() {
      await batch.durable();
      for (const doc of [...docs.values()]) compactAndDrop(doc);
    },
  };
}
