import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { documentCommands } from '../../../../shared/api/commands/documents';
import type { DocumentDetail } from '../../../../shared/api/schemas/documents';
import type { DocumentRecord } from '../../documents/documents-repo';
import { toSummary, toVersion } from '../../documents/documents-repo';
import { importPaper } from '../../documents/import-paper';
import type { Services } from '../../services';
import { ApiError, badRequest, notFound } from '../api-error';
import type { Handler } from '../handler-types';
import { assertMeetingWritable } from '../../minutes/record-lock';

type C = typeof documentCommands;

/** The paper, if this caller may see it; otherwise 404 as if it did not exist. */
function visiblePaper(s: Services, documentId: string, userId: string): DocumentRecord {
  const doc = s.documents.repo.get(documentId);
  if (!doc || !s.papers.canSee(documentId, userId)) throw notFound('document');
  return doc;
}

function paperOfMeeting(s: Services, meetingId: string, documentId: string): DocumentRecord {
  const doc = s.documents.repo.get(documentId);
  if (!doc || doc.meetingId !== meetingId || doc.deleted) throw notFound('document');
  return doc;
}

function detail(s: Services, doc: DocumentRecord, userId: string): DocumentDetail {
  const versions = s.documents.repo.versions(doc.lineageId);
  const organiser = s.documents.access.isOrganiser(doc.meetingId, userId);
  return {
    ...toSummary(doc),
    lineageId: doc.lineageId,
    latestId: versions.at(-1)?.id ?? doc.id,
    hasScripts: doc.hasScripts,
    hasThumbnail: doc.hasThumbnail,
    versions: versions.map(toVersion),
    access: organiser ? s.documents.repo.access(doc.lineageId) : null,
  };
}

function declaredLength(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const n = Number(header);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * A refused upload (too large, not a PDF) is answered before its body was read: read the rest
 * and drop it, and close the connection after the answer, so the client sees the error instead
 * of a reset connection.
 */
async function whileReceiving<T>(
  ctx: { req: IncomingMessage; res: ServerResponse },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!ctx.req.complete && !ctx.req.destroyed) {
      ctx.res.setHeader('Connection', 'close');
      ctx.req.resume();
    }
    throw err;
  }
}

export const createDocument: Handler<C['createDocument']> = async (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  return whileReceiving(ctx, () =>
    importPaper(s, {
      meetingId: ctx.params.m,
      userId: ctx.user.id,
      body: ctx.req,
      declaredLength: declaredLength(ctx.req.headers['content-length']),
      filename: ctx.query.filename,
      agendaItemId: ctx.query.agendaItemId ?? null,
      confidential: ctx.query.confidential,
    }),
  );
};

export const createDocumentVersion: Handler<C['createDocumentVersion']> = async (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const old = paperOfMeeting(s, ctx.scope.meeting.id, ctx.params.d);
  const summary = await whileReceiving(ctx, () =>
    importPaper(s, {
      meetingId: old.meetingId,
      userId: ctx.user.id,
      body: ctx.req,
      declaredLength: declaredLength(ctx.req.headers['content-length']),
      filename: ctx.query.filename ?? old.filename,
      replaces: old,
    }),
  );
  return detail(s, s.documents.repo.get(summary.id)!, ctx.user.id);
};

export const putDocumentAccess: Handler<C['putDocumentAccess']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const doc = paperOfMeeting(s, ctx.params.m, ctx.params.d);
  for (const userId of ctx.body)
    if (!s.users.get(userId)) throw badRequest(`unknown user ${userId}`);
  return s.tx(() => {
    // Naming who may see a paper makes it confidential: a list that restricts nothing would mislead.
    s.documents.repo.setAccess(doc.lineageId, ctx.body);
    s.documents.repo.setConfidential(doc.lineageId, true);
    s.audit.append(ctx.params.m, ctx.user.id, 'document.access', {
      documentId: doc.id,
      lineageId: doc.lineageId,
      userIds: [...new Set(ctx.body)],
    });
    return detail(s, s.documents.repo.get(doc.id)!, ctx.user.id);
  });
};

export const patchDocument: Handler<C['patchDocument']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const doc = paperOfMeeting(s, ctx.scope.meeting.id, ctx.params.d);
  const { title, agendaItemId, confidential } = ctx.body;
  if (agendaItemId && !s.meetings.agendaItem(doc.meetingId, agendaItemId))
    throw new ApiError(400, 'document_agenda_item_unknown');
  return s.tx(() => {
    if (title !== undefined) s.documents.repo.setTitle(doc.lineageId, title);
    if (agendaItemId !== undefined) s.documents.repo.setAgendaItem(doc.lineageId, agendaItemId);
    if (confidential !== undefined) s.documents.repo.setConfidential(doc.lineageId, confidential);
    const after = s.documents.repo.get(doc.id)!;
    s.audit.append(doc.meetingId, ctx.user.id, 'document.update', {
      documentId: doc.id,
      lineageId: doc.lineageId,
      ...(after.confidential ? { confidential: true } : { ...ctx.body }),
    });
    return detail(s, after, ctx.user.id);
  });
};

export const deleteDocument: Handler<C['deleteDocument']> = (ctx, s) => {
  assertMeetingWritable(ctx.scope.meeting, s.minutesState);
  const doc = paperOfMeeting(s, ctx.scope.meeting.id, ctx.params.d);
  // The rows and bytes stay (the audit chain names their hashes); the paper just leaves the meeting.
  s.tx(() => {
    s.documents.repo.deleteLineage(doc.lineageId, new Date().toISOString());
    s.audit.append(doc.meetingId, ctx.user.id, 'document.delete', {
      documentId: doc.id,
      lineageId: doc.lineageId,
    });
  });
};

export const getDocument: Handler<C['getDocument']> = (ctx, s) =>
  detail(s, visiblePaper(s, ctx.params.d, ctx.user.id), ctx.user.id);

export const getDocumentFile: Handler<C['getDocumentFile']> = (ctx, s) => {
  const doc = visiblePaper(s, ctx.params.d, ctx.user.id);
  const file = s.documents.store.pathOf(doc.sha256);
  if (!fs.existsSync(file)) throw notFound('document');
  return {
    contentType: 'application/pdf',
    body: fs.createReadStream(file),
    length: doc.size,
    filename: doc.filename,
    headers: {
      // Same id, same bytes (content-addressed); private: never kept by a shared proxy.
      ETag: `"${doc.sha256}"`,
      'Cache-Control': 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
    },
  };
};

export const getDocumentThumbnail: Handler<C['getDocumentThumbnail']> = (ctx, s) => {
  const doc = visiblePaper(s, ctx.params.d, ctx.user.id);
  const png = s.documents.repo.thumbnail(doc.id);
  if (!png) throw notFound('thumbnail');
  return {
    contentType: 'image/png',
    body: png,
    length: png.length,
    headers: { 'Cache-Control': 'private, no-cache' },
  };
};

export const getDocumentPreview: Handler<C['getDocumentPreview']> = async (ctx, s) => {
  const doc = visiblePaper(s, ctx.params.d, ctx.user.id);
  const preview = await s.documents.previewOf(doc);
  if (!preview) throw notFound('preview');
  return {
    contentType: preview.contentType,
    body: preview.image,
    length: preview.image.length,
    headers: {
      'Cache-Control': 'private, no-cache',
      'X-Page-Size': `${preview.width} ${preview.height}`,
    },
  };
};

export const getDocumentText: Handler<C['getDocumentText']> = (ctx, s) => {
  const doc = visiblePaper(s, ctx.params.d, ctx.user.id);
  return s.documents.repo.pages(doc.id);
};
