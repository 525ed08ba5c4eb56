// What the search index is built from. Each source reads one table owned by another module and
// yields, per indexed unit, its text. The indexer compares against what is already indexed, so
// whatever a module writes is picked up even if that module never calls the indexer. Sources whose
// tables or columns do not exist in this schema are left out.
import type { Database } from '../archive/db';
import type { SearchKind } from '../../../shared/api/schemas/search';

export interface SourceRow {
  source_id: string;
  page: number;
  meeting_id: string;
  document_id: string | null;
  label: string;
  text: string;
}

export interface SearchSource {
  kind: SearchKind;
  /** Rows not yet indexed or whose text or meeting changed; `LIMIT ?` bounds one batch. */
  pending: string;
  /** Ids of entries of this kind whose source row is gone. */
  orphans: string;
  /** Rows of one meeting (for an explicit reindex). */
  ofMeeting: string;
}

function columns(db: Database, table: string): Set<string> {
  const rows = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all();
  return new Set(rows.map((r) => r.name));
}

/** A source from a SELECT yielding the columns of SourceRow. */
function source(kind: SearchKind, select: string, changedToo: boolean): SearchSource {
  const joined = `
    FROM (${select}) src
    LEFT JOIN search_entries e ON e.kind = '${kind}' AND e.source_id = src.source_id AND e.page = src.page`;
  const changed = changedToo
    ? ` OR e.text IS NOT src.text OR e.label IS NOT src.label OR e.meeting_id IS NOT src.meeting_id`
    : '';
  return {
    kind,
    pending: `SELECT src.* ${joined} WHERE e.id IS NULL${changed} LIMIT ?`,
    orphans: `SELECT e.id FROM search_entries e WHERE e.kind = '${kind}'
      AND NOT EXISTS (SELECT 1 FROM (${select}) src WHERE src.source_id = e.source_id AND src.page = e.page)`,
    ofMeeting: `SELECT src.* FROM (${select}) src WHERE src.meeting_id = ?`,
  };
}

export function discoverSources(db: Database): SearchSource[] {
  const out: SearchSource[] = [
    source(
      'meeting',
      `SELECT id AS source_id, 0 AS page, id AS meeting_id, NULL AS document_id, title AS label,
              title || coalesce(char(10) || organization, '') || coalesce(char(10) || location, '') AS text
       FROM meetings`,
      true,
    ),
    source(
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
      source(
        'ballot',
        `SELECT id AS source_id, 0 AS page, meeting_id, NULL AS document_id, question AS label, question AS text FROM ballots`,
        true,
      ),
    );
  const pages = columns(db, 'document_pages');
  const docs = columns(db, 'documents');
  if (pages.has('document_id') && pages.has('page') && pages.has('text') && docs.has('meeting_id')) {
    const title = docs.has('title') ? 'd.title' : docs.has('filename') ? 'd.filename' : "''";
    // Pages of a stored paper never change (a new version is a new paper), so only missing pages
    // are looked for: the check stays cheap on hundreds of thousands of pages.
    out.push(
      source(
        'page',
        `SELECT p.document_id AS source_id, p.page AS page, d.meeting_id AS meeting_id, p.document_id AS document_id,
                ${title} AS label, p.text AS text
         FROM document_pages p JOIN documents d ON d.id = p.document_id
         ${docs.has('deleted_at') ? 'WHERE d.deleted_at IS NULL' : ''}`,
        false,
      ),
    );
  }
  const minutes = columns(db, 'minutes');
  const minutesText = ['text', 'body_text', 'plain_text', 'content_text'].find((c) => minutes.has(c));
  if (minutes.has('meeting_id') && minutesText)
    out.push(
      source(
        'minutes',
        `SELECT meeting_id AS source_id, 0 AS page, meeting_id, NULL AS document_id, 'minutes' AS label,
                ${minutesText} AS text FROM minutes WHERE ${minutesText} IS NOT NULL`,
        true,
      ),
    );
  return out;
}
