// Group commit: writes of one instant share a transaction; each runs in its own savepoint, so a
// refused write rolls back alone and the others still commit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../main/host/voting/group-commit';

/** A WAL database file with a votes table, durable commits as on the host. */
function votesDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-group-'));
  const file = path.join(dir, 'g.sqlite');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE votes (voter TEXT PRIMARY KEY, choice TEXT NOT NULL) STRICT');
  return { dir, file, db };
}

describe('group commit', () => {
  it('commits accepted writes together and rolls back a refused one alone', async () => {
    const { dir, file, db } = votesDb();
    // A second connection sees only committed rows.
    const reader = new BetterSqlite3(file, { readonly: true });
    const committed = () =>
      (reader.prepare('SELECT count(*) AS n FROM votes').get() as { n: number }).n;
    const insert = db.prepare('INSERT INTO votes (voter, choice) VALUES (?, ?)');
    const group = createGroupCommit(db);
    const seenByOthers: number[] = [];
    const submit = (voter: string, choice: string, fail = false) =>
      group.submit(() => {
        insert.run(voter, choice);
        seenByOthers.push(committed());
        if (fail) throw new Error(`refused ${voter}`);
        return voter;
      });
    const results = await Promise.allSettled([
      submit('a', 'yes'),
      submit('b', 'no', true),
      submit('a', 'no'),
      submit('c', 'yes'),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('refused b');
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE|PRIMARY/);
    // Nothing was visible outside until the one commit at the end of the batch.
    expect(seenByOthers).toEqual([0, 0, 0]);
    expect(reader.prepare('SELECT voter, choice FROM votes ORDER BY voter').all()).toEqual([
      { voter: 'a', choice: 'yes' },
      { voter: 'c', choice: 'yes' },
    ]);
    reader.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('in a storm, lets a batch grow for one commit time instead of committing every turn', async () => {
    const { dir, file, db } = votesDb();
    const insert = db.prepare("INSERT INTO votes (voter, choice) VALUES (?, 'yes')");
    const group = createGroupCommit(db);
    // One vote per turn of the event loop, as requests arrive in a storm.
    const acks: Array<Promise<unknown>> = [];
    for (let i = 0; i < 200; i++) {
      acks.push(group.submit(() => insert.run(`v${i}`)));
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(acks);
    const { commits, jobs } = group.stats();
    expect(jobs).toBe(200);
    expect(commits).toBeLessThan(100);
    // Every acknowledged vote is in the file, seen from another connection.
    const reader = new BetterSqlite3(file, { readonly: true });
    expect((reader.prepare('SELECT count(*) AS n FROM votes').get() as { n: number }).n).toBe(200);
    reader.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects every write of a batch whose commit fails', async () => {
    const db = new BetterSqlite3(':memory:');
    const group = createGroupCommit(db);
    const pending = group.submit(() => 1);
    db.close();
    await expect(pending).rejects.toThrow();
  });
});
