// SQL for papers, their readers and their page text. Statements are prepared once.
import type { Database } from '../archive/db';
import type { DocumentSummary } from '../../../shared/api/schemas/meetings';
import type { DocumentVersion } from '../../../shared/api/schemas/documents';
import type { PagePreview } from './parse-protocol';

interface DocumentRow {
  id: string;
  lineage_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  version: number;
  title: string;
  filename: string;
  sha256: string;
  size: number;
  pages: number;
  confidential: number;
  encrypted: number;
  has_scripts: number;
  has_thumbnail: number;
  replaced_by: string | null;
  deleted_at: string | null;
  uploaded_by: string;
  uploaded_at: string;
}

export interface DocumentRecord extends DocumentSummary {
  lineageId: string;
  hasScripts: boolean;
  hasThumbnail: boolean;
  deleted: boolean;
  uploadedBy: string;
}

/** A paper's preview as served: the picture and the page's size in points. */
export interface StoredPreview {
  image: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface NewDocument {
  id: string;
  lineageId: string;
  meetingId: string;
  agendaItemId: string | null;
  version: number;
  title: string;
  filename: string;
  sha256: string;
  size: number;
  pages: number;
  confidential: boolean;
  encrypted: boolean;
  hasScripts: boolean;
  thumbnail: Uint8Array | null;
  uploadedBy: string;
  uploadedAt: string;
}

// The thumbnail blob is never selected with the row; only its presence.
const COLUMNS = `id, lineage_id, meeting_id, agenda_item_id, version, title, filename, sha256, size, pages,
  confidential, encrypted, has_scripts, (thumbnail IS NOT NULL) AS has_thumbnail, replaced_by, deleted_at,
  uploaded_by, uploaded_at`;

const toRecord = (r: DocumentRow): DocumentRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  title: r.title,
  filename: r.filename,
  sha256: r.sha256,
  pages: r.pages,
  size: r.size,
  confidential: r.confidential === 1,
  encrypted: r.encrypted === 1,
  version: r.version,
  replacedBy: r.replaced_by,
  uploadedAt: r.uploaded_at,
  lineageId: r.lineage_id,
  hasScripts: r.has_scripts === 1,
  hasThumbnail: r.has_thumbnail === 1,
  deleted: r.deleted_at !== null,
  uploadedBy: r.uploaded_by,
});

export function toSummary(r: DocumentRecord): DocumentSummary {
  return {
    id: r.id,
    meetingId: r.meetingId,
    agendaItemId: r.agendaItemId,
    title: r.title,
    filename: r.filename,
    sha256: r.sha256,
    pages: r.pages,
    size: r.size,
    confidential: r.confidential,
    encrypted: r.encrypted,
    version: r.version,
    replacedBy: r.replacedBy,
    uploadedAt: r.uploadedAt,
  };
}

