import type { Migration } from './types';

// Search and the archive. `search_entries` keeps, per indexed unit (a meeting title, an agenda
// item, one page of a paper, the minutes, a ballot question), the original text for snippets;
// `search_fts` indexes the same text folded (no diacritics, đ→d) under the entry's id. The FTS
// table is SQLite's full-text engine and lives only in the search module (PostgreSQL would use
// tsvector there); it stores no copy of the text (contentless), so the index stays small.
// `archive_imports` records packages imported from other hosts.
export const search: Migration = {
  version: 50,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE TABLE search_entries (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('meeting','agenda','page','minutes','ballot')),
        source_id TEXT NOT NULL,
        page INTEGER NOT NULL DEFAULT 0,
        meeting_id TEXT NOT NULL,
        document_id TEXT,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (kind, source_id, page)
      ) STRICT;
      CREATE INDEX search_entries_meeting ON search_entries(meeting_id);

      CREATE VIRTUAL TABLE search_fts USING fts5(
        body,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '2 3'
      );

      -- Which indexed sources changed since the indexer last looked (filled by the triggers below).
      CREATE TABLE search_dirty (
        kind TEXT NOT NULL,
        source_id TEXT NOT NULL,
        PRIMARY KEY (kind, source_id)
      ) STRICT;

      CREATE TABLE archive_imports (
        meeting_id TEXT PRIMARY KEY,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        source_host TEXT,
        manifest TEXT NOT NULL
      ) STRICT;
    `);
    // Small triggers that only note "this row changed" (the folding and indexing happen in the
    // search module); PostgreSQL has the same with a trigger function each.
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => r.name),
    );
    const watch = (table: string, kind: string, id: string, columns: string, when = '') => {
      if (!tables.has(table)) return;
      const mark = (row: 'NEW' | 'OLD') =>
        `INSERT OR IGNORE INTO search_dirty (kind, source_id) VALUES ('${kind}', ${id.replace(/ROW\./g, `${row}.`)});`;
      const cond = (row: 'NEW' | 'OLD') =>
        when ? `WHEN ${when.replace(/ROW\./g, `${row}.`)}` : '';
      db.exec(`
        CREATE TRIGGER search_dirty_${table}_ins AFTER INSERT ON ${table} ${cond('NEW')} BEGIN ${mark('NEW')} END;
        CREATE TRIGGER search_dirty_${table}_upd AFTER UPDATE OF ${columns} ON ${table} ${cond('NEW')} BEGIN ${mark('OLD')} ${mark('NEW')} END;
        CREATE TRIGGER search_dirty_${table}_del AFTER DELETE ON ${table} ${cond('OLD')} BEGIN ${mark('OLD')} END;
      `);
    };
    watch('meetings', 'meeting', 'ROW.id', 'title, organization, location');
    watch('agenda_items', 'agenda', 'ROW.id', 'title, presenter, meeting_id');
    watch('ballots', 'ballot', 'ROW.id', 'question, meeting_id');
    watch('documents', 'page', 'ROW.id', 'title, meeting_id, deleted_at');
    watch('document_pages', 'page', 'ROW.document_id', 'text');
    watch('ydoc_updates', 'minutes', 'substr(ROW.doc, 9)', 'data', "ROW.doc LIKE 'minutes/%'");
  },
};
