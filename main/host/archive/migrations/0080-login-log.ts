import type { Migration } from './types';

// The login log: every sign-in, failed sign-in, refusal while locked, lockout, sign-out and
// password change, with when, who (as typed, and the account when there is one), from which
// address and with which client. Admins read it to tell a forgotten password from an attack; it
// is shaped as a plain table so a later screen or CSV export can page through it by id.
// `user_id` has no foreign key on purpose: the log outlives the account it names.
//
// Throttling moves from per-account and per-address counters to per (account, address) pairs
// with a growing lockout; `lockouts` remembers how many lockouts a key has had in a row.
export const loginLog: Migration = {
  version: 80,
  name: 'login-log',
  up(db) {
    db.exec(`
      CREATE TABLE login_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        event TEXT NOT NULL CHECK (event IN
          ('login', 'login_failed', 'login_refused', 'lockout', 'logout', 'password_change')),
        username TEXT NOT NULL,
        user_id TEXT,
        address TEXT NOT NULL,
        client TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX login_log_at ON login_log(at);
      CREATE INDEX login_log_user ON login_log(username, id);

      ALTER TABLE login_throttle ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
