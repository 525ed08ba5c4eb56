// What the search index is built from. Each source reads data owned by another module and yields,
// per indexed unit, its text. Triggers (migration 0050) note in `search_dirty` which source rows
// changed; the indexer re-reads just those. At start-up a full comparison catches anything written
// before the triggers existed. Sources whose tables or columns do not exist are left out.
import * as Y from 'yjs';
import type { Database } from '../archive/db';
import type { SearchKind } from '../../../shared/api/schemas/search';
import { createDocStore } from '../sync/doc-store';
import { MINUTES_FRAGMENT } from '../../../shared/api/schemas/minutes';

export interface SourceRow {
  source_id: string;
  page: number;
  meeting_id: string;
  document_id: string | null;
  label: string;
  text: string;
}

export interface Cursor {
  source_id: string;
  page: number;
}

export interface SearchSource {
  kind: SearchKind;
  /**
   * Rows not yet indexed or whose text changed (the start-up catch-up), at most `limit`, in key
   * order after `after` (the last row of the previous batch), so a pass reads each row once.
   */
  pending(limit: number, after: Cursor | null): SourceRow[];
  /** Ids of entries of this kind whose source is gone. */
  orphans(): number[];
  /** The current rows of one source (an agenda item, a paper's pages...), after a change. */
  rowsOf(sourceId: string): SourceRow[];
  /** The rows of one meeting (an explicit reindex). */
  ofMeeting(meetingId: string): SourceRow[];
}

function columns(db: Database, table: string): Set<string> {
  const rows = db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
    .all(table);
  return new Set(rows.map((r) => r.name));
}

/** A source from a SELECT yielding the columns of SourceRow. */
function sqlSource(
  db: Database,
  kind: SearchKind,
  select: string,
  changedToo: boolean,
): SearchSource {
  const changed = changedToo
    ? ' OR e.text IS NOT src.text OR e.label IS NOT src.label OR e.meeting_id IS NOT src.meeting_id'
    : '';
  const pending = db.prepare<{ id: string; page: number; n: number }, SourceRow>(
    `SELECT src.* FROM (${select}) src
     LEFT JOIN search_entries e ON e.kind = '${kind}' AND e.source_id = src.source_id AND e.page = src.page
     WHERE (src.source_id > @id OR (src.source_id = @id AND src.page > @page)) AND (e.id IS NULL${changed})
     ORDER BY src.source_id, src.page LIMIT @n`,
  );
  const orphans = db.prepare<[], { id: number }>(
    `SELECT e.id FROM search_entries e WHERE e.kind = '${kind}'
     AND NOT EXISTS (SELECT 1 FROM (${select}) src WHERE src.source_id = e.source_id AND src.page = e.page)`,
  );
  const rowsOf = db.prepare<[string], SourceRow>(
    `SELECT src.* FROM (${select}) src WHERE src.source_id = ?`,
  );
  const ofMeeting = db.prepare<[string], SourceRow>(
    `SELECT src.* FROM (${select}) src WHERE src.meeting_id = ?`,
  );
  return {
    kind,
    pending: (limit, after) =>
      pending.all({ id: after?.source_id ?? '', page: after?.page ?? -1, n: limit }),
    orphans: () => orphans.all().map((r) => r.id),
    rowsOf: (id) => rowsOf.all(id),
    ofMeeting: (m) => ofMeeting.all(m),
  };
}

/** Plain text of the minutes draft: the paragraphs of the Yjs XML fragment, one per line. */
function fragmentText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  const walk = (
    node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook,
    line: string[],
  ): void => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as Array<{ insert?: unknown }>)
        if (typeof op.insert === 'string') line.push(op.insert);
      return;
    }
    if (node instanceof Y.XmlHook) return;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) walk(child, line);
      else {
        const inner: string[] = [];
        walk(child, inner);
        if (inner.length) lines.push(inner.join(''));
      }
    }
  };
  const top: string[] = [];
  walk(fragment, top);
  if (top.length) lines.unshift(top.join(''));
  return lines.join('\n');
}

