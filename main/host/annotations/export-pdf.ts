// Writes annotations into a copy of the paper as real PDF annotation objects (ISO 32000-1 §12.5.6):
// Ink, Highlight/Underline/StrikeOut, Text with a Popup (replies as Text with /IRT), Square and
// Line with an arrow head. Each carries its own appearance stream (/AP /N) so readers that do not
// synthesise appearances still draw it, plus /T (author), /M (modified), /NM (our id) so a
// round trip keeps identity. Our geometry is already PDF user space: no transform needed.
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { PDFDict, PDFPage, PDFRef } from 'pdf-lib';
import type { Annotation, NoteReply } from '../../../shared/annotations/model';
import { NOTE_ICON_SIZE, boundsOf } from '../../../shared/annotations/model';
import { inkPoints } from '../../../shared/annotations/ink-points';

export interface AnnotationLayerContent {
  annotations: Annotation[];
  replies: Map<string, NoteReply[]>;
}

export interface ExportResult {
  bytes: Uint8Array;
  written: number;
  /** Annotations pointing at a page the paper does not have (paper replaced by a shorter one). */
  skipped: number;
}

/** Returns the paper's bytes with every annotation of `layers` added to its pages. */
export async function exportAnnotatedPdf(
  paper: Uint8Array,
  layers: readonly AnnotationLayerContent[],
  opts: { password?: string } = {},
): Promise<ExportResult> {
  const pdf = await PDFDocument.load(paper, {
    updateMetadata: false,
    ...(opts.password ? { password: opts.password } : {}),
  });
  const pages = pdf.getPages();
  let written = 0;
  let skipped = 0;
  for (const layer of layers) {
    for (const a of layer.annotations) {
      const page = pages[a.page - 1];
      if (!page) {
        skipped++;
        continue;
      }
      addAnnotation(pdf, page, a, layer.replies.get(a.id) ?? []);
      written++;
    }
  }
  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, written, skipped };
}

function pdfDate(ms: number): PDFString {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return PDFString.of(
    `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`,
  );
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const num = (v: number) => (Math.round(v * 1000) / 1000).toString();

function appendToPage(page: PDFPage, ref: PDFRef): void {
  const existing = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (existing) existing.push(ref);
  else page.node.set(PDFName.of('Annots'), page.doc.context.obj([ref]));
}

/** A Form XObject drawing `ops` over `rect`, with a graphics state for opacity if needed. */
function appearance(
  pdf: PDFDocument,
  rect: number[],
  ops: string,
  opacity: number,
  multiply = false,
): PDFRef {
  const ctx = pdf.context;
  const gs = multiply
    ? { Type: 'ExtGState', CA: opacity, ca: opacity, BM: 'Multiply' }
    : { Type: 'ExtGState', CA: opacity, ca: opacity };
  const stream = ctx.flateStream(`/GS0 gs\n${ops}`, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: rect,
    Resources: { ExtGState: { GS0: gs } },
  });
  return ctx.register(stream);
}

function common(
  pdf: PDFDocument,
  a: Annotation | NoteReply,
  subtype: string,
  rect: number[],
  contents: string,
): PDFDict {
  const ctx = pdf.context;
  const dict = ctx.obj({
    Type: 'Annot',
    Subtype: subtype,
    Rect: rect,
    F: 4, // Print: exported papers are meant to be printed with their notes.
  });
  dict.set(PDFName.of('NM'), PDFString.of(a.id));
  dict.set(PDFName.of('T'), PDFHexString.fromText(a.authorName || a.author));
  dict.set(PDFName.of('M'), pdfDate('updatedAt' in a ? a.updatedAt : a.createdAt));
  dict.set(PDFName.of('CreationDate'), pdfDate(a.createdAt));
  if (contents) dict.set(PDFName.of('Contents'), PDFHexString.fromText(contents));
  return dict;
}

