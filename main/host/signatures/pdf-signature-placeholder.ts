import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';
import { writeIncrementalUpdate } from './pdf-incremental-update';
import type { UpdateObject } from './pdf-incremental-update';

/** Room for the DER CMS in /Contents: an RSA-4096 signer with a three-certificate chain fits. */
export const CONTENTS_BYTES = 16384;
const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

export interface PlaceholderOptions {
  /** The form field's name (ASCII, unique in the document). */
  fieldName: string;
  signerName: string;
  reason: string;
  location?: string;
  /** The claimed signing time, written to /M: PAdES B-B has no signing-time attribute. */
  signedAt: Date;
  /** Page for the (invisible) signature widget; defaults to the last page. */
  pageIndex?: number;
}

export interface PreparedPdf {
  bytes: Buffer;
  byteRange: [number, number, number, number];
}

/** PDF date with an explicit UTC offset, e.g. D:20261125103600+00'00'. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

function textString(text: string): string {
  // UTF-16BE hex strings keep Vietnamese names intact in every reader.
  return PDFHexString.fromText(text).toString();
}

function signatureDictionary(opts: PlaceholderOptions): string {
  return [
    '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    `/Contents <${'0'.repeat(CONTENTS_BYTES * 2)}>`,
    `/M (${pdfDate(opts.signedAt)})`,
    `/Name ${textString(opts.signerName)}`,
    `/Reason ${textString(opts.reason)}`,
    ...(opts.location ? [`/Location ${textString(opts.location)}`] : []),
    '/Prop_Build << /App << /Name /PhongHopKhongGiay >> >>',
    '>>',
  ].join('\n');
}

function asArray(
  doc: PDFDocument,
  value: PDFObject | undefined,
): { array: PDFArray; ref?: PDFRef } {
  if (value instanceof PDFRef) {
    const target = doc.context.lookup(value);
    if (target instanceof PDFArray) return { array: target, ref: value };
  }
  if (value instanceof PDFArray) return { array: value };
  return { array: doc.context.obj([]) };
}

/**
 * Adds an invisible signature field and a signature dictionary with an empty /Contents, as an
 * incremental update of `pdf` (so signatures already in it stay valid), and fills /ByteRange.
 * The caller hashes the two byte ranges and later writes the CMS into the hole.
 */
export async function addSignaturePlaceholder(
  pdf: Uint8Array,
  opts: PlaceholderOptions,
): Promise<PreparedPdf> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const pages = doc.getPages();
  const page = pages[opts.pageIndex ?? pages.length - 1];
  if (!page) throw new Error('The PDF has no pages.');
  const rootRef = ctx.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new Error('The PDF trailer has no /Root reference.');

  let next = ctx.largestObjectNumber + 1;
  const sigRef = PDFRef.of(next++);
  const widgetRef = PDFRef.of(next++);
  const changed: UpdateObject[] = [];

  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    F: 132, // Print + Locked
    T: PDFString.of(opts.fieldName),
    V: sigRef,
    P: page.ref,
  });

  // The page lists the widget among its annotations.
  const annots = asArray(doc, page.node.get(PDFName.of('Annots')));
  annots.array.push(widgetRef);
  if (annots.ref) changed.push({ ref: annots.ref, body: annots.array });
  else page.node.set(PDFName.of('Annots'), annots.array);
  if (!annots.ref) changed.push({ ref: page.ref, body: page.node });

  // The document's form lists the field; SigFlags 3 = SignaturesExist | AppendOnly.
  const catalog = doc.catalog;
  const acroValue = catalog.get(PDFName.of('AcroForm'));
  let acroRef = acroValue instanceof PDFRef ? acroValue : undefined;
  let acro = acroRef ? ctx.lookup(acroRef) : acroValue;
  if (!(acro instanceof PDFDict)) {
    acro = ctx.obj({});
    acroRef = PDFRef.of(next++);
    catalog.set(PDFName.of('AcroForm'), acroRef);
    changed.push({ ref: rootRef, body: catalog });
  } else if (!acroRef) {
    changed.push({ ref: rootRef, body: catalog });
  }
  const acroDict = acro as PDFDict;
  const fields = asArray(doc, acroDict.get(PDFName.of('Fields')));
  fields.array.push(widgetRef);
  if (fields.ref) changed.push({ ref: fields.ref, body: fields.array });
  else acroDict.set(PDFName.of('Fields'), fields.array);
  acroDict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  if (acroRef) changed.push({ ref: acroRef, body: acroDict });

  const sigBody = Buffer.from(signatureDictionary(opts), 'latin1');
  changed.push({ ref: sigRef, body: sigBody }, { ref: widgetRef, body: widget });

  const unique = new Map<number, UpdateObject>();
  for (const c of changed) unique.set(c.ref.objectNumber, c);
  const written = writeIncrementalUpdate(pdf, [...unique.values()], {
    size: next,
    root: rootRef,
    info: ctx.trailerInfo.Info,
    id: ctx.trailerInfo.ID,
  });

  const bytes = written.bytes;
  const sigAt = written.bodyOffsets.get(sigRef.objectNumber)!;
  const contentsAt = sigAt + sigBody.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsAt + CONTENTS_BYTES * 2 + 2;
  const byteRange: PreparedPdf['byteRange'] = [
    0,
    contentsAt,
    contentsEnd,
    bytes.length - contentsEnd,
  ];
  const rangeAt = sigAt + sigBody.indexOf(BYTE_RANGE_PLACEHOLDER);
  const fixed = `[${byteRange.join(' ').padEnd(BYTE_RANGE_PLACEHOLDER.length - 2, ' ')}]`;
  bytes.write(fixed, rangeAt, 'latin1');
  return { bytes, byteRange };
}

/** The bytes a signature covers: everything but the /Contents hole. */
export function signedBytes(pdf: Uint8Array, range: readonly number[]): Buffer {
  const [a = 0, b = 0, c = 0, d = 0] = range;
  return Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
}

/** Writes the DER CMS into the /Contents hole of a prepared PDF. */
export function embedCms(
  prepared: Uint8Array,
  byteRange: readonly number[],
  cms: Uint8Array,
): Buffer {
  const [, holeStart = 0, holeEnd = 0] = byteRange;
  const room = (holeEnd - holeStart - 2) / 2;
  if (cms.length > room)
    throw new Error(
      `The signature (${cms.length} bytes) does not fit the ${room}-byte placeholder.`,
    );
  const out = Buffer.from(prepared);
  out.write(Buffer.from(cms).toString('hex').toUpperCase(), holeStart + 1, 'latin1');
  return out;
}
