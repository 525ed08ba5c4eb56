import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/host/archive/db';
import { migrations } from '../../main/host/archive/migrations';
import { tempDataDir } from '../helpers/host';

describe('migration 0040-minutes', () => {
  const dir = tempDataDir('phonghop-mig40-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('upgrades a version-30 archive: strict tables, one minutes row per meeting, role and status checked', () => {
    const file = path.join(dir, 'archive.sqlite');
    openDatabase(file, { migrations: migrations.filter((m) => m.version <= 30) }).close();
    const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 40) });
    expect(db.pragma('user_version', { simple: true })).toBe(40);
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('minutes','minutes_signatures','trust_roots')",
      )
      .all();
    expect(tables.map((t) => [t.name, t.strict]).sort()).toEqual([
      ['minutes', 1],
      ['minutes_signatures', 1],
      ['trust_roots', 1],
    ]);
    const now = new Date().toISOString();
    db.prepare(
      "INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u', 'u', 'U', 'x', ?)",
    ).run(now);
    db.prepare(
      "INSERT INTO meetings (id, title, starts_at, created_by, created_at) VALUES ('m', 'M', ?, 'u', ?)",
    ).run(now, now);
    db.prepare("INSERT INTO minutes (meeting_id, status, updated_at) VALUES ('m', 'final', ?)").run(
      now,
    );
    expect(() =>
      db
        .prepare("INSERT INTO minutes (meeting_id, status, updated_at) VALUES ('m', 'draft', ?)")
        .run(now),
    ).toThrow();
    expect(() =>
      db.prepare("UPDATE minutes SET status = 'approved' WHERE meeting_id = 'm'").run(),
    ).toThrow();
    const sig = db.prepare(
      `INSERT INTO minutes_signatures (id, meeting_id, revision, role, user_id, status, base_sha256, byte_range, digest,
         certificate_chain, signer_name, certificate_sha256, signed_at, created_at)
       VALUES (?, 'm', 1, ?, 'u', 'pending', 'x', '[]', 'd', '[]', 'S', 'c', ?, ?)`,
    );
    sig.run('s1', 'chair', now, now);
    expect(() => sig.run('s2', 'delegate', now, now)).toThrow();
    db.prepare(
      "INSERT INTO trust_roots (id, sha256, subject, pem, not_before, not_after, added_at) VALUES ('r', 'h', 'CN=R', 'p', ?, ?, ?)",
    ).run(now, now, now);
    expect(() =>
      db
        .prepare(
          "INSERT INTO trust_roots (id, sha256, subject, pem, not_before, not_after, added_at) VALUES ('r2', 'h', 'CN=R', 'p', ?, ?, ?)",
        )
        .run(now, now, now),
    ).toThrow();
    db.close();
  });
});
