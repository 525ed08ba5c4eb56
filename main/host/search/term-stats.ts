// Which index terms occur in most indexed entries. FTS5's bm25 gives a term found in at least half
// of all rows an IDF of 1e-6 (its log((N - n + 0.5) / (n + 0.5)) is not positive and is clamped),
// so such a term adds nothing that can change an order of hits. Yet bm25 counts n for every term
// of a query by walking the term's whole doclist, once per query: for syllables like "số", "tại"
// or "nước", in 65-85% of the 260,000 entries of the benchmark archive, that walk costs 5-20 ms
// per term. Knowing these terms lets a query rank with the others only (the rows must still
// contain all of them).
import type { Database } from '../archive/db';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { MatchTerm } from '../../../shared/text/fold';

/**
 * A term counts as common from this share of entries: above one half, so that the set stays right
 * while the archive grows by up to REGATHER_GROWTH before it is gathered again.
 */
const COMMON_SHARE = 0.55;
/** Gathered again once this share of the entries (or REGATHER_MIN) was written since the last time. */
const REGATHER_GROWTH = 0.1;
const REGATHER_MIN = 200;

interface Gathered {
  total: number;
  common: string[];
}

// Reading the whole vocabulary takes about 2 s on 200,000 pages (fts5vocab counts each term's
// rows by walking its doclist), and fts5vocab cannot resume cheaply from a term, so the pass
// runs in a worker thread with its own read-only connection (WAL lets it read beside the host's
// writes) instead of stalling the host. Plain CommonJS evaluated in the worker, as in
// sync/durable-writer.ts: no file to ship beside a bundle.
const VOCAB_SQL =
  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, 'row')";
const TOTAL_SQL = 'SELECT count(*) AS n FROM search_entries';
const COMMON_SQL = 'SELECT term FROM temp.search_vocab WHERE doc >= ?';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  db.exec(${JSON.stringify(VOCAB_SQL)});
  const total = db.prepare(${JSON.stringify(TOTAL_SQL)}).get().n;
  const common = db.prepare(${JSON.stringify(COMMON_SQL)}).pluck().all(total * workerData.share);
  parentPort.postMessage({ total, common });
} finally {
  db.close();
}
`;

/** The pass on the caller's connection: for an in-memory archive (tests), which a worker cannot open. */
function gatherInline(db: Database): Gathered {
  db.exec(VOCAB_SQL);
  const total = db.prepare<[], { n: number }>(TOTAL_SQL).get()!.n;
  const common = db
    .prepare<[number], string>(COMMON_SQL)
    .pluck()
    .all(total * COMMON_SHARE);
  return { total, common };
}

function gatherInWorker(file: string): Promise<Gathered> {
  return new Promise((resolve, reject) => {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, sqlite, share: COMMON_SHARE },
    });
    worker.unref();
    // Settled when the worker has exited, i.e. after its connection closed (not at its message).
    let got: Gathered | null = null;
    worker.once('message', (m: Gathered) => (got = m));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      got ? resolve(got) : reject(new Error(`term statistics worker exited (${code})`)),
    );
  });
}

export function createTermStats(db: Database) {
  let common: ReadonlySet<string> = new Set();
  let commonList: readonly string[] = [];
  let gatheredAt = 0;
  let writesSince = 0;
  let running: Promise<void> | null = null;
  // The start-up catch-up writes the whole index before the first pass is asked for; counting
  // those writes would start passes on a half-built index, each thrown away by the next.
  let asked = false;

  async function pass(): Promise<void> {
    writesSince = 0;
    const got = db.memory ? gatherInline(db) : await gatherInWorker(db.name);
    common = new Set(got.common);
    commonList = got.common;
    gatheredAt = got.total;
  }

  /**
   * Gathers the statistics (again). Until the first pass is done, or if it fails, every term
   * counts as rare: queries rank with all their terms, in the same order, only slower.
   */
  function gather(): Promise<void> {
    asked = true;
    running ??= pass()
      .catch(() => {})
      .finally(() => {
        running = null;
      });
    return running;
  }

  /** Called per entry written; starts a new pass in the background once enough changed. */
  function noteWrite(): void {
    writesSince++;
    if (asked && !running && writesSince > Math.max(REGATHER_MIN, gatheredAt * REGATHER_GROWTH))
      void gather();
  }

  /**
   * Whether the term is in at least half of the entries. A phrase is never assumed so (it may be
   * rarer than each of its words); a prefix term is as soon as one common word starts with it,
   * since every row with that word matches the prefix.
   */
  function isCommon(term: MatchTerm): boolean {
    const [word, ...rest] = term.words;
    if (word === undefined || rest.length > 0) return false;
    if (!term.prefix) return common.has(word);
    return commonList.some((c) => c.startsWith(word));
  }

  /** How many terms count as common now (diagnostics). */
  const commonCount = () => commonList.length;

  /** Resolves once no pass is running (the host waits for it before closing the archive). */
  const settle = (): Promise<void> => running ?? Promise.resolve();

  return { gather, noteWrite, isCommon, commonCount, settle };
}
export type TermStats = ReturnType<typeof createTermStats>;
