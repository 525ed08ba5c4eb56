import type { Migration } from './types';

// Attendance, speakers' queues and ballots. A secret ballot keeps who took part
// (ballot_participation) and per-option counters (ballot_tallies), never which voter chose what;
// only named ballots fill ballot_choices. Primary keys make "one vote per voter" a constraint,
// not a hope: two votes from one voter at the same instant cannot both be stored.
export const liveMeeting: Migration = {
  version: 30,
  name: 'live-meeting',
  up(db) {
    db.exec(`
      CREATE TABLE attendance (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        status TEXT NOT NULL CHECK (status IN ('present','absent')),
        reason TEXT,
        marked_by TEXT NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, user_id)
      ) STRICT;

      CREATE TABLE speaking_settings (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        limit_seconds INTEGER NOT NULL,
        warning_seconds INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE speaker_requests (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id TEXT,
        user_id TEXT NOT NULL REFERENCES users(id),
        position INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('waiting','speaking','done','withdrawn')),
        requested_at TEXT NOT NULL,
        started_at TEXT,
        stopped_at TEXT,
        limit_seconds INTEGER
      ) STRICT;
      CREATE INDEX speaker_requests_queue ON speaker_requests(meeting_id, status, position);

      CREATE TABLE ballots (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id TEXT,
        question TEXT NOT NULL,
        options TEXT NOT NULL,
        secret INTEGER NOT NULL,
        rule TEXT NOT NULL CHECK (rule IN ('majority_of_cast','majority_of_present','majority_of_members','two_thirds_of_members')),
        quorum REAL NOT NULL,
        allow_change INTEGER NOT NULL DEFAULT 0,
        countdown_seconds INTEGER,
        previous_ballot_id TEXT REFERENCES ballots(id),
        status TEXT NOT NULL CHECK (status IN ('draft','open','closed','cancelled')),
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        opened_at TEXT,
        closes_at TEXT,
        closed_at TEXT,
        members INTEGER,
        present INTEGER,
        result TEXT
      ) STRICT;
      CREATE INDEX ballots_meeting ON ballots(meeting_id, created_at);

      -- Who may vote: voting participants present when the ballot opened.
      CREATE TABLE ballot_eligible (
        ballot_id TEXT NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        PRIMARY KEY (ballot_id, user_id)
      ) STRICT;

      -- Who took part (every ballot); no choice here.
      CREATE TABLE ballot_participation (
        ballot_id TEXT NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        PRIMARY KEY (ballot_id, user_id)
      ) STRICT;

      -- Named ballots only: who chose what.
      CREATE TABLE ballot_choices (
        ballot_id TEXT NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        option_index INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (ballot_id, user_id)
      ) STRICT;

      -- Per-option counters (the only record of choices for a secret ballot).
      CREATE TABLE ballot_tallies (
        ballot_id TEXT NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        option_index INTEGER NOT NULL,
        votes INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (ballot_id, option_index)
      ) STRICT;
    `);
  },
};
