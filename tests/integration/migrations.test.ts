import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, NewerDatabaseError, openDatabase } from '../../main/host/archive/db';
import { migrations } from '../../main/host/archive/migrations';
import { tempDataDir } from '../helpers/host';

const dirs: string[] = [];
function dbFile(): string {
  const dir = tempDataDir('phonghop-mig-');
  dirs.push(dir);
  return path.join(dir, 'archive.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered in tens, strictly increasing, with unique names', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('create a fresh database at the latest version with WAL, FULL sync and foreign keys', () => {
    const db = openDatabase(dbFile());
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
      .filter(
        (t) =>
          !t.name.includes('_fts') &&
          !t.name.endsWith('_data') &&
          !t.name.endsWith('_idx') &&
          !t.name.endsWith('_content') &&
          !t.name.endsWith('_docsize') &&
          !t.name.endsWith('_config'),
      );
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    db.close();
  });

  it.each(migrations.slice(0, -1).map((m) => [m.version] as const))(
    'upgrade a database at version %i to the latest, keeping its rows and backing it up first',
    (version) => {
      const file = dbFile();
      const old = openDatabase(file, {
        migrations: migrations.filter((m) => m.version <= version),
      });
      expect(old.pragma('user_version', { simple: true })).toBe(version);
      old
        .prepare(
          "INSERT INTO users (id, username, display_name, password_hash, is_admin, can_create_meetings, created_at) VALUES ('u1', 'kept', 'Kept', 'x', 0, 0, '2026-01-01')",
        )
        .run();
      old.close();
      const backups: string[] = [];
      const db = openDatabase(file, { onBackup: (b) => backups.push(b) });
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect(db.prepare("SELECT username FROM users WHERE id = 'u1'").get()).toEqual({
        username: 'kept',
      });
      db.close();
      expect(backups).toHaveLength(1);
      expect(fs.existsSync(backups[0]!)).toBe(true);
    },
  );

  it('refuse a database written by a newer version, and leave it untouched', () => {
    const file = dbFile();
    const db = openDatabase(file);
    db.pragma(`user_version = ${latestVersion() + 10}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('roll back every step of a failing upgrade', () => {
    const file = dbFile();
    openDatabase(file, { migrations: migrations.slice(0, 1) }).close();
    const broken = [
      ...migrations.slice(0, 1),
      {
        version: 9990,
        name: 'adds-then-fails',
        up: (d: Database) => {
          d.exec('CREATE TABLE t_new (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow('boom');
    const db = openDatabase(file, { migrations: migrations.slice(0, 1) });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[0]!.version);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't_new'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});
