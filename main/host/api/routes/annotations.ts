// Export of a paper's annotations (shared layer and/or the caller's private notes): the PDF with
// real annotation objects, or W3C Web Annotation JSON. Access: participants who may see the paper
// (confidential papers only for listed users); `mine` is always the caller's own private layer.
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { z } from 'zod';
import type {
  WebAnnotationCollection,
  annotationsCommands,
} from '../../../../shared/api/commands/annotations';
import type { Services } from '../../services';
import { exportAnnotatedPdf as renderAnnotatedPdf } from '../../annotations/export-pdf';
import { annotationsToJsonLd } from '../../annotations/export-jsonld';
import { loadLayers } from '../../annotations/load-layers';
import { ApiError, notFound } from '../api-error';
import type { Handler } from '../handler-types';
import { withLibraryOutput } from '../../library-output';

type C = typeof annotationsCommands;

function visiblePaper(s: Services, documentId: string, userId: string) {
  const doc = s.documents.repo.get(documentId);
  if (!doc || doc.deleted || !s.papers.canSee(documentId, userId)) throw notFound('document');
  return doc;
}

async function paperBytes(s: Services, sha256: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(s.documents.store.pathOf(sha256));
  } catch {
    throw notFound('document');
  }
}

function baseName(filename: string): string {
  return filename.replace(/\.pdf$/i, '') || 'tai-lieu';
}

export const exportAnnotatedPdf: Handler<C['exportAnnotatedPdf']> = async (ctx, s) => {
  const doc = visiblePaper(s, ctx.params.d, ctx.user.id);
  // pdf-lib cannot re-encrypt: writing annotations into a protected paper would strip its protection.
  if (doc.encrypted) throw new ApiError(409, 'annotations_paper_encrypted');
  const bytes = await paperBytes(s, doc.sha256);
  const layers = loadLayers(s, doc.id, ctx.user.id, ctx.query.layers);
  const out = await renderAnnotatedPdf(
    bytes,
    layers.map((l) => l.content),
  );
  return {
    contentType: 'application/pdf',
    body: out.bytes,
    length: out.bytes.length,
    filename: `${baseName(doc.filename)}-ghi-chu.pdf`,
    headers: {
      'Cache-Control': 'private, no-store',
      'X-Annotations-Written': String(out.written),
      'X-Annotations-Skipped': String(out.skipped),
    },
  };
};

export const exportWebAnnotations: Handler<C['exportWebAnnotations']> = async (ctx, s) => {
  const doc = visiblePaper(s, ctx.params.d, ctx.user.id);
  const bytes = await paperBytes(s, doc.sha256);
  // Page heights turn our bottom-left user space into RFC 8118's top-left view rectangles.
  const pdf = await withLibraryOutput(s.log, 'pdf-lib', () =>
    PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false }),
  );
  const heights = pdf.getPages().map((p) => p.getMediaBox().y + p.getMediaBox().height);
  const layers = loadLayers(s, doc.id, ctx.user.id, ctx.query.layers);
  const host = ctx.req.headers.host ?? 'localhost';
  const source = `http://${host}/api/v1/documents/${encodeURIComponent(doc.id)}/file`;
  const collection = annotationsToJsonLd(layers, {
    source,
    title: doc.title,
    pageHeight: (page) => heights[page - 1] ?? 842,
  });
  return collection as z.infer<typeof WebAnnotationCollection>;
};
