// Persistence of synchronised docs in ydoc_updates: every accepted update is appended (and
// committed, synchronous=FULL) before anyone else sees it; rows are folded into one snapshot row
// inside a transaction, so a crash at any point leaves either the old rows or the snapshot.
import * as Y from 'yjs';
import type { Database } from '../archive/db';

export interface DocStore {
  /** Applies the stored rows to `doc`; returns how many rows there were. */
  load(name: string, doc: Y.Doc): number;
  /** Appends one update; returns the doc's row count afterwards. */
  append(name: string, update: Uint8Array): number;
  /** Appends several updates in one transaction; returns each doc's row count after its row. */
  appendMany(entries: ReadonlyArray<{ name: string; update: Uint8Array }>): number[];
  /** Replaces every row of the doc with one snapshot of `doc`'s state. */
  compact(name: string, doc: Y.Doc): void;
  rowCount(name: string): number;
}

export function createDocStore(db: Database, onCorruptRow: (name: string, seq: number, err: unknown) => void): DocStore {
  const q = {
    rows: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM ydoc_updates WHERE doc = ? ORDER BY seq'),
    last: db.prepare<[string], { seq: number | null; n: number }>(
      'SELECT max(seq) AS seq, count(*) AS n FROM ydoc_updates WHERE doc = ?',
    ),
    insert: db.prepare('INSERT INTO ydoc_updates (doc, seq, data, created_at) VALUES (?, ?, ?, ?)'),
    deleteUpTo: db.prepare('DELETE FROM ydoc_updates WHERE doc = ? AND seq <= ?'),
  };
  // Next sequence number and row count per doc, read once from the table when first needed.
  const state = new Map<string, { next: number; rows: number }>();
  const stateOf = (name: string) => {
    let s = state.get(name);
    if (!s) {
      const r = q.last.get(name);
      s = { next: (r?.seq ?? 0) + 1, rows: r?.n ?? 0 };
      state.set(name, s);
    }
    return s;
  };

  const compactTx = db.transaction((name: string, snapshot: Uint8Array) => {
    const s = stateOf(name);
    q.deleteUpTo.run(name, s.next - 1);
    q.insert.run(name, s.next, snapshot, new Date().toISOString());
    s.next++;
    s.rows = 1;
  });

  const appendOne = (name: string, update: Uint8Array, at: string): number => {
    const s = stateOf(name);
    q.insert.run(name, s.next, update, at);
    s.next++;
    s.rows++;
    return s.rows;
  };
  const appendManyTx = db.transaction((entries: ReadonlyArray<{ name: string; update: Uint8Array }>) => {
    const at = new Date().toISOString();
    return entries.map((e) => appendOne(e.name, e.update, at));
  });

  return {
    load(name, doc) {
      const rows = q.rows.all(name);
      const s = stateOf(name);
      s.rows = rows.length;
      if (rows.length === 0) return 0;
      try {
        // One merged update integrates much faster than hundreds of small ones.
        Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.data)));
      } catch {
        // Rows were written by this host, so this means a damaged file: keep every row that still reads.
        for (const r of rows) {
          try {
            Y.applyUpdate(doc, r.data);
          } catch (err) {
            onCorruptRow(name, r.seq, err);
          }
        }
      }
      return rows.length;
    },
    append(name, update) {
      return appendOne(name, update, new Date().toISOString());
    },
    appendMany(entries) {
      // The in-memory counters move with the rows; if the transaction fails, re-read them.
      try {
        return appendManyTx(entries);
      } catch (err) {
        for (const e of entries) state.delete(e.name);
        throw err;
      }
    },
    compact(name, doc) {
      if (stateOf(name).rows <= 1) return;
      compactTx(name, Y.encodeStateAsUpdate(doc));
    },
    rowCount(name) {
      return stateOf(name).rows;
    },
  };
}
