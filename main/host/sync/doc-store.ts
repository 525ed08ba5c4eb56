// Persistence of synchronised docs in ydoc_updates: every accepted update is appended (and
// committed, synchronous=FULL) before anyone else sees it (write-batch.ts numbers the rows here and
// has them written); rows are folded into one snapshot row inside a transaction, so a crash at any
// point leaves either the old rows or the snapshot.
import * as Y from 'yjs';
import type { Database } from '../archive/db';

/** One row of ydoc_updates as the writer stores it. */
export interface StoredRow {
  doc: string;
  seq: number;
  data: Uint8Array;
  at: string;
}

export interface DocStore {
  /** Applies the stored rows to `doc`; returns how many rows there were. */
  load(name: string, doc: Y.Doc): number;
  /**
   * Numbers updates that another connection (the writer thread) will insert; returns the rows and
   * each doc's row count after its row. Call `forget` if that write fails.
   */
  plan(entries: ReadonlyArray<{ name: string; update: Uint8Array }>): {
    rows: StoredRow[];
    rowsAfter: number[];
  };
  /** Inserts planned rows in one transaction on this connection. */
  insertRows(rows: readonly StoredRow[]): void;
  /** The writer committed these planned rows. */
  settle(rows: readonly StoredRow[]): void;
  /** Drops the cached counters of these docs; they are read from the table again when needed. */
  forget(names: Iterable<string>): void;
  /** Replaces every row of the doc with one snapshot of `doc`'s state. */
  compact(name: string, doc: Y.Doc): void;
  rowCount(name: string): number;
}

export function createDocStore(
  db: Database,
  onCorruptRow: (name: string, seq: number, err: unknown) => void,
): DocStore {
  const q = {
    rows: db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM ydoc_updates WHERE doc = ? ORDER BY seq',
    ),
    last: db.prepare<[string], { seq: number | null; n: number }>(
      'SELECT max(seq) AS seq, count(*) AS n FROM ydoc_updates WHERE doc = ?',
    ),
    insert: db.prepare('INSERT INTO ydoc_updates (doc, seq, data, created_at) VALUES (?, ?, ?, ?)'),
    deleteUpTo: db.prepare('DELETE FROM ydoc_updates WHERE doc = ? AND seq <= ?'),
  };
  // Per doc: next sequence number, row count, and rows planned for the writer thread but not yet
  // committed (they land after a compaction that runs meanwhile, so they still count).
  const state = new Map<string, { next: number; rows: number; planned: number }>();
  const read = (name: string) => {
    const r = q.last.get(name);
    const s = { next: (r?.seq ?? 0) + 1, rows: r?.n ?? 0, planned: 0 };
    state.set(name, s);
    return s;
  };
  const stateOf = (name: string) => state.get(name) ?? read(name);

  const compactTx = db.transaction((name: string, snapshot: Uint8Array) => {
    const s = stateOf(name);
    q.deleteUpTo.run(name, s.next - 1);
    q.insert.run(name, s.next, snapshot, new Date().toISOString());
    s.next++;
    s.rows = 1 + s.planned;
  });

  const insertRowsTx = db.transaction((rows: readonly StoredRow[]) => {
    for (const r of rows) q.insert.run(r.doc, r.seq, r.data, r.at);
  });

  return {
    load(name, doc) {
      const rows = q.rows.all(name);
      // Counters are read afresh: other writers (an archive import) may have added rows.
      if ((state.get(name)?.planned ?? 0) === 0) read(name);
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
    plan(entries) {
      const at = new Date().toISOString();
      const rows: StoredRow[] = [];
      const rowsAfter: number[] = [];
      for (const e of entries) {
        const s = stateOf(e.name);
        rows.push({ doc: e.name, seq: s.next++, data: e.update, at });
        s.planned++;
        rowsAfter.push(++s.rows);
      }
      return { rows, rowsAfter };
    },
    insertRows(rows) {
      insertRowsTx.immediate(rows);
    },
    settle(rows) {
      for (const r of rows) {
        const s = state.get(r.doc);
        if (s && s.planned > 0) s.planned--;
      }
    },
    forget(names) {
      for (const name of names) state.delete(name);
    },
    compact(name, doc) {
      if (stateOf(name).rows <= 1) return;
      compactTx.immediate(name, Y.encodeStateAsUpdate(doc));
    },
    rowCount(name) {
      return stateOf(name).rows;
    },
  };
}