export function createDocumentsRepo(db: Database) {
  const q = {
    get: db.prepare<[string], DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`),
    meetingOf: db.prepare<[string], { meeting_id: string }>(
      'SELECT meeting_id FROM documents WHERE id = ?',
    ),
    current: db.prepare<[string], DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE meeting_id = ? AND replaced_by IS NULL AND deleted_at IS NULL
       ORDER BY uploaded_at, id`,
    ),
    live: db.prepare<[string], DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY uploaded_at, id`,
    ),
    versions: db.prepare<[string], DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE lineage_id = ? ORDER BY version`,
    ),
    insert: db.prepare(
      `INSERT INTO documents (id, lineage_id, meeting_id, agenda_item_id, version, title, filename, sha256, size,
         pages, confidential, encrypted, has_scripts, thumbnail, uploaded_by, uploaded_at)
       VALUES (@id, @lineageId, @meetingId, @agendaItemId, @version, @title, @filename, @sha256, @size,
         @pages, @confidential, @encrypted, @hasScripts, @thumbnail, @uploadedBy, @uploadedAt)`,
    ),
    setReplacedBy: db.prepare('UPDATE documents SET replaced_by = ? WHERE id = ?'),
    deleteLineage: db.prepare(
      'UPDATE documents SET deleted_at = ? WHERE lineage_id = ? AND deleted_at IS NULL',
    ),
    setConfidential: db.prepare('UPDATE documents SET confidential = ? WHERE lineage_id = ?'),
    setTitle: db.prepare('UPDATE documents SET title = ? WHERE lineage_id = ?'),
    setAgendaItem: db.prepare('UPDATE documents SET agenda_item_id = ? WHERE lineage_id = ?'),
    setThumbnailIfMissing: db.prepare(
      'UPDATE documents SET thumbnail = ? WHERE id = ? AND thumbnail IS NULL',
    ),
    thumbnail: db.prepare<[string], { thumbnail: Buffer | null }>(
      'SELECT thumbnail FROM documents WHERE id = ?',
    ),
    setPreview: db.prepare(
      `INSERT OR REPLACE INTO document_previews (document_id, image, content_type, page_width, page_height)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    preview: db.prepare<
      [string],
      { image: Buffer; content_type: string; page_width: number; page_height: number }
    >(
      'SELECT image, content_type, page_width, page_height FROM document_previews WHERE document_id = ?',
    ),
    access: db.prepare<[string], { user_id: string }>(
      'SELECT user_id FROM document_access WHERE lineage_id = ? ORDER BY user_id',
    ),
    isListed: db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM document_access WHERE lineage_id = ? AND user_id = ?',
    ),
    clearAccess: db.prepare('DELETE FROM document_access WHERE lineage_id = ?'),
    addAccess: db.prepare('INSERT INTO document_access (lineage_id, user_id) VALUES (?, ?)'),
    addPage: db.prepare('INSERT INTO document_pages (document_id, page, text) VALUES (?, ?, ?)'),
    pages: db.prepare<[string], { page: number; text: string }>(
      'SELECT page, text FROM document_pages WHERE document_id = ? ORDER BY page',
    ),
    shaInUse: db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM documents WHERE sha256 = ? LIMIT 1',
    ),
  };

  const writePreview = (id: string, preview: PagePreview) =>
    q.setPreview.run(
      id,
      Buffer.from(preview.image),
      preview.contentType,
      preview.pageWidth,
      preview.pageHeight,
    );

  return {
    get(id: string): DocumentRecord | undefined {
      const r = q.get.get(id);
      return r && toRecord(r);
    },
    meetingOf(id: string): string | undefined {
      return q.meetingOf.get(id)?.meeting_id;
    },
    /** The newest version of every paper of a meeting that is not deleted. */
    currentOfMeeting(meetingId: string): DocumentRecord[] {
      return q.current.all(meetingId).map(toRecord);
    },
    /** Every version (current and replaced) of the meeting's papers that are not deleted. */
    allOfMeeting(meetingId: string): DocumentRecord[] {
      return q.live.all(meetingId).map(toRecord);
    },
    versions(lineageId: string): DocumentRecord[] {
      return q.versions.all(lineageId).map(toRecord);
    },
    insert(doc: NewDocument, pageTexts: readonly string[]): void {
      q.insert.run({
        ...doc,
        confidential: doc.confidential ? 1 : 0,
        encrypted: doc.encrypted ? 1 : 0,
        hasScripts: doc.hasScripts ? 1 : 0,
        thumbnail: doc.thumbnail ? Buffer.from(doc.thumbnail) : null,
      });
      pageTexts.forEach((text, i) => q.addPage.run(doc.id, i + 1, text));
    },
    setReplacedBy(id: string, newId: string): void {
      q.setReplacedBy.run(newId, id);
    },
    deleteLineage(lineageId: string, at: string): void {
      q.deleteLineage.run(at, lineageId);
    },
    setConfidential(lineageId: string, confidential: boolean): void {
      q.setConfidential.run(confidential ? 1 : 0, lineageId);
    },
    setTitle(lineageId: string, title: string): void {
      q.setTitle.run(title, lineageId);
    },
    setAgendaItem(lineageId: string, agendaItemId: string | null): void {
      q.setAgendaItem.run(agendaItemId, lineageId);
    },
    /** Pictures drawn after the import (see documents-service): the thumbnail only if missing. */
    setPictures(id: string, thumbnail: Uint8Array | null, preview: PagePreview): void {
      if (thumbnail) q.setThumbnailIfMissing.run(Buffer.from(thumbnail), id);
      writePreview(id, preview);
    },
    thumbnail(id: string): Buffer | null {
      return q.thumbnail.get(id)?.thumbnail ?? null;
    },
    setPreview(id: string, preview: PagePreview): void {
      writePreview(id, preview);
    },
    preview(id: string): StoredPreview | null {
      const r = q.preview.get(id);
      return r
        ? {
            image: r.image,
            contentType: r.content_type,
            width: r.page_width,
            height: r.page_height,
          }
        : null;
    },
    access(lineageId: string): string[] {
      return q.access.all(lineageId).map((r) => r.user_id);
    },
    isListed(lineageId: string, userId: string): boolean {
      return q.isListed.get(lineageId, userId) !== undefined;
    },
    setAccess(lineageId: string, userIds: readonly string[]): void {
      q.clearAccess.run(lineageId);
      for (const u of new Set(userIds)) q.addAccess.run(lineageId, u);
    },
    pages(id: string): Array<{ page: number; text: string }> {
      return q.pages.all(id);
    },
    shaInUse(sha256: string): boolean {
      return q.shaInUse.get(sha256) !== undefined;
    },
  };
}
export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;

export function toVersion(r: DocumentRecord): DocumentVersion {
  return {
    id: r.id,
    version: r.version,
    sha256: r.sha256,
    pages: r.pages,
    size: r.size,
    filename: r.filename,
    uploadedAt: r.uploadedAt,
  };
}
