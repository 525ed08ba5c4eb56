// Migration 0070-page-previews: a version-60 archive with a paper upgrades; the paper keeps its
// row and simply has no preview (the viewer then draws with pdf.js alone); a preview belongs to
// an existing paper and goes with it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/host/archive/db';
import { migrations } from '../../main/host/archive/migrations';
import { createDocumentsRepo } from '../../main/host/documents/documents-repo';
import { tempDataDir } from '../helpers/host';

const dir = tempDataDir('phonghop-mig70-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 0070-page-previews', () => {
  it('upgrades a version-60 archive; previews are strict and go with their paper', () => {
    const file = path.join(dir, 'archive.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 60) });
    old.exec(`
      INSERT INTO users (id, username, display_name, password_hash, created_at)
        VALUES ('u1', 'thu-ky', 'Thư ký', 'x', '2026-01-01');
      INSERT INTO meetings (id, title, starts_at, created_by, created_at)
        VALUES ('m1', 'Họp', '2026-01-01', 'u1', '2026-01-01');
      INSERT INTO documents (id, lineage_id, meeting_id, version, title, filename, sha256, size, pages, uploaded_by, uploaded_at)
        VALUES ('d1', 'd1', 'm1', 1, 'Báo cáo', 'bc.pdf', 'ab', 10, 2, 'u1', '2026-01-01');
    `);
    old.close();

    const db = openDatabase(file, { migrations });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(70);
    const repo = createDocumentsRepo(db);
    expect(repo.get('d1')?.title).toBe('Báo cáo');
    expect(repo.preview('d1')).toBeNull();
    expect(
      db
        .prepare<[], { strict: number }>(
          "SELECT strict FROM pragma_table_list WHERE name = 'document_previews'",
        )
        .get(),
    ).toEqual({ strict: 1 });

    const image = new Uint8Array([82, 73, 70, 70]);
    repo.setPreview('d1', { image, contentType: 'image/webp', pageWidth: 595, pageHeight: 842 });
    expect(repo.preview('d1')).toMatchObject({
      contentType: 'image/webp',
      width: 595,
      height: 842,
    });
    expect(() =>
      repo.setPreview('nope', { image, contentType: 'image/webp', pageWidth: 1, pageHeight: 1 }),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM documents WHERE id = 'd1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM document_previews').get()).toEqual({ n: 0 });
    db.close();
  });
});
