// Migration 0030 (live meeting) on an archive written before it: the tables appear, are STRICT,
// and their keys and checks hold the rules the code relies on (one vote per voter, known rules).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/host/archive/db';
import { initial } from '../../main/host/archive/migrations/0010-initial';
import { liveMeeting } from '../../main/host/archive/migrations/0030-live-meeting';
import { tempDataDir } from '../helpers/host';

describe('migration 0030-live-meeting', () => {
  it('adds strict tables whose keys refuse a second vote and an unknown rule', () => {
    const file = path.join(tempDataDir('phonghop-mig30-'), 'archive.sqlite');
    const old = openDatabase(file, { migrations: [initial] });
    old.exec(`INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u1', 'a', 'A', 'x', 'now');
      INSERT INTO meetings (id, title, starts_at, created_by, created_at) VALUES ('m1', 'Họp', 'now', 'u1', 'now');`);
    old.close();

    const db = openDatabase(file, { migrations: [initial, liveMeeting] });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(30);
      const tables = [
        'attendance',
        'speaking_settings',
        'speaker_requests',
        'ballots',
        'ballot_eligible',
        'ballot_participation',
        'ballot_choices',
        'ballot_tallies',
      ];
      for (const t of tables) {
        const sql = (
          db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) as
            { sql: string } | undefined
        )?.sql;
        expect(sql, t).toMatch(/\)\s*STRICT$/);
      }
      const insertBallot = (id: string, rule: string) =>
        db
          .prepare(
            `INSERT INTO ballots (id, meeting_id, question, options, secret, rule, quorum, status, created_by, created_at)
             VALUES (?, 'm1', 'Q', '[]', 1, ?, 0.5, 'draft', 'u1', 'now')`,
          )
          .run(id, rule);
      insertBallot('b1', 'majority_of_cast');
      expect(() => insertBallot('b2', 'loudest_voice')).toThrow(/CHECK/);
      db.prepare("INSERT INTO ballot_participation (ballot_id, user_id) VALUES ('b1', 'u1')").run();
      expect(() =>
        db
          .prepare("INSERT INTO ballot_participation (ballot_id, user_id) VALUES ('b1', 'u1')")
          .run(),
      ).toThrow(/UNIQUE|PRIMARY/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO attendance (meeting_id, user_id, status, marked_by, at) VALUES ('m1', 'u1', 'late', 'u1', 'now')",
          )
          .run(),
      ).toThrow(/CHECK/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO ballot_tallies (ballot_id, option_index, votes) VALUES ('b1', 'zero', 0)",
          )
          .run(),
      ).toThrow();
    } finally {
      db.close();
    }
  });
});
