// The one way a paper enters the archive (uploads, replacements, the demo seed): receive the
// bytes into a temp file, parse them in the sandboxed parser, move them into the content store,
// then record the paper, its page text and its audit event in one transaction. Whatever fails,
// nothing is left behind: no temp file, no stored bytes without a row, no row without bytes.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DocumentSummary } from '../../../shared/api/schemas/meetings';
import { ApiError } from '../api/api-error';
import type { Services } from '../services';
import type { DocumentRecord } from './documents-repo';
import { toSummary } from './documents-repo';
import { formatBytes } from './content-store';
import type { ParseOutcome } from './pdf-parser';

export interface ImportInput {
  meetingId: string;
  userId: string;
  body: Readable;
  /** Declared length (Content-Length), to refuse an oversized upload before reading it. */
  declaredLength?: number;
  filename?: string;
  agendaItemId?: string | null;
  confidential?: boolean;
  /** Readers of a confidential paper (set with the upload, e.g. by the demo seed). */
  access?: readonly string[];
  /** Set for a new version of an existing paper. */
  replaces?: DocumentRecord;
  /**
   * Facts about a file the host generated itself (the demo papers): the parser is skipped, so a
   * demo host starts in well under a second. Never set for uploaded files.
   */
  trusted?: { pages: number; title: string; text: string[] };
}

/** A file name safe to show and to put in a header: no folders, no control characters. */
export function cleanFilename(name: string | undefined): string {
  const base = path.basename((name ?? '').replace(/\\/g, '/'));
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return clean || 'tai-lieu.pdf';
}

function titleFrom(metadataTitle: string | null, filename: string): string {
  // Office exporters put junk like "Microsoft Word - bao cao.docx" in the title; the file name reads better.
  if (metadataTitle && !/^(microsoft \w+ - |untitled\b|document\d*$)/i.test(metadataTitle))
    return metadataTitle;
  return filename.replace(/\.pdf$/i, '') || filename;
}

export async function importPaper(s: Services, input: ImportInput): Promise<DocumentSummary> {
  const limit = s.config.maxUploadBytes;
  if (input.declaredLength !== undefined && input.declaredLength > limit) {
    throw new ApiError(413, 'payload_too_large', { limit: formatBytes(limit) });
  }
  const agendaItemId = input.replaces ? input.replaces.agendaItemId : (input.agendaItemId ?? null);
  if (agendaItemId && !s.meetings.agendaItem(input.meetingId, agendaItemId)) {
    throw new ApiError(400, 'document_agenda_item_unknown');
  }
  const filename = cleanFilename(input.filename);

  const received = await s.documents.store.receive(input.body, limit);
  const parsed: ParseOutcome = input.trusted
    ? {
        ok: true,
        encrypted: false,
        ...input.trusted,
        thumbnail: null,
        preview: null,
        hasScripts: false,
      }
    : await s.documents.parser.parse(received.tmpFile);
  if (!parsed.ok) {
    await s.documents.store.discard(received.tmpFile);
    if (parsed.reason === 'timeout') throw new ApiError(422, 'document_too_complex');
    s.log.warn(
      { reason: parsed.reason, detail: parsed.detail.slice(0, 300) },
      'refused an unreadable PDF',
    );
    throw new ApiError(422, 'document_corrupt');
  }
  await s.documents.store.commit(received);

  const old = input.replaces;
  const id = randomUUID();
  try {
    return s.tx(() => {
      // A replacement chains onto the newest version, even if an older one was named.
      const latest = old ? s.documents.repo.versions(old.lineageId).at(-1)! : undefined;
      if (latest?.deleted) throw new ApiError(404, 'not_found', { what: 'document' });
      const confidential = latest ? latest.confidential : input.confidential === true;
      const record = {
        id,
        lineageId: latest?.lineageId ?? id,
        meetingId: input.meetingId,
        agendaItemId,
        version: (latest?.version ?? 0) + 1,
        title: latest?.title ?? titleFrom(parsed.encrypted ? null : parsed.title, filename),
        filename,
        sha256: received.sha256,
        size: received.size,
        pages: parsed.encrypted ? 0 : parsed.pages,
        confidential,
        encrypted: parsed.encrypted,
        hasScripts: parsed.encrypted ? false : parsed.hasScripts,
        thumbnail: parsed.encrypted ? null : parsed.thumbnail,
        uploadedBy: input.userId,
        uploadedAt: new Date().toISOString(),
      };
      s.documents.repo.insert(record, parsed.encrypted ? [] : parsed.text);
      if (!parsed.encrypted && parsed.preview) s.documents.repo.setPreview(id, parsed.preview);
      if (latest) s.documents.repo.setReplacedBy(latest.id, id);
      if (!latest && input.access) s.documents.repo.setAccess(record.lineageId, input.access);
      // Every participant may read the audit log: a confidential paper's title stays out of it.
      s.audit.append(
        input.meetingId,
        input.userId,
        latest ? 'document.version' : 'document.upload',
        {
          documentId: id,
          lineageId: record.lineageId,
          version: record.version,
          sha256: record.sha256,
          size: record.size,
          confidential,
          ...(confidential ? {} : { title: record.title, filename, agendaItemId }),
        },
      );
      return toSummary(s.documents.repo.get(id)!);
    });
  } catch (err) {
    await s.documents.store.removeIfUnused(received.sha256, (sha) =>
      s.documents.repo.shaInUse(sha),
    );
    throw err;
  }
}
