import type { Migration } from './types';

// Security: the host's stable identity (so tablets never mix two hosts on one network), one-time
// pairing codes for joining a room, and login throttling that survives a restart. Pairing codes
// and tokens are stored as SHA-256 only, like session tokens.
export const security: Migration = {
  version: 60,
  name: 'security',
  up(db) {
    db.exec(`
      CREATE TABLE host_identity (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pairing_codes (
        id TEXT PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,
        token_hash TEXT NOT NULL UNIQUE,
        meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      ) STRICT;
      CREATE INDEX pairing_codes_expiry ON pairing_codes(expires_at);

      -- key: 'user:<username>' or 'addr:<remote address>'; times in ms since the epoch.
      CREATE TABLE login_throttle (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        window_started_at INTEGER NOT NULL,
        locked_until INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