function addAnnotation(pdf: PDFDocument, page: PDFPage, a: Annotation, replies: NoteReply[]): void {
  const ctx = pdf.context;
  const [r, g, b] = rgb(a.style.color);
  const colour = [r, g, b];
  const rect = boundsOf(a);
  const stroke = `${num(r)} ${num(g)} ${num(b)} RG`;
  const fill = `${num(r)} ${num(g)} ${num(b)} rg`;
  let dict: PDFDict;
  switch (a.kind) {
    case 'ink': {
      dict = common(pdf, a, 'Ink', rect, '');
      // Either stored form (ink-points.ts); the packed one is decoded here, once per stroke.
      const points = inkPoints(a.points);
      const flat = points.flatMap(([x, y]) => [x, y]);
      dict.set(PDFName.of('InkList'), ctx.obj([flat]));
      const [first, ...rest] = points;
      let path = `${num(first![0])} ${num(first![1])} m\n`;
      for (const [x, y] of rest) path += `${num(x)} ${num(y)} l\n`;
      if (rest.length === 0) path += `${num(first![0])} ${num(first![1])} l\n`;
      dict.set(
        PDFName.of('AP'),
        ctx.obj({
          N: appearance(
            pdf,
            rect,
            `${stroke} ${num(a.style.width)} w 1 J 1 j\n${path}S`,
            a.style.opacity,
          ),
        }),
      );
      break;
    }
    case 'highlight': {
      const subtype =
        a.mode === 'highlight' ? 'Highlight' : a.mode === 'underline' ? 'Underline' : 'StrikeOut';
      dict = common(pdf, a, subtype, rect, a.text);
      dict.set(PDFName.of('QuadPoints'), ctx.obj(a.quads.flat()));
      let ops = '';
      for (const q of a.quads) {
        // QuadPoints: upper-left, upper-right, lower-left, lower-right.
        const [x1, y1, x2, y2, x3, y3, x4, y4] = q;
        if (a.mode === 'highlight')
          ops += `${fill}\n${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l ${num(x4)} ${num(y4)} l ${num(x3)} ${num(y3)} l f\n`;
        else {
          const t = a.mode === 'underline' ? 0.08 : 0.5;
          const ya = y3 + (y1 - y3) * t;
          const yb = y4 + (y2 - y4) * t;
          const w = Math.max(0.5, Math.abs(y1 - y3) / 14);
          ops += `${stroke} ${num(w)} w ${num(x3)} ${num(ya)} m ${num(x4)} ${num(yb)} l S\n`;
        }
      }
      dict.set(
        PDFName.of('AP'),
        ctx.obj({
          N: appearance(
            pdf,
            rect,
            ops,
            a.mode === 'highlight' ? Math.min(a.style.opacity, 0.5) : a.style.opacity,
            a.mode === 'highlight',
          ),
        }),
      );
      break;
    }
    case 'note': {
      dict = common(pdf, a, 'Text', rect, a.text);
      dict.set(PDFName.of('Name'), PDFName.of('Comment'));
      dict.set(PDFName.of('Open'), ctx.obj(false));
      const [x, y] = a.at;
      const s = NOTE_ICON_SIZE;
      const icon = `${fill} 0 0 0 RG 0.8 w ${num(x + 1)} ${num(y - s + 5)} ${num(s - 2)} ${num(s - 6)} re B ${num(x + 5)} ${num(y - s + 5)} m ${num(x + 5)} ${num(y - s + 1)} l ${num(x + 9)} ${num(y - s + 5)} l f`;
      dict.set(PDFName.of('AP'), ctx.obj({ N: appearance(pdf, rect, icon, a.style.opacity) }));
      break;
    }
    case 'shape': {
      if (a.shape === 'rect') {
        dict = common(pdf, a, 'Square', rect, '');
        const w = a.style.width;
        const [x1, y1, x2, y2] = [
          rect[0] + w / 2,
          rect[1] + w / 2,
          rect[2] - w / 2,
          rect[3] - w / 2,
        ];
        dict.set(
          PDFName.of('AP'),
          ctx.obj({
            N: appearance(
              pdf,
              rect,
              `${stroke} ${num(w)} w ${num(x1)} ${num(y1)} ${num(x2 - x1)} ${num(y2 - y1)} re S`,
              a.style.opacity,
            ),
          }),
        );
      } else {
        const head = Math.max(6, a.style.width * 4);
        const arrowRect = [rect[0] - head, rect[1] - head, rect[2] + head, rect[3] + head];
        dict = common(pdf, a, 'Line', arrowRect, '');
        dict.set(PDFName.of('L'), ctx.obj([...a.from, ...a.to]));
        dict.set(PDFName.of('LE'), ctx.obj(['None', 'OpenArrow']));
        const [fx, fy] = a.from;
        const [tx, ty] = a.to;
        const ang = Math.atan2(ty - fy, tx - fx);
        const wing = (d: number) =>
          [tx - head * Math.cos(ang + d), ty - head * Math.sin(ang + d)] as const;
        const [ax, ay] = wing(0.45);
        const [bx, by] = wing(-0.45);
        const ops = `${stroke} ${num(a.style.width)} w 1 J 1 j ${num(fx)} ${num(fy)} m ${num(tx)} ${num(ty)} l S ${num(ax)} ${num(ay)} m ${num(tx)} ${num(ty)} l ${num(bx)} ${num(by)} l S`;
        dict.set(
          PDFName.of('AP'),
          ctx.obj({ N: appearance(pdf, arrowRect, ops, a.style.opacity) }),
        );
      }
      break;
    }
  }
  dict.set(PDFName.of('C'), ctx.obj(colour));
  if (a.kind !== 'highlight' && a.kind !== 'note')
    dict.set(PDFName.of('BS'), ctx.obj({ W: a.style.width, S: 'S' }));
  if (a.style.opacity < 1 || a.kind === 'highlight')
    dict.set(
      PDFName.of('CA'),
      ctx.obj(
        a.kind === 'highlight' && a.mode === 'highlight'
          ? Math.min(a.style.opacity, 0.5)
          : a.style.opacity,
      ),
    );
  dict.set(PDFName.of('P'), page.ref);
  const ref = ctx.register(dict);
  appendToPage(page, ref);

  if (a.kind === 'note') {
    // The popup shows the note's text in readers; it belongs to the note (/Parent) and vice versa.
    const [x, y] = a.at;
    const popup = ctx.obj({
      Type: 'Annot',
      Subtype: 'Popup',
      Rect: [x + NOTE_ICON_SIZE, y - 120, x + NOTE_ICON_SIZE + 200, y],
      Open: false,
      Parent: ref,
      P: page.ref,
    });
    const popupRef = ctx.register(popup);
    dict.set(PDFName.of('Popup'), popupRef);
    appendToPage(page, popupRef);
  }
  for (const reply of replies) {
    // A reply is a Text annotation "in reply to" the note (/IRT, /RT /R), hidden under the note.
    const rdict = common(pdf, reply, 'Text', rect, reply.text);
    rdict.set(PDFName.of('IRT'), ref);
    rdict.set(PDFName.of('RT'), PDFName.of('R'));
    rdict.set(PDFName.of('Name'), PDFName.of('Comment'));
    rdict.set(PDFName.of('C'), ctx.obj(colour));
    rdict.set(PDFName.of('P'), page.ref);
    appendToPage(page, ctx.register(rdict));
  }
}
