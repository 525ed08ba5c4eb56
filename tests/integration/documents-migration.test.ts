// Migration 0020-documents: a database at version 10 (meetings, no papers) upgrades, keeps its
// rows, and the papers tables enforce what the documents module relies on.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/host/archive/db';
import { migrations } from '../../main/host/archive/migrations';
import { tempDataDir } from '../helpers/host';

const dir = tempDataDir('phonghop-mig20-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 0020-documents', () => {
  it('upgrades a version-10 archive and adds strict papers tables', () => {
    const file = path.join(dir, 'archive.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 10) });
    old
      .prepare(
        "INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u1', 'thu-ky', 'Thư ký', 'x', '2026-01-01')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO meetings (id, title, starts_at, created_by, created_at) VALUES ('m1', 'Họp', '2026-01-01', 'u1', '2026-01-01')",
      )
      .run();
    old.close();

    const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 20) });
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare('SELECT title FROM meetings').get()).toEqual({ title: 'Họp' });
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('documents', 'document_access', 'document_pages')",
      )
      .all();
    expect(strict.map((t) => [t.name, t.strict]).sort()).toEqual([
      ['document_access', 1],
      ['document_pages', 1],
      ['documents', 1],
    ]);

    const insert = db.prepare(
      `INSERT INTO documents (id, lineage_id, meeting_id, version, title, filename, sha256, size, pages, uploaded_by, uploaded_at)
       VALUES (?, ?, 'm1', ?, 'Báo cáo', 'bc.pdf', 'ab', 10, 2, 'u1', '2026-01-01')`,
    );
    insert.run('d1', 'd1', 1);
    // Two rows cannot claim the same version of one paper.
    expect(() => insert.run('d2', 'd1', 1)).toThrow(/UNIQUE/);
    // A paper belongs to a meeting that exists.
    expect(() =>
      db
        .prepare(
          `INSERT INTO documents (id, lineage_id, meeting_id, version, title, filename, sha256, size, pages, uploaded_by, uploaded_at)
           VALUES ('d3', 'd3', 'nope', 1, 't', 'f', 'ab', 1, 1, 'u1', '2026-01-01')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(
      "INSERT INTO document_pages (document_id, page, text) VALUES ('d1', 1, 'Trang một')",
    ).run();
    // STRICT: a page number must be an integer.
    expect(() =>
      db
        .prepare("INSERT INTO document_pages (document_id, page, text) VALUES ('d1', 'hai', 'x')")
        .run(),
    ).toThrow();
    // Deleting the meeting takes its papers and their text with it.
    db.prepare("DELETE FROM meetings WHERE id = 'm1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM document_pages').get()).toEqual({ n: 0 });
    db.close();
  });
});
