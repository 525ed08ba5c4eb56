import type { Migration } from './types';

// Users, sessions, meetings with their participants and agenda, the audit chain, and the
// persisted Yjs documents. Plain SQL types only, so the schema ports to PostgreSQL.
export const initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0,
        can_create_meetings INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_user ON sessions(user_id);

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        location TEXT,
        organization TEXT,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
        current_item_id TEXT,
        quorum_share REAL NOT NULL DEFAULT 0.5,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE participants (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('chair','secretary','delegate','observer')),
        can_vote INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (meeting_id, user_id)
      ) STRICT;
      CREATE INDEX participants_user ON participants(user_id);

      CREATE TABLE agenda_items (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        presenter TEXT,
        presenter_user_id TEXT REFERENCES users(id),
        duration_minutes INTEGER
      ) STRICT;
      CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

      -- One hash chain per meeting (meeting_id '' holds host-wide events such as new users).
      CREATE TABLE audit_events (
        meeting_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (meeting_id, seq)
      ) STRICT;

      -- Yjs documents: appended updates, periodically compacted into one snapshot row.
      CREATE TABLE ydoc_updates (
        doc TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (doc, seq)
      ) STRICT;
    `);
  },
};
