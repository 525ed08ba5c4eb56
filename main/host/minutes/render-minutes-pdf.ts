import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { unicodeFont } from '../pdf/fonts';
import type { Block, Run } from './draft-blocks';

// Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm,
// agency name top left, national motto top right, place and date under the motto, the title
// centred, body in 13-14 pt, signature blocks at the end; page numbers centred at the top from
// page 2.
const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY_SIZE = 13;
const LINE = 1.4;
const INDENT = 10 * MM;

export interface MinutesPdfInput {
  organization: string | null;
  title: string;
  place: string;
  date: Date;
  blocks: Block[];
  chairName: string | null;
  secretaryName: string | null;
  auditHead: string;
  revision: number;
  meetingId: string;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

interface Segment {
  text: string;
  font: PDFFont;
  width: number;
  underline: boolean;
}

/** "ngày 25 tháng 11 năm 2026" in Vietnam's time zone (UTC+7, no daylight saving). */
export function vietnameseDate(d: Date): { day: number; month: number; year: number } {
  const local = new Date(d.getTime() + 7 * 3600 * 1000);
  return { day: local.getUTCDate(), month: local.getUTCMonth() + 1, year: local.getUTCFullYear() };
}

/** The place for the date line: the province or city named in the agency, e.g. "Đà Nẵng". */
export function placeFromOrganization(org: string | null): string | null {
  const m = org ? /(?:TỈNH|THÀNH PHỐ|TP\.?)\s+(.+)$/iu.exec(org.trim()) : null;
  if (!m) return null;
  return m[1]!
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

// fontkit shapes the whole string on every widthOfTextAtSize call (about a millisecond each), so
// widths are summed from cached per-character advances. Vietnamese text is normalised to NFC
// (precomposed letters), where that sum equals the shaped width: Noto Sans has no kerning pairs
// that matter at this size.
const advanceCache = new WeakMap<PDFFont, Map<string, number>>();
export function textWidth(font: PDFFont, text: string, size: number): number {
  let cache = advanceCache.get(font);
  if (!cache) {
    cache = new Map();
    advanceCache.set(font, cache);
  }
  let units = 0;
  for (const ch of text) {
    let w = cache.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, 1000);
      cache.set(ch, w);
    }
    units += w;
  }
  return (units * size) / 1000;
}

function fontFor(fonts: Fonts, r: Pick<Run, 'bold' | 'italic'>): PDFFont {
  return r.bold ? fonts.bold : r.italic ? fonts.italic : fonts.regular;
}

/** Greedy line breaking over runs of mixed fonts; words longer than a line are cut. */
function layout(
  runs: Run[],
  width: number,
  firstIndent: number,
  size: number,
  fonts: Fonts,
): Segment[][] {
  const lines: Segment[][] = [[]];
  let used = firstIndent;
  const newLine = () => {
    lines.push([]);
    used = 0;
  };
  for (const run of runs) {
    const font = fontFor(fonts, run);
    for (const token of run.text.normalize('NFC').split(/(\n|\s+)/)) {
      if (token === '') continue;
      if (token === '\n') {
        newLine();
        continue;
      }
      const line = lines[lines.length - 1]!;
      if (/^\s+$/.test(token)) {
        if (line.length === 0) continue;
        const w = textWidth(font, ' ', size);
        line.push({ text: ' ', font, width: w, underline: run.underline });
        used += w;
        continue;
      }
      let word = token;
      let w = textWidth(font, word, size);
      if (used + w > width && line.length > 0) {
        // Drop the trailing space of the full line before breaking.
        if (line[line.length - 1]?.text === ' ') line.pop();
        newLine();
      }
      while (w > width) {
        let cut = word.length - 1;
        while (cut > 1 && textWidth(font, word.slice(0, cut), size) > width - used) cut--;
        const head = word.slice(0, cut);
        lines[lines.length - 1]!.push({
          text: head,
          font,
          width: textWidth(font, head, size),
          underline: run.underline,
        });
        newLine();
        word = word.slice(cut);
        w = textWidth(font, word, size);
      }
      lines[lines.length - 1]!.push({ text: word, font, width: w, underline: run.underline });
      used += w;
    }
  }
  return lines;
}

