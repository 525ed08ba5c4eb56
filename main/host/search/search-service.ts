// The archive's full-text search: keeps the FTS index in step with the archive and answers
// queries with ranked, access-filtered, highlighted hits.
import type { Database } from '../archive/db';
import type { PaperAccess } from '../services';
import type { User } from '../../../shared/api/schemas/users';
import type {
  SearchAnswer,
  SearchHit,
  SearchKind,
  SearchQuery,
} from '../../../shared/api/schemas/search';
import { foldVietnamese, snippet } from '../../../shared/text/fold';
import { parseQuery, toFtsMatch } from './query';
import { discoverSources } from './sources';
import { createTermStats } from './term-stats';
import type { Cursor, SourceRow } from './sources';

const CATCH_UP_BATCH = 500;
/** Ranked rows looked at per query at most, so a query whose hits are mostly hidden stays bounded. */
const MAX_SCANNED = 3000;
/** Best-ranked matches the fast path looks at before falling back to a full ranked join. */
const FAST_PATH_ROWS = 2000;
/** Matches ranked at most by the fast path (see rankFloor). */
const RANK_CAP = 5000;

/** Titles weigh more than running text of the same relevance (bm25 is negative: more is better). */
const KIND_WEIGHT: Record<SearchKind, number> = {
  meeting: 3,
  agenda: 2,
  ballot: 2,
  minutes: 1.2,
  page: 1,
};

/** A match and its bm25 score (negative: lower is better). */
interface Ranked {
  id: number;
  s: number;
}

interface HitRow {
  id: number;
  kind: SearchKind;
  source_id: string;
  page: number;
  meeting_id: string;
  document_id: string | null;
  label: string;
  meeting_title: string;
  starts_at: string;
  score: number;
  restricted: number;
}

