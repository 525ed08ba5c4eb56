import type { Migration } from './types';

// The minutes (biên bản) of each meeting, their signatures, and the certificate authorities the
// administrator trusts. The current PDF is kept in the row so that a signature and the signed
// file commit in one transaction (bytes as BLOB, which ports to PostgreSQL's bytea).
export const minutes: Migration = {
  version: 40,
  name: 'minutes',
  up(db) {
    db.exec(`
      CREATE TABLE minutes (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('draft','final','signed')),
        revision INTEGER NOT NULL DEFAULT 0,
        finalized_at TEXT,
        finalized_by TEXT REFERENCES users(id),
        audit_head TEXT,
        pdf BLOB,
        pdf_sha256 TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- One row per prepared signature; 'signed' rows keep the CMS, 'void' ones were superseded
      -- by a new prepare or invalidated by a reopen.
      CREATE TABLE minutes_signatures (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('chair','secretary')),
        user_id TEXT NOT NULL REFERENCES users(id),
        status TEXT NOT NULL CHECK (status IN ('pending','signed','void')),
        base_sha256 TEXT NOT NULL,
        prepared_pdf BLOB,
        byte_range TEXT NOT NULL,
        digest TEXT NOT NULL,
        certificate_chain TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        certificate_sha256 TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        cms BLOB,
        created_at TEXT NOT NULL,
        completed_at TEXT
      ) STRICT;
      CREATE INDEX minutes_signatures_meeting ON minutes_signatures(meeting_id, revision, status);

      CREATE TABLE trust_roots (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        subject TEXT NOT NULL,
        pem TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        added_by TEXT REFERENCES users(id),
        added_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