class Writer {
  page!: PDFPage;
  y = 0;
  pages: PDFPage[] = [];
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.addPage();
  }
  get width(): number {
    return PAGE.width - MARGIN.left - MARGIN.right;
  }
  addPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top - (this.pages.length > 1 ? 14 : 0);
  }
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.addPage();
  }
  drawLine(
    segments: Segment[],
    x: number,
    size: number,
    align: 'left' | 'center' = 'left',
    boxWidth = this.width,
  ): void {
    const lineHeight = size * LINE;
    this.ensure(lineHeight);
    this.y -= lineHeight;
    const total = segments.reduce((n, s) => n + s.width, 0);
    let cx = align === 'center' ? x + (boxWidth - total) / 2 : x;
    // One text operation per run of the same font: drawing word by word costs a shaping pass each.
    const merged: Segment[] = [];
    for (const s of segments) {
      const prev = merged[merged.length - 1];
      if (prev && prev.font === s.font && prev.underline === s.underline)
        merged[merged.length - 1] = {
          ...prev,
          text: prev.text + s.text,
          width: prev.width + s.width,
        };
      else merged.push(s);
    }
    for (const s of merged) {
      this.page.drawText(s.text, {
        x: cx,
        y: this.y + size * 0.25,
        size,
        font: s.font,
        color: rgb(0, 0, 0),
      });
      if (s.underline)
        this.page.drawLine({
          start: { x: cx, y: this.y + size * 0.1 },
          end: { x: cx + s.width, y: this.y + size * 0.1 },
          thickness: 0.5,
        });
      cx += s.width;
    }
  }
  paragraph(
    runs: Run[],
    opts: {
      size?: number;
      indent?: number;
      firstIndent?: number;
      align?: 'left' | 'center';
      x?: number;
      width?: number;
      after?: number;
    } = {},
  ): void {
    const size = opts.size ?? BODY_SIZE;
    const x = opts.x ?? MARGIN.left + (opts.indent ?? 0);
    const width = opts.width ?? this.width - (opts.indent ?? 0);
    const lines = layout(runs, width, opts.firstIndent ?? 0, size, this.fonts);
    lines.forEach((line, i) => {
      const shift = i === 0 ? (opts.firstIndent ?? 0) : 0;
      this.drawLine(line, x + shift, size, opts.align ?? 'left', width);
    });
    this.y -= opts.after ?? size * 0.35;
  }
}

const plain = (text: string, style: Partial<Run> = {}): Run[] => [
  { text, bold: false, italic: false, underline: false, ...style },
];

/** Header of NĐ 30/2020: agency top left, motto top right, place and date under the motto. */
function header(w: Writer, input: MinutesPdfInput): void {
  const leftWidth = 80 * MM;
  const rightX = MARGIN.left + leftWidth - 10 * MM;
  const rightWidth = PAGE.width - MARGIN.right - rightX + 5 * MM;
  const top = w.y;
  // Left column: agency name, a short rule, the document number.
  w.paragraph(plain((input.organization ?? '').toLocaleUpperCase('vi'), { bold: true }), {
    size: 12,
    x: MARGIN.left - 10 * MM,
    width: leftWidth,
    align: 'center',
    after: 2,
  });
  const cx = MARGIN.left - 10 * MM + leftWidth / 2;
  w.page.drawLine({
    start: { x: cx - 15 * MM, y: w.y - 2 },
    end: { x: cx + 15 * MM, y: w.y - 2 },
    thickness: 0.6,
  });
  w.y -= 6;
  w.paragraph(plain('Số:        /BB-PH'), {
    size: 13,
    x: MARGIN.left - 10 * MM,
    width: leftWidth,
    align: 'center',
  });
  const leftBottom = w.y;
  // Right column: the national motto, underlined, then place and date in italics.
  w.y = top;
  w.paragraph(plain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }), {
    size: 12,
    x: rightX,
    width: rightWidth,
    align: 'center',
    after: 0,
  });
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  w.paragraph(plain(motto, { bold: true }), {
    size: 13,
    x: rightX,
    width: rightWidth,
    align: 'center',
    after: 2,
  });
  const mottoWidth = w.fonts.bold.widthOfTextAtSize(motto, 13);
  const mx = rightX + (rightWidth - mottoWidth) / 2;
  w.page.drawLine({
    start: { x: mx, y: w.y + 2 },
    end: { x: mx + mottoWidth, y: w.y + 2 },
    thickness: 0.6,
  });
  w.y -= 6;
  const d = vietnameseDate(input.date);
  w.paragraph(
    plain(`${input.place}, ngày ${d.day} tháng ${d.month} năm ${d.year}`, { italic: true }),
    { size: 13, x: rightX, width: rightWidth, align: 'center' },
  );
  w.y = Math.min(w.y, leftBottom) - 14;
}

