// Search over a generated archive: 10,000 meetings, 200,000 paper pages of Vietnamese text (scale
// with BENCH_SEARCH_SCALE, e.g. 0.1). Rows are written straight through SQL; the indexer then
// folds and indexes them as it would on a host catching up. Prints indexing time, index size and
// p50/p95 latency of ten realistic queries, each with and without diacritics, for an admin (all
// meetings) and for a delegate taking part in one meeting in ten.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../main/host/archive/db';
import { createSearch } from '../main/host/search/search-service';
import type { PaperAccess } from '../main/host/services';
import type { User } from '../shared/api/schemas/users';
import { SearchQuery } from '../shared/api/schemas/search';
import { foldVietnamese } from '../shared/text/fold';
import { percentile, printTable } from './table';

const scale = Number(process.env.BENCH_SEARCH_SCALE ?? 1);
const MEETINGS = Math.round(10_000 * scale);
const DOCS_PER_MEETING = 2;
const PAGES_PER_DOC = 10;
const RUNS = 15;

// A deterministic generator, so every run searches the same archive.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

const places = [
  'Đà Nẵng',
  'Hà Nội',
  'Thừa Thiên Huế',
  'Quảng Nam',
  'Cần Thơ',
  'Hải Phòng',
  'Đồng Nai',
  'Bình Dương',
  'Lâm Đồng',
  'Đắk Lắk',
  'Nghệ An',
  'Thanh Hóa',
];
const bodies = [
  'Ủy ban nhân dân tỉnh',
  'Hội đồng nhân dân thành phố',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Thông tin và Truyền thông',
  'Sở Giao thông vận tải',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Tài nguyên và Môi trường',
];
const topics = [
  'kế hoạch đầu tư công trung hạn',
  'dự toán ngân sách nhà nước',
  'chuyển đổi số',
  'quy hoạch sử dụng đất',
  'giải phóng mặt bằng',
  'phòng chống thiên tai',
  'xây dựng nông thôn mới',
  'cải cách hành chính',
  'an toàn giao thông',
  'bảo vệ môi trường',
  'phát triển du lịch',
  'y tế cơ sở',
  'giáo dục phổ thông',
  'nhà ở xã hội',
  'thu hút đầu tư nước ngoài',
  'đường cao tốc',
  'cấp nước sạch',
  'xử lý chất thải rắn',
  'bồi thường tái định cư',
  'an sinh xã hội',
];
const verbs = [
  'báo cáo',
  'đánh giá',
  'đề xuất',
  'thông qua',
  'điều chỉnh',
  'phê duyệt',
  'triển khai',
  'tổng kết',
  'kiểm tra',
  'giám sát',
];
// Pages read like Vietnamese administrative papers: each paper is about one topic and one place,
// with the boilerplate every such paper has and a few sentences that only papers on its topic have.
const general = [
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.',
  'Xét đề nghị của Giám đốc {body} tại Tờ trình số {n}/TTr-{abbr}.',
  'Các thành viên thống nhất với nội dung báo cáo và đề nghị bổ sung số liệu.',
  'Tốc độ tăng trưởng kinh tế đạt {p}%, cao hơn bình quân cả nước.',
  'Đề nghị các sở, ngành khẩn trương hoàn thiện hồ sơ trước ngày {p} tháng {m}.',
  'Ủy ban nhân dân giao {body} chủ trì, phối hợp với các đơn vị liên quan.',
  'Hội nghị thống nhất {verb} {topic} tại {place}.',
  'Tình hình {topic} tại {place} còn nhiều khó khăn, vướng mắc.',
  'Chủ tọa kết luận và giao Văn phòng theo dõi, đôn đốc thực hiện.',
  'Ý kiến thảo luận tập trung vào tiến độ, nguồn lực và trách nhiệm của từng đơn vị.',
];
const specific: Record<string, string[]> = {
  'dự toán ngân sách nhà nước': [
    'Thu ngân sách trên địa bàn ước đạt {n} tỷ đồng, tăng {p}% so với cùng kỳ.',
    'Dự toán chi ngân sách nhà nước năm sau là {n} tỷ đồng.',
  ],
  'kế hoạch đầu tư công trung hạn': [
    'Tổng vốn đầu tư công trung hạn là {n} tỷ đồng.',
    'Đã giải ngân {n} tỷ đồng vốn đầu tư công, đạt {p}% kế hoạch được giao.',
  ],
  'giải phóng mặt bằng': [
    'Có {n} hộ dân bị ảnh hưởng, trong đó {p} hộ phải tái định cư.',
    'Công tác giải phóng mặt bằng đạt {p}% diện tích.',
  ],
  'bồi thường tái định cư': ['Kinh phí bồi thường, hỗ trợ và tái định cư là {n} tỷ đồng.'],
  'cải cách hành chính': ['Số thủ tục hành chính được giải quyết trực tuyến đạt {p}%.'],
  'chuyển đổi số': [
    'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng đạt {p}%.',
    'Hoàn thành kết nối {n} cơ sở dữ liệu dùng chung.',
  ],
  'đường cao tốc': ['Dự án đường cao tốc dài {n} km, tổng mức đầu tư {n} tỷ đồng.'],
  'quy hoạch sử dụng đất': [
    'Quyết định số {n}/QĐ-UBND phê duyệt điều chỉnh quy hoạch sử dụng đất.',
  ],
};
function fill(template: string, topic: string, place: string): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) =>
    k === 'n'
      ? String(Math.floor(rand() * 9000) + 100)
      : k === 'p'
        ? String(Math.floor(rand() * 99) + 1)
        : k === 'm'
          ? String(Math.floor(rand() * 12) + 1)
          : k === 'abbr'
            ? pick(['STC', 'SKHĐT', 'STTTT', 'SGTVT'])
            : k === 'body'
              ? pick(bodies)
              : k === 'verb'
                ? pick(verbs)
                : k === 'topic'
                  ? topic
                  : place,
  );
}
function pageText(topic: string, place: string): string {
  const own = specific[topic] ?? [];
  const out: string[] = [];
  let len = 0;
  while (len < 1200) {
    const s = fill(own.length > 0 && rand() < 0.3 ? pick(own) : pick(general), topic, place);
    out.push(s);
    len += s.length + 1;
  }
  return out.join(' ');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-bench-search-'));
const db = openDatabase(path.join(dir, 'archive.sqlite'));
db.pragma('synchronous = OFF');
const now = new Date().toISOString();
db.prepare(
  `INSERT INTO users (id, username, display_name, password_hash, is_admin, can_create_meetings, created_at) VALUES ('admin', 'admin', 'Admin', '!', 1, 1, ?)`,
).run(now);
db.prepare(
  `INSERT INTO users (id, username, display_name, password_hash, is_admin, can_create_meetings, created_at) VALUES ('del', 'dai-bieu', 'Đại biểu', '!', 0, 0, ?)`,
).run(now);

const t0 = performance.now();
const insMeeting = db.prepare(
  `INSERT INTO meetings (id, title, starts_at, organization, status, created_by, created_at) VALUES (?, ?, ?, ?, 'published', 'admin', ?)`,
);
const insPart = db.prepare(
  `INSERT INTO participants (meeting_id, user_id, role, can_vote) VALUES (?, 'del', 'delegate', 1)`,
);
const insAgenda = db.prepare(
  `INSERT INTO agenda_items (id, meeting_id, position, title) VALUES (?, ?, ?, ?)`,
);
const insDoc =
  db.prepare(`INSERT INTO documents (id, lineage_id, meeting_id, version, title, filename, sha256, size, pages, confidential, uploaded_by, uploaded_at)
  VALUES (?, ?, ?, 1, ?, ?, ?, 1000, ?, ?, 'admin', ?)`);
const insPage = db.prepare(`INSERT INTO document_pages (document_id, page, text) VALUES (?, ?, ?)`);
let pages = 0;
let textBytes = 0;
const start = Date.UTC(2021, 0, 1);
for (let batch = 0; batch < MEETINGS; batch += 500) {
  db.transaction(() => {
    for (let i = batch; i < Math.min(MEETINGS, batch + 500); i++) {
      const id = `m${i}`;
      const place = pick(places);
      insMeeting.run(
        id,
        `Phiên họp thường kỳ tháng ${(i % 12) + 1} của ${pick(bodies)} ${place}`,
        new Date(start + i * 4 * 3600_000).toISOString(),
        `${pick(bodies)} ${place}`,
        now,
      );
      if (i % 10 === 0) insPart.run(id);
      for (let a = 0; a < 5; a++)
        insAgenda.run(
          `${id}-a${a}`,
          id,
          a + 1,
          `${pick(verbs)} ${pick(topics)} ${pick(places)}`.replace(/^./, (c) => c.toUpperCase()),
        );
      for (let d = 0; d < DOCS_PER_MEETING; d++) {
        const doc = `${id}-d${d}`;
        const topic = pick(topics);
        insDoc.run(
          doc,
          doc,
          id,
          `Tờ trình về ${topic}`,
          `${doc}.pdf`,
          doc.padEnd(64, '0'),
          PAGES_PER_DOC,
          d === 1 && i % 7 === 0 ? 1 : 0,
          now,
        );
        for (let p = 1; p <= PAGES_PER_DOC; p++) {
          const text = pageText(topic, place);
          textBytes += Buffer.byteLength(text);
          insPage.run(doc, p, text);
          pages++;
        }
      }
    }
  })();
}
const generated = performance.now() - t0;

const search = createSearch(db);
const t1 = performance.now();
// The start-up catch-up: what a host does when it first opens an archive with unindexed rows.
const indexed = await search.ready();
const indexTime = performance.now() - t1;

const ftsBytes = (
  db.prepare(`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'search_fts%'`).get() as {
    n: number;
  }
).n;
const entriesBytes = (
  db
    .prepare(
      `SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'search_entries%' OR name = 'sqlite_autoindex_search_entries_1'`,
    )
    .get() as { n: number }
).n;
const dbBytes =
  fs.statSync(path.join(dir, 'archive.sqlite')).size +
  (fs.existsSync(path.join(dir, 'archive.sqlite-wal'))
    ? fs.statSync(path.join(dir, 'archive.sqlite-wal')).size
    : 0);

printTable(`Archive (scale ${scale})`, [
  {
    meetings: MEETINGS,
    agendaItems: MEETINGS * 5,
    pages,
    'page text MB': textBytes / 1e6,
    'generate s': generated / 1000,
    'index s': indexTime / 1000,
    'entries indexed': indexed,
  },
]);
printTable('Index size', [
  {
    'FTS5 index MB': ftsBytes / 1e6,
    'entries (text for snippets) MB': entriesBytes / 1e6,
    'whole database MB': dbBytes / 1e6,
  },
]);

// Confidential papers: the papers module decides; here the delegate is named on none of them.
const papers: PaperAccess = {
  visibleTo: () => [],
  meetingOf: () => undefined,
  canSee: () => false,
};
const admin = {
  id: 'admin',
  username: 'admin',
  displayName: 'Admin',
  isAdmin: true,
  canCreateMeetings: true,
} as unknown as User;
const delegate = {
  id: 'del',
  username: 'dai-bieu',
  displayName: 'Đại biểu',
  isAdmin: false,
  canCreateMeetings: false,
} as unknown as User;

const queries = [
  'ngân sách nhà nước',
  'Đà Nẵng',
  '"đầu tư công"',
  'chuyển đổi số',
  'giải phóng mặt bằng',
  'quyết định phê duyệt quy hoạch',
  'tái định cư Quảng Nam',
  'đường cao tốc',
  'thủ tục hành chính trực tuyến',
  'giải ngân*',
];
const rows: Array<Record<string, string | number>> = [];
const all: number[] = [];
const allCpu: number[] = [];
for (const q of queries) {
  for (const [form, text] of [
    ['với dấu', q],
    ['không dấu', foldVietnamese(q)],
  ] as const) {
    for (const [who, user] of [
      ['admin', admin],
      ['delegate', delegate],
    ] as const) {
      const query = SearchQuery.parse({ q: text });
      search.query(user, query, papers); // warm the page cache for this query
      const times: number[] = [];
      const cpu: number[] = [];
      let n = 0;
      for (let r = 0; r < RUNS; r++) {
        const s = performance.now();
        const c = process.cpuUsage();
        n = search.query(user, query, papers).hits.length;
        const used = process.cpuUsage(c);
        times.push(performance.now() - s);
        cpu.push((used.user + used.system) / 1000);
      }
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      all.push(...times);
      allCpu.push(...cpu);
      rows.push({
        query: text,
        form,
        who,
        hits: n,
        'p50 ms': percentile(times, 50),
        'p95 ms': percentile(times, 95),
        'cpu p50 ms': percentile(cpu, 50),
        'cpu p95 ms': percentile(cpu, 95),
      });
    }
  }
}
printTable(`Search latency (${RUNS} runs each, 20 hits per page)`, rows);
all.sort((a, b) => a - b);
allCpu.sort((a, b) => a - b);
const [load1] = os.loadavg();
printTable(
  `All queries (wall clock and CPU time; load average ${load1!.toFixed(1)} on ${os.cpus().length} cores)`,
  [
    {
      runs: all.length,
      'p50 ms': percentile(all, 50),
      'p95 ms': percentile(all, 95),
      'max ms': all[all.length - 1]!,
      'cpu p50 ms': percentile(allCpu, 50),
      'cpu p95 ms': percentile(allCpu, 95),
      'goal p95 ms': 50,
    },
  ],
);

// Keeping the index in step: the check a query makes when nothing changed, and after one write.
const tIdle = performance.now();
search.refresh();
const idle = performance.now() - tIdle;
db.prepare(
  `INSERT INTO agenda_items (id, meeting_id, position, title) VALUES ('late', 'm0', 99, 'Kiến nghị bổ sung kinh phí phòng chống thiên tai')`,
).run();
const tWrite = performance.now();
const caught = search.refresh();
const afterWrite = performance.now() - tWrite;
printTable('Index catch-up', [
  { 'no change ms': idle, 'after one write ms': afterWrite, 'rows indexed': caught },
]);

db.close();
// BENCH_KEEP_DB=1 keeps the generated archive for a closer look (its path is printed).
if (process.env.BENCH_KEEP_DB) console.log(`archive kept at ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