/** The minutes: the draft's text, kept in the sync store as Yjs updates of `minutes/<meeting>`. */
function minutesSource(db: Database): SearchSource {
  const store = createDocStore(db, () => {});
  const docs = db.prepare<[], { meeting_id: string }>(
    "SELECT DISTINCT substr(doc, 9) AS meeting_id FROM ydoc_updates WHERE doc LIKE 'minutes/%'",
  );
  const exists = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM meetings WHERE id = ?',
  );
  const indexed = db.prepare<[string], { text: string }>(
    "SELECT text FROM search_entries WHERE kind = 'minutes' AND source_id = ?",
  );
  const entries = db.prepare<[], { id: number; source_id: string }>(
    "SELECT id, source_id FROM search_entries WHERE kind = 'minutes'",
  );
  function read(meetingId: string): SourceRow[] {
    if (!exists.get(meetingId)) return [];
    const doc = new Y.Doc();
    try {
      store.load(`minutes/${meetingId}`, doc);
      const text = fragmentText(doc.getXmlFragment(MINUTES_FRAGMENT)).trim();
      return text
        ? [
            {
              source_id: meetingId,
              page: 0,
              meeting_id: meetingId,
              document_id: null,
              label: 'minutes',
              text,
            },
          ]
        : [];
    } finally {
      doc.destroy();
    }
  }
  return {
    kind: 'minutes',
    pending(limit, after) {
      // A pass over all minutes fits in one batch (one per meeting); a second call finds none.
      if (after) return [];
      const out: SourceRow[] = [];
      for (const { meeting_id } of docs.all()) {
        for (const row of read(meeting_id))
          if (indexed.get(meeting_id)?.text !== row.text) out.push(row);
        if (out.length >= limit) break;
      }
      return out;
    },
    orphans: () =>
      entries
        .all()
        .filter((e) => read(e.source_id).length === 0)
        .map((e) => e.id),
    rowsOf: read,
    ofMeeting: read,
  };
}

export function discoverSources(db: Database): SearchSource[] {
  const out: SearchSource[] = [
    sqlSource(
      db,
      'meeting',
      `SELECT id AS source_id, 0 AS page, id AS meeting_id, NULL AS document_id, title AS label,
              title || coalesce(char(10) || organization, '') || coalesce(char(10) || location, '') AS text
       FROM meetings`,
      true,
    ),
    sqlSource(
      db,
      'agenda',
      `SELECT id AS source_id, 0 AS page, meeting_id, NULL AS document_id, title AS label,
              title || coalesce(char(10) || presenter, '') AS text
       FROM agenda_items`,
      true,
    ),
  ];
  const ballots = columns(db, 'ballots');
  if (ballots.has('question') && ballots.has('meeting_id'))
    out.push(
      sqlSource(
        db,
        'ballot',
        `SELECT id AS source_id, 0 AS page, meeting_id, NULL AS document_id, question AS label, question AS text FROM ballots`,
        true,
      ),
    );
  const pages = columns(db, 'document_pages');
  const docs = columns(db, 'documents');
  if (
    pages.has('document_id') &&
    pages.has('page') &&
    pages.has('text') &&
    docs.has('meeting_id')
  ) {
    const title = docs.has('title') ? 'd.title' : docs.has('filename') ? 'd.filename' : "''";
    // Pages of a stored paper never change (a new version is a new paper), so the start-up
    // catch-up looks only for missing pages: cheap on hundreds of thousands of pages.
    out.push(
      sqlSource(
        db,
        'page',
        `SELECT p.document_id AS source_id, p.page AS page, d.meeting_id AS meeting_id, p.document_id AS document_id,
                ${title} AS label, p.text AS text
         FROM document_pages p JOIN documents d ON d.id = p.document_id
         ${docs.has('deleted_at') ? 'WHERE d.deleted_at IS NULL' : ''}`,
        false,
      ),
    );
  }
  if (columns(db, 'ydoc_updates').has('doc')) out.push(minutesSource(db));
  return out;
}