function body(w: Writer, blocks: Block[]): void {
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        w.y -= 4;
        w.paragraph(
          b.runs.map((r) => ({ ...r, bold: true })),
          { size: b.level <= 1 ? 14 : 13 },
        );
        break;
      case 'paragraph':
        if (b.runs.every((r) => r.text.trim() === '')) {
          w.y -= BODY_SIZE * 0.6;
          break;
        }
        w.paragraph(b.runs, { firstIndent: INDENT });
        break;
      case 'item': {
        const indent = INDENT * (b.depth + 1);
        const markerWidth = w.fonts.regular.widthOfTextAtSize(`${b.marker} `, BODY_SIZE);
        const startY = w.y;
        w.paragraph(b.runs, { indent });
        if (b.marker) {
          const firstBaseline = startY - BODY_SIZE * LINE + BODY_SIZE * 0.25;
          // The marker sits in the indent, on the first line of the item (same page unless it broke).
          if (firstBaseline > MARGIN.bottom)
            w.page.drawText(b.marker, {
              x: MARGIN.left + indent - markerWidth,
              y: firstBaseline,
              size: BODY_SIZE,
              font: w.fonts.regular,
            });
        }
        break;
      }
      case 'quote':
        w.paragraph(
          b.runs.map((r) => ({ ...r, italic: true })),
          { indent: INDENT },
        );
        break;
      case 'rule':
        w.ensure(10);
        w.y -= 5;
        w.page.drawLine({
          start: { x: MARGIN.left, y: w.y },
          end: { x: PAGE.width - MARGIN.right, y: w.y },
          thickness: 0.5,
        });
        w.y -= 5;
        break;
    }
  }
}

/** Signature blocks: the secretary on the left, the chair on the right (NĐ 30/2020, biên bản). */
function signatures(w: Writer, input: MinutesPdfInput): void {
  w.ensure(130);
  w.y -= 16;
  const colWidth = w.width / 2;
  const top = w.y;
  const column = (x: number, title: string, name: string | null) => {
    w.y = top;
    w.paragraph(plain(title, { bold: true }), { x, width: colWidth, align: 'center', after: 0 });
    w.paragraph(plain('(Ký số)', { italic: true }), {
      x,
      width: colWidth,
      align: 'center',
      size: 12,
    });
    w.y -= 55;
    w.paragraph(plain(name ?? '', { bold: true }), { x, width: colWidth, align: 'center' });
  };
  column(MARGIN.left, 'THƯ KÝ', input.secretaryName);
  column(MARGIN.left + colWidth, 'CHỦ TỌA', input.chairName);
}

function footer(w: Writer, input: MinutesPdfInput): void {
  const size = 7;
  w.pages.forEach((page, i) => {
    if (i > 0) {
      const label = String(i + 1);
      const lw = w.fonts.regular.widthOfTextAtSize(label, 13);
      page.drawText(label, {
        x: (PAGE.width - lw) / 2,
        y: PAGE.height - MARGIN.top + 2,
        size: 13,
        font: w.fonts.regular,
      });
    }
    const text = `Mã chuỗi kiểm toán: ${input.auditHead} · Lần ${input.revision} · Trang ${i + 1}/${w.pages.length}`;
    page.drawText(text, {
      x: MARGIN.left,
      y: MARGIN.bottom / 2,
      size,
      font: w.fonts.regular,
      color: rgb(0.35, 0.35, 0.35),
    });
  });
}

/**
 * Renders the minutes PDF. Saved without object streams so the signature dictionaries added
 * later by incremental updates stay plain (and readable by every verifier).
 */
export async function renderMinutesPdf(input: MinutesPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Whole fonts, not subsets: pdf-lib's fontkit subsetting garbles Noto Sans's Vietnamese glyphs
  // (checked with pdftoppm), and a legible record matters more than ~1 MB per file.
  const fonts: Fonts = {
    regular: await doc.embedFont(unicodeFont('regular'), { subset: false }),
    bold: await doc.embedFont(unicodeFont('bold'), { subset: false }),
    italic: await doc.embedFont(unicodeFont('italic'), { subset: false }),
  };
  const w = new Writer(doc, fonts);
  header(w, input);
  w.paragraph(plain('BIÊN BẢN', { bold: true }), { size: 14, align: 'center', after: 0 });
  w.paragraph(plain(input.title, { bold: true }), { size: 13, align: 'center', after: 14 });
  body(w, input.blocks);
  signatures(w, input);
  footer(w, input);
  doc.setTitle(`Biên bản: ${input.title}`);
  doc.setSubject(`audit-chain-head:${input.auditHead}`);
  doc.setKeywords([
    `meeting:${input.meetingId}`,
    `revision:${input.revision}`,
    `audit-chain-head:${input.auditHead}`,
  ]);
  doc.setLanguage('vi-VN');
  doc.setCreator('Phòng họp không giấy');
  doc.setProducer('Phòng họp không giấy (pdf-lib)');
  doc.setCreationDate(input.date);
  doc.setModificationDate(input.date);
  return doc.save({ useObjectStreams: false });
}
