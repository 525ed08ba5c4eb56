// The parts of a package that come from other modules' data: papers in the content store, the
// shared annotation layer, the minutes. Each part is included when it exists on this host; what
// is missing is named in the manifest's notIncluded list rather than silently left out.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Services } from '../services';
import { loadLayer } from '../annotations/load-layers';
import { annotationsToJsonLd } from '../annotations/export-jsonld';
import { exportAnnotatedPdf } from '../annotations/export-pdf';

export interface PaperFile {
  id: string;
  title: string;
  version: number;
  sha256: string;
  size: number;
  confidential: boolean;
  file: string;
}

/** Where the content store keeps a paper (main/host/documents/content-store.ts). */
export function storePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'documents', sha256.slice(0, 2), `${sha256}.pdf`);
}

export function paperFiles(services: Services, meetingId: string): PaperFile[] {
  const cols = new Set(
    services.db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('documents')")
      .all()
      .map((r) => r.name),
  );
  if (!cols.has('sha256')) return [];
  const rows = services.db
    .prepare<
      [string],
      {
        id: string;
        title: string;
        version: number;
        sha256: string;
        size: number;
        confidential: number;
      }
    >(
      `SELECT id, title, version, sha256, size, confidential FROM documents
       WHERE meeting_id = ? ${cols.has('deleted_at') ? 'AND deleted_at IS NULL' : ''} ORDER BY uploaded_at, id`,
    )
    .all(meetingId);
  return rows.map((r) => ({
    ...r,
    confidential: r.confidential === 1,
    file: storePath(services.config.dataDir, r.sha256),
  }));
}

export async function sharedAnnotations(services: Services, paper: PaperFile, maxPdfBytes: number) {
  const content = loadLayer(services, `annotations/${paper.id}`);
  if (content.annotations.length === 0) return null;
  let heights: number[] = [];
  let pdf: Uint8Array | undefined;
  let pdfSkipped: string | undefined;
  if (paper.size <= maxPdfBytes) {
    const bytes = await fs.promises.readFile(paper.file);
    try {
      const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
      heights = doc.getPages().map((p) => p.getHeight());
      pdf = (await exportAnnotatedPdf(bytes, [content])).bytes;
    } catch (err) {
      pdfSkipped = `the paper could not be annotated (${(err as Error).message})`;
    }
  } else pdfSkipped = `the paper is larger than ${Math.round(maxPdfBytes / 1024 / 1024)} MB`;
  const jsonld = annotationsToJsonLd([{ layer: 'shared', content }], {
    source: `urn:phonghop:document:${paper.id}`,
    title: paper.title,
    // A4 when the page sizes are unknown; the SvgSelector still holds the exact geometry.
    pageHeight: (page) => heights[page - 1] ?? 842,
  });
  return { jsonld, pdf, pdfSkipped };
}

export interface MinutesPart {
  files: Array<{ path: string; kind: string; file?: string; data?: Buffer }>;
  notIncluded: string[];
}

/**
 * The minutes PDF (signed once signed) and its signatures. The minutes module keeps them in its
 * own tables; this reads whatever of them exists.
 */
export function minutesFiles(services: Services, meetingId: string): MinutesPart {
  const { db } = services;
  const tables = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => r.name),
  );
  const out: MinutesPart = { files: [], notIncluded: [] };
  if (!tables.has('minutes')) {
    out.notIncluded.push('minutes: this host keeps no minutes');
    return out;
  }
  const cols = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('minutes')")
      .all()
      .map((r) => r.name),
  );
  const row = db
    .prepare<[string], Record<string, unknown>>('SELECT * FROM minutes WHERE meeting_id = ?')
    .get(meetingId);
  if (!row) {
    out.notIncluded.push('minutes: no minutes were written for this meeting');
    return out;
  }
  const blobCol = ['signed_pdf', 'pdf'].find((c) => cols.has(c) && Buffer.isBuffer(row[c]));
  const shaCol = ['signed_sha256', 'pdf_sha256', 'sha256'].find(
    (c) => cols.has(c) && typeof row[c] === 'string',
  );
  if (blobCol)
    out.files.push({ path: 'minutes/minutes.pdf', kind: 'minutes', data: row[blobCol] as Buffer });
  else if (shaCol) {
    const sha = row[shaCol] as string;
    const candidates = [
      storePath(services.config.dataDir, sha),
      path.join(services.config.dataDir, 'minutes', `${sha}.pdf`),
    ];
    const file = candidates.find((f) => fs.existsSync(f));
    if (file) out.files.push({ path: 'minutes/minutes.pdf', kind: 'minutes', file });
    else out.notIncluded.push('minutes/minutes.pdf: the stored file is missing');
  } else out.notIncluded.push('minutes/minutes.pdf: the minutes have not been finalised');
  if (tables.has('minutes_signatures')) {
    // Who signed, when, with which certificate chain (the CMS itself is inside the PDF).
    const sigs = db
      .prepare<[string], Record<string, unknown>>(
        `SELECT role, signer_name AS signer, signed_at AS signedAt, certificate_sha256 AS certificateSha256,
                certificate_chain AS certificateChain, revision, completed_at AS completedAt
         FROM minutes_signatures WHERE meeting_id = ? AND status = 'signed' ORDER BY completed_at`,
      )
      .all(meetingId);
    if (sigs.length > 0)
      out.files.push({
        path: 'minutes/signatures.json',
        kind: 'signatures',
        data: Buffer.from(`${JSON.stringify(sigs, null, 2)}\n`),
      });
  }
  return out;
}
