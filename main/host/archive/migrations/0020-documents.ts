import type { Migration } from './types';

// Papers. Each upload is one row; replacing a paper adds a row with the same `lineage_id` and the
// next `version`, and points the old row's `replaced_by` at it (annotations keep the id of the
// version they were drawn on). The bytes live in the content-addressed store under `sha256`.
// Who may see a confidential paper is kept per lineage, so a new version keeps the same readers.
// `document_pages` holds the text of every page (the search index reads it).
export const documents: Migration = {
  version: 20,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        lineage_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        filename TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        confidential INTEGER NOT NULL DEFAULT 0,
        encrypted INTEGER NOT NULL DEFAULT 0,
        has_scripts INTEGER NOT NULL DEFAULT 0,
        thumbnail BLOB,
        replaced_by TEXT,
        deleted_at TEXT,
        uploaded_by TEXT NOT NULL REFERENCES users(id),
        uploaded_at TEXT NOT NULL,
        UNIQUE (lineage_id, version)
      ) STRICT;
      CREATE INDEX documents_meeting ON documents(meeting_id);
      CREATE INDEX documents_sha256 ON documents(sha256);

      CREATE TABLE document_access (
        lineage_id TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (lineage_id, user_id)
      ) STRICT;

      CREATE TABLE document_pages (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (document_id, page)
      ) STRICT;
    `);
  },
};
