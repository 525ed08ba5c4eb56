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
  },
};
