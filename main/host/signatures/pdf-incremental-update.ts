import type { PDFObject, PDFRef } from 'pdf-lib';

/**
 * Writes a PDF incremental update (ISO 32000-1, 7.5.6): changed and new objects, a cross-reference
 * section for exactly those objects, and a trailer whose /Prev points to the previous section.
 * The original bytes stay an unchanged prefix, which is what keeps earlier signatures valid:
 * pdf-lib can only rewrite whole files, which would break them.
 */
export interface UpdateObject {
  ref: PDFRef;
  /** A pdf-lib object, or raw bytes of the object's body (between "obj" and "endobj"). */
  body: PDFObject | Uint8Array;
}

export interface UpdateTrailer {
  size: number;
  root: PDFRef;
  info?: PDFObject;
  id?: PDFObject;
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');

function objectBytes(obj: PDFObject): Buffer {
  const buf = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return Buffer.from(buf);
}

/** Offset of the last cross-reference section: the number after the final "startxref". */
export function lastStartXref(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = all.at(-1);
  if (!last) throw new Error('No startxref in the PDF.');
  return Number(last[1]);
}

export interface WrittenUpdate {
  bytes: Buffer;
  /** Where each object's body starts in `bytes` (absolute file offsets). */
  bodyOffsets: Map<number, number>;
}

export function writeIncrementalUpdate(
  original: Uint8Array,
  objects: UpdateObject[],
  trailer: UpdateTrailer,
): WrittenUpdate {
  const prev = lastStartXref(original);
  const parts: Buffer[] = [Buffer.from(original)];
  let offset = original.length;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  // A newline first, in case the file does not end with one after %%EOF.
  if (original[original.length - 1] !== 0x0a) push(latin1('\n'));
  const entries: Array<{ num: number; gen: number; at: number }> = [];
  const bodyOffsets = new Map<number, number>();
  for (const o of objects) {
    entries.push({ num: o.ref.objectNumber, gen: o.ref.generationNumber, at: offset });
    push(latin1(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`));
    bodyOffsets.set(o.ref.objectNumber, offset);
    push(o.body instanceof Uint8Array ? Buffer.from(o.body) : objectBytes(o.body));
    push(latin1('\nendobj\n'));
  }
  const xrefAt = offset;
  entries.sort((a, b) => a.num - b.num);
  let xref = 'xref\n';
  for (const e of entries) {
    // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, CR/LF pair.
    xref += `${e.num} 1\n${String(e.at).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
  }
  push(latin1(xref));
  const dict: string[] = [`/Size ${trailer.size}`, `/Root ${trailer.root.toString()}`];
  if (trailer.info) dict.push(`/Info ${objectBytes(trailer.info).toString('latin1')}`);
  if (trailer.id) dict.push(`/ID ${objectBytes(trailer.id).toString('latin1')}`);
  dict.push(`/Prev ${prev}`);
  push(latin1(`trailer\n<< ${dict.join(' ')} >>\nstartxref\n${xrefAt}\n%%EOF\n`));
  return { bytes: Buffer.concat(parts), bodyOffsets };
}
