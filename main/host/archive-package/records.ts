// Which rows of the archive belong to one meeting, found from the schema itself (tables with a
// meeting_id, document_id, ballot_id or lineage_id column) so that a module's new table travels in
// the package without this file knowing it. Rows are written as JSON lines; BLOBs as base64.
import type { Database } from '../archive/db';

/** Tables that never travel: accounts and sessions, the derived search index, host-local state. */
const LOCAL_ONLY =
  /^(users|sessions|search_.*|archive_imports|sqlite_.*|.*pairing.*|.*login.*|.*throttle.*|.*token.*|host_.*|trust_.*)$/;

export interface RecordTable {
  name: string;
  /** WHERE clause selecting the meeting's rows; `@m` is the meeting id. */
  where: string;
  /** Columns that reference users(id). */
  userColumns: string[];
}

function tableNames(db: Database): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .all()
    .map((r) => r.name)
    .filter((n) => !LOCAL_ONLY.test(n));
}

export function columnsOf(db: Database, table: string): string[] {
  return db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
    .all(table)
    .map((r) => r.name);
}

function userColumnsOf(db: Database, table: string): string[] {
  return db
    .prepare<[string], { from: string; table: string }>(
      'SELECT "from", "table" FROM pragma_foreign_key_list(?)',
    )
    .all(table)
    .filter((r) => r.table === 'users')
    .map((r) => r.from);
}

export function meetingTables(db: Database): RecordTable[] {
  const out: RecordTable[] = [];
  for (const name of tableNames(db)) {
    const cols = new Set(columnsOf(db, name));
    let where: string | undefined;
    if (name === 'meetings') where = 'id = @m';
    else if (name === 'ydoc_updates')
      // The live doc, the minutes draft and the shared annotation layers; private notes stay home.
      where = `(doc = 'meeting/' || @m OR doc = 'minutes/' || @m OR doc IN (SELECT 'annotations/' || id FROM documents WHERE meeting_id = @m))`;
    else if (cols.has('meeting_id')) where = 'meeting_id = @m';
    else if (cols.has('document_id'))
      where = 'document_id IN (SELECT id FROM documents WHERE meeting_id = @m)';
    else if (cols.has('ballot_id'))
      where = 'ballot_id IN (SELECT id FROM ballots WHERE meeting_id = @m)';
    else if (cols.has('lineage_id'))
      where = 'lineage_id IN (SELECT lineage_id FROM documents WHERE meeting_id = @m)';
    if (where) out.push({ name, where, userColumns: userColumnsOf(db, name) });
  }
  return out;
}

/** JSON for a row: BLOBs become {"$base64": "..."} (converted first: Buffer.toJSON runs before any replacer). */
export function encodeRow(row: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    out[k] = v instanceof Uint8Array ? { $base64: Buffer.from(v).toString('base64') } : v;
  return JSON.stringify(out);
}

export function decodeValue(v: unknown): unknown {
  if (
    v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    typeof (v as { $base64?: unknown }).$base64 === 'string'
  )
    return Buffer.from((v as { $base64: string }).$base64, 'base64');
  return v;
}

/** Rows of one table for one meeting, in pages (no statement stays open across awaits). */
export function* meetingRows(
  db: Database,
  table: RecordTable,
  meetingId: string,
  pageSize = 500,
): Generator<Record<string, unknown>[]> {
  const stmt = db.prepare<{ m: string; after: number; n: number }, Record<string, unknown>>(
    `SELECT rowid AS "$rowid", * FROM "${table.name}" WHERE ${table.where} AND rowid > @after ORDER BY rowid LIMIT @n`,
  );
  let after = 0;
  for (;;) {
    const rows = stmt.all({ m: meetingId, after, n: pageSize });
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.$rowid as number;
    yield rows.map(({ $rowid: _r, ...rest }) => rest);
    if (rows.length < pageSize) return;
  }
}