export function createSearch(db: Database) {
  const sources = discoverSources(db);
  const termStats = createTermStats(db);
  const upsert = db.prepare<SourceRow & { kind: SearchKind }, { id: number }>(
    `INSERT INTO search_entries (kind, source_id, page, meeting_id, document_id, label, text)
     VALUES (@kind, @source_id, @page, @meeting_id, @document_id, @label, @text)
     ON CONFLICT (kind, source_id, page) DO UPDATE SET
       meeting_id = excluded.meeting_id, document_id = excluded.document_id,
       label = excluded.label, text = excluded.text
     RETURNING id`,
  );
  const ftsDelete = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  const ftsInsert = db.prepare('INSERT INTO search_fts (rowid, body) VALUES (?, ?)');
  const entryDelete = db.prepare('DELETE FROM search_entries WHERE id = ?');
  const entriesOfMeeting = db.prepare<[string], { id: number }>(
    'SELECT id FROM search_entries WHERE meeting_id = ?',
  );
  const byKind = new Map(sources.map((src) => [src.kind, src]));
  const dirty = db.prepare<[number], { kind: SearchKind; source_id: string }>(
    'SELECT kind, source_id FROM search_dirty LIMIT ?',
  );
  const dirtyDone = db.prepare('DELETE FROM search_dirty WHERE kind = ? AND source_id = ?');
  const dirtyClear = db.prepare('DELETE FROM search_dirty');
  const entriesOfSource = db.prepare<[string, string], { id: number }>(
    'SELECT id FROM search_entries WHERE kind = ? AND source_id = ?',
  );

  // The documents table (papers module) tells which papers are confidential right now.
  const docCols = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('documents')")
      .all()
      .map((r) => r.name),
  );
  const restrictedExpr = docCols.has('confidential')
    ? "CASE WHEN e.kind = 'page' THEN coalesce(d.confidential, 1) ELSE 0 END"
    : "CASE WHEN e.kind = 'page' THEN 1 ELSE 0 END";
  const docJoin = docCols.has('confidential')
    ? 'LEFT JOIN documents d ON d.id = e.document_id'
    : '';
  const weight = `CASE e.kind ${Object.entries(KIND_WEIGHT)
    .map(([k, w]) => `WHEN '${k}' THEN ${w}`)
    .join(' ')} ELSE 1 END`;
  const select = db.prepare<Record<string, string | number | null>, HitRow>(`
    SELECT e.id, e.kind, e.source_id, e.page, e.meeting_id, e.document_id, e.label,
           m.title AS meeting_title, m.starts_at AS starts_at,
           bm25(search_fts) * ${weight} AS score, ${restrictedExpr} AS restricted
    FROM search_fts
    JOIN search_entries e ON e.id = search_fts.rowid
    JOIN meetings m ON m.id = e.meeting_id
    ${docJoin}
    WHERE search_fts MATCH @match
      AND (@admin = 1 OR EXISTS (
        SELECT 1 FROM participants p WHERE p.meeting_id = e.meeting_id AND p.user_id = @user
          AND (m.status <> 'draft' OR p.role IN ('chair', 'secretary'))))
      AND (@meeting IS NULL OR e.meeting_id = @meeting)
      AND (@from IS NULL OR substr(m.starts_at, 1, 10) >= @from)
      AND (@to IS NULL OR substr(m.starts_at, 1, 10) <= @to)
      AND (@kinds IS NULL OR e.kind IN (SELECT value FROM json_each(@kinds)))
    ORDER BY score, e.id
    LIMIT @limit OFFSET @offset`);
  // The fast path: FTS5 ranks on its own (no join per matching row), then only the best rows are
  // checked for access and re-weighted by kind.
  //
  // bm25 costs about 1 µs per matching row (it reads each row's positions and its length), so a
  // query matching 25,000 pages spends 30 ms ranking alone, while finding the matches takes 1-4 ms.
  // Past RANK_CAP matches, only the most recently indexed RANK_CAP are ranked (the rows from
  // `floor` up): such a query is too broad for its oldest matches to matter on the first pages,
  // and what a person looks for in a meeting archive is mostly recent. The scores stay true bm25
  // scores (the term statistics are those of the whole index), so titles still come first.
  const rankFloor = db.prepare<[string, number], { id: number }>(
    'SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
  );
  // `ORDER BY s`, not `ORDER BY rank`: for `rank`, FTS5 sorts internally and then seeks each
  // returned row again to evaluate bm25 for the select list, which doubled the cost at 2,000 rows.
  const topRanked = db.prepare<{ match: string; floor: number; k: number }, Ranked>(
    `SELECT rowid AS id, bm25(search_fts) AS s FROM search_fts
     WHERE search_fts MATCH @match AND rowid >= @floor ORDER BY s LIMIT @k`,
  );
  // The same ranking without the query's common terms (see term-stats): bm25 scores the rows with
  // the terms that can tell them apart, among the rows that match the whole query, listed
  // beforehand (the newest RANK_CAP; listing them also gives the floor, so the whole query is
  // matched once: a prefix like "ngân*" merges the doclists of every word it covers each time).
  // `+rowid` keeps the list a filter (FTS5 would otherwise run the MATCH once per listed rowid).
  const newestMatches = db.prepare<[string, number], { id: number }>(
    'SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
  );
  const topRankedBy = db.prepare<{ rank: string; ids: string; floor: number; k: number }, Ranked>(
    `SELECT rowid AS id, bm25(search_fts) AS s FROM search_fts
     WHERE search_fts MATCH @rank AND rowid >= @floor
       AND +rowid IN (SELECT value FROM json_each(@ids))
     ORDER BY s LIMIT @k`,
  );
  const kindsOf = db.prepare<[string], { id: number; kind: SearchKind }>(
    'SELECT e.id, e.kind FROM search_entries e WHERE e.id IN (SELECT value FROM json_each(?))',
  );
  // Candidates are checked without their text (a page's text is kilobytes, and most candidates
  // are not shown); the text is read only for the hits on the caller's page.
  const details = db.prepare<Record<string, string | number | null>, Omit<HitRow, 'score'>>(`
    SELECT e.id, e.kind, e.source_id, e.page, e.meeting_id, e.document_id, e.label,
           m.title AS meeting_title, m.starts_at AS starts_at, ${restrictedExpr} AS restricted
    FROM search_entries e
    JOIN meetings m ON m.id = e.meeting_id
    ${docJoin}
    WHERE e.id IN (SELECT value FROM json_each(@ids))
      AND (@admin = 1 OR EXISTS (
        SELECT 1 FROM participants p WHERE p.meeting_id = e.meeting_id AND p.user_id = @user
          AND (m.status <> 'draft' OR p.role IN ('chair', 'secretary'))))`);
  const textOf = db.prepare<[number], { text: string }>(
    'SELECT text FROM search_entries WHERE id = ?',
  );

  function write(kind: SearchKind, row: SourceRow): void {
    const { id } = upsert.get({ ...row, kind })!;
    ftsDelete.run(id);
    ftsInsert.run(id, foldVietnamese(row.text));
    termStats.noteWrite();
  }

  function remove(id: number): void {
    ftsDelete.run(id);
    entryDelete.run(id);
  }

  /**
   * Compares every source with the index: rows written before the triggers existed (an archive
   * upgraded to this version). Runs in small batches between other work, so a host with a large
   * archive answers requests while it catches up; searches meanwhile see what is indexed so far.
   */
  async function catchUpAll(): Promise<number> {
    dirtyClear.run();
    let indexed = 0;
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (const src of sources) {
      let after: Cursor | null = null;
      for (;;) {
        if (!db.open) return indexed;
        const rows = src.pending(CATCH_UP_BATCH, after);
        if (rows.length > 0)
          db.transaction(() => rows.forEach((r) => write(src.kind, r))).immediate();
        indexed += rows.length;
        const last = rows[rows.length - 1];
        if (!last || rows.length < CATCH_UP_BATCH) break;
        after = { source_id: last.source_id, page: last.page };
        await pause();
      }
      if (!db.open) return indexed;
      const gone = src.orphans();
      if (gone.length > 0) db.transaction(() => gone.forEach(remove)).immediate();
      await pause();
    }
    return indexed;
  }

  /** Re-reads the sources the triggers marked as changed. */
  function applyDirty(): number {
    let indexed = 0;
    for (;;) {
      const marks = dirty.all(500);
      if (marks.length === 0) break;
      db.transaction(() => {
        for (const m of marks) {
          const src = byKind.get(m.kind);
          for (const { id } of entriesOfSource.all(m.kind, m.source_id)) remove(id);
          for (const r of src?.rowsOf(m.source_id) ?? []) {
            write(m.kind, r);
            indexed++;
          }
          dirtyDone.run(m.kind, m.source_id);
        }
      }).immediate();
    }
    return indexed;
  }

  /**
   * Brings the index up to date with what changed (the rows the triggers marked): one indexed
   * lookup when nothing did. Other modules may call it right after they write.
   */
  function refresh(): number {
    return applyDirty();
  }

  // The term statistics are gathered once the index is complete; until then queries rank with all
  // their terms (the same order, only slower).
  const caughtUp: Promise<number> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(catchUpAll)
    .then(async (indexed) => {
      await termStats.gather();
      return indexed;
    })
    .catch(() => 0);

  /** Rebuilds the entries of one meeting (after an import, or a module's bulk change). */
  function reindexMeeting(meetingId: string): void {
    db.transaction(() => {
      for (const { id } of entriesOfMeeting.all(meetingId)) remove(id);
      for (const src of sources) for (const r of src.ofMeeting(meetingId)) write(src.kind, r);
    }).immediate();
  }

  /**
   * The best `wanted` hits among ranked matches that `visible` lets through, best first after
   * weighting by kind. Kinds are read for all matches (one rowid lookup each) so that order is
   * exact; the access check runs on slices in that order and stops once enough are found: an
   * admin needs one small slice, a delegate who takes part in one meeting in ten a few.
   */
  function bestVisible(
    top: readonly Ranked[],
    wanted: number,
    visible: (ids: number[]) => Array<Omit<HitRow, 'score'>>,
  ): HitRow[] {
    const kinds = new Map(kindsOf.all(JSON.stringify(top.map((t) => t.id))).map((r) => [r.id, r]));
    const weighted = top
      .flatMap((t) => {
        const e = kinds.get(t.id);
        return e ? [{ id: t.id, score: t.s * KIND_WEIGHT[e.kind] }] : [];
      })
      .sort((a, b) => a.score - b.score || a.id - b.id);
    const out: HitRow[] = [];
    let size = Math.max(50, wanted * 2);
    for (let at = 0; at < weighted.length && out.length < wanted; at += size, size *= 4) {
      const part = weighted.slice(at, at + size);
      const byId = new Map(visible(part.map((p) => p.id)).map((r) => [r.id, r]));
      for (const p of part) {
        const r = byId.get(p.id);
        if (r) out.push({ ...r, score: p.score });
      }
    }
    return out;
  }

  /** `papers` decides, per confidential paper, whether the caller may see its text. */
  function query(user: User, q: SearchQuery, papers: PaperAccess): SearchAnswer {
    refresh();
    const terms = parseQuery(q.q);
    if (terms.length === 0) return { terms, hits: [], more: false };
    const params = {
      match: toFtsMatch(terms),
      admin: user.isAdmin ? 1 : 0,
      user: user.id,
      meeting: q.meeting ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      kinds: q.kind ? JSON.stringify(q.kind) : null,
    };
    // Confidential pages are checked one by one with the papers module, so rows are fetched in
    // ranked batches and the visible ones kept until the caller's page (plus one, to know if more
    // follow).
    const wanted = q.offset + q.limit + 1;
    const canSee = (r: Omit<HitRow, 'score'>) =>
      !r.restricted || (r.document_id !== null && papers.canSee(r.document_id, user.id));
    let visible: HitRow[] | null = null;
    const unfiltered = !q.meeting && !q.from && !q.to && !q.kind;
    if (unfiltered) {
      const k = Math.max(FAST_PATH_ROWS, wanted * 4);
      const rankTerms = terms.filter((t) => !termStats.isCommon(t));
      let floor = 0;
      let top: Ranked[];
      if (rankTerms.length > 0 && rankTerms.length < terms.length) {
        const ids = newestMatches.all(params.match, RANK_CAP).map((r) => r.id);
        if (ids.length === RANK_CAP) floor = ids[ids.length - 1] ?? 0;
        const rank = toFtsMatch(rankTerms);
        top = topRankedBy.all({ rank, ids: JSON.stringify(ids), floor, k });
      } else {
        floor = rankFloor.get(params.match, RANK_CAP - 1)?.id ?? 0;
        top = topRanked.all({ match: params.match, floor, k });
      }
      const found = bestVisible(top, wanted, (ids) =>
        details
          .all({ ids: JSON.stringify(ids), admin: params.admin, user: params.user })
          .filter(canSee),
      );
      // Enough for this page, or every match was looked at: done. Else rank the slow way.
      // (Past the rank cap, older matches were not looked at: not enough means the slow way.)
      if (found.length >= wanted || (floor === 0 && top.length < k)) visible = found;
    }
    if (!visible) {
      visible = [];
      let scanned = 0;
      const step = Math.min(200, Math.max(50, wanted));
      while (visible.length < wanted && scanned < MAX_SCANNED) {
        const rows = select.all({ ...params, limit: step, offset: scanned });
        scanned += rows.length;
        for (const r of rows) if (canSee(r)) visible.push(r);
        if (rows.length < step) break;
      }
    }
    const page = visible.slice(q.offset, q.offset + q.limit);
    const hits: SearchHit[] = page.map((r) => ({
      kind: r.kind,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      meetingStartsAt: r.starts_at,
      sourceId: r.source_id,
      documentId: r.document_id,
      page: r.kind === 'page' ? r.page : null,
      label: r.label,
      snippet: snippet(textOf.get(r.id)?.text ?? '', terms),
      score: r.score,
    }));
    return { terms, hits, more: visible.length > q.offset + q.limit };
  }

  function stats() {
    const entries = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_entries').get()!
      .n;
    return {
      entries,
      sources: sources.map((s) => s.kind),
      commonTerms: termStats.commonCount(),
    };
  }

  /**
   * Resolves once the start-up catch-up has compared every source with the index and the term
   * statistics are gathered.
   */
  const ready = () => caughtUp;

  return { refresh, reindexMeeting, query, stats, ready, settle: termStats.settle };
}
export type SearchService = ReturnType<typeof createSearch>;
