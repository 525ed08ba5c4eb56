// Ranking when a query holds a term found in most entries: such terms are left out of bm25 (their
// IDF is clamped to ~0), and the order must stay the one bm25 over the whole query gives, with
// titles first and access rules applied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/host/archive/db';
import type { Database } from '../../main/host/archive/db';
import { createSearch } from '../../main/host/search/search-service';
import type { SearchService } from '../../main/host/search/search-service';
import type { PaperAccess } from '../../main/host/services';
import type { User } from '../../shared/api/schemas/users';
import { SearchQuery } from '../../shared/api/schemas/search';

let dir: string;
let db: Database;
let search: SearchService;
const papers: PaperAccess = {
  visibleTo: () => [],
  meetingOf: () => undefined,
  canSee: () => false,
};
const user = (id: string, isAdmin: boolean) => ({ id, isAdmin }) as unknown as User;
const admin = user('admin', true);
const delegate = user('del', false);
const ask = (who: User, q: string, extra: Record<string, unknown> = {}) =>
  search.query(who, SearchQuery.parse({ q, ...extra }), papers);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-search-ranking-'));
  db = openDatabase(path.join(dir, 'archive.sqlite'));
  const now = new Date().toISOString();
  const addUser = db.prepare(
    `INSERT INTO users (id, username, display_name, password_hash, is_admin, can_create_meetings, created_at) VALUES (?, ?, ?, '!', ?, 0, ?)`,
  );
  addUser.run('admin', 'admin', 'Admin', 1, now);
  addUser.run('del', 'del', 'Đại biểu', 0, now);
  const meeting = db.prepare(
    `INSERT INTO meetings (id, title, starts_at, organization, status, created_by, created_at) VALUES (?, ?, ?, 'Sở', ?, 'admin', ?)`,
  );
  const doc =
    db.prepare(`INSERT INTO documents (id, lineage_id, meeting_id, version, title, filename, sha256, size, pages, confidential, uploaded_by, uploaded_at)
    VALUES (?, ?, ?, 1, 'Tờ trình', 'a.pdf', ?, 1000, 1, ?, 'admin', ?)`);
  const page = db.prepare(`INSERT INTO document_pages (document_id, page, text) VALUES (?, 1, ?)`);
  // 30 meetings, each with one paper page; "số" is on every page (a common term), "chuyển đổi"
  // on the pages of meetings 0-19, as often as their number says.
  for (let i = 0; i < 30; i++) {
    const id = `m${i}`;
    const status = i === 4 ? 'draft' : 'published';
    meeting.run(
      id,
      i === 7 ? 'Chuyển đổi số cấp xã' : `Phiên họp số ${i}`,
      `2026-01-${10 + i}`,
      status,
      now,
    );
    if (i % 2 === 0)
      db.prepare(
        `INSERT INTO participants (meeting_id, user_id, role, can_vote) VALUES (?, 'del', 'delegate', 1)`,
      ).run(id);
    doc.run(`${id}-d`, `${id}-d`, id, `${id}`.padEnd(64, '0'), i === 2 ? 1 : 0, now);
    const topic =
      i < 20 ? Array.from({ length: 1 + (i % 5) }, () => 'chuyển đổi').join(' và ') : 'nhà ở';
    page.run(
      `${id}-d`,
      `Báo cáo số ${i} về ${topic}. Số liệu năm nay, tăng trưởng ổn định ${'x '.repeat(i)}.`,
    );
  }
  search = createSearch(db);
  await search.ready();
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The order bm25 over the whole query gives, weighted by kind as the service does. */
function exactOrder(match: string): string[] {
  return db
    .prepare<[string], { key: string }>(
      `SELECT e.kind || ':' || e.source_id AS key,
              bm25(search_fts) * CASE e.kind WHEN 'meeting' THEN 3 ELSE 1 END AS s
       FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid
       WHERE search_fts MATCH ? ORDER BY s, e.id`,
    )
    .all(match)
    .map((r) => r.key);
}

describe('search ranking with a common term', () => {
  it('ranks as bm25 over the whole query does, titles first', () => {
    // "số" is on every entry: the ranking below leaves it out of bm25.
    expect(search.stats().commonTerms).toBeGreaterThan(0);
    const a = ask(admin, 'chuyển đổi số', { limit: 50 });
    const order = exactOrder('"chuyen" AND "doi" AND "so"');
    expect(order.length).toBe(21);
    expect(a.hits.map((h) => `${h.kind}:${h.sourceId}`)).toEqual(
      order.filter((k) => k !== 'page:m2-d'),
    );
    expect(a.hits[0]).toMatchObject({ kind: 'meeting', sourceId: 'm7' });
    expect(a.more).toBe(false);
  });

  it('keeps access rules, paging and matching without diacritics', () => {
    const all = ask(delegate, 'chuyen doi so', { limit: 50 });
    const meetings = new Set(all.hits.map((h) => h.meetingId));
    // Even meetings only; not the draft (m4) and not the confidential paper (m2).
    expect([...meetings].sort()).toEqual(['m0', 'm10', 'm12', 'm14', 'm16', 'm18', 'm6', 'm8']);
    const first = ask(delegate, 'chuyen doi so', { limit: 3 });
    const second = ask(delegate, 'chuyen doi so', { limit: 3, offset: 3 });
    expect(first.more).toBe(true);
    expect([...first.hits, ...second.hits].map((h) => h.sourceId)).toEqual(
      all.hits.slice(0, 6).map((h) => h.sourceId),
    );
  });

  it('still requires the common term, as a phrase and as a prefix', () => {
    expect(ask(admin, 'nha o').hits).toHaveLength(10);
    expect(ask(admin, 'nha o khong-co').hits).toHaveLength(0);
    expect(ask(admin, '"so lieu" nha').hits).toHaveLength(10);
    expect(ask(admin, 'chuyen s*', { limit: 50 }).hits).toHaveLength(20);
  });
});
