// Builds real PDFs with Vietnamese text (Noto Sans embedded): the demo papers, and large files
// for tests and benchmarks.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { unicodeFont } from '../pdf/fonts';

export interface PaperSpec {
  title: string;
  /** Printed above the title (the issuing body). */
  organization?: string;
  /** One entry per page: paragraphs of that page. */
  pages: string[][];
  /** Marked "MẬT" in the corner of every page. */
  confidential?: boolean;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

const wrapCache = new WeakMap<PDFFont, Map<string, string[]>>();

/** Lines of a paragraph at a width; measured once per font (long generated papers repeat text). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  let cache = wrapCache.get(font);
  if (!cache) wrapCache.set(font, (cache = new Map()));
  const key = `${size}:${width}:${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const lines = wrapUncached(text, font, size, width);
  cache.set(key, lines);
  return lines;
}

function wrapUncached(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function drawParagraphs(
  page: PDFPage,
  font: PDFFont,
  paragraphs: readonly string[],
  startY: number,
): void {
  const size = 12;
  const width = A4.width - 2 * MARGIN;
  let y = startY;
  for (const p of paragraphs) {
    for (const line of wrap(p, font, size, width)) {
      if (y < MARGIN + 20) return;
      page.drawText(line, { x: MARGIN, y, size, font });
      y -= size * 1.5;
    }
    y -= size * 0.6;
  }
}

export async function generatePaper(spec: PaperSpec): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // ccmp off: Noto's glyph composition turns 'ụ' into 'u' + a combining dot, and pdf-lib then maps
  // the plain 'u' glyph back to 'ụ' in ToUnicode, which breaks text search and copy. Every
  // Vietnamese letter has its own precomposed glyph, so nothing is lost.
  // Whole fonts, not subsets (as for the minutes): pdf-lib's fontkit writes subsets whose glyph
  // offsets drift, so most letters drew blank in every viewer while the text layer read fine.
  const regular = await pdf.embedFont(unicodeFont('regular'), {
    subset: false,
    features: { ccmp: false },
  });
  const bold = await pdf.embedFont(unicodeFont('bold'), {
    subset: false,
    features: { ccmp: false },
  });
  pdf.setTitle(spec.title, { showInWindowTitleBar: true });
  pdf.setLanguage('vi-VN');
  pdf.setProducer('Phòng họp không giấy');
  spec.pages.forEach((paragraphs, i) => {
    const page = pdf.addPage([A4.width, A4.height]);
    let y = A4.height - MARGIN;
    if (spec.confidential) {
      page.drawText('MẬT', {
        x: A4.width - MARGIN - 40,
        y,
        size: 16,
        font: bold,
        color: rgb(0.75, 0, 0),
      });
    }
    if (i === 0) {
      if (spec.organization) {
        page.drawText(spec.organization, { x: MARGIN, y, size: 11, font: bold });
        y -= 28;
      }
      for (const line of wrap(spec.title.toUpperCase(), bold, 15, A4.width - 2 * MARGIN)) {
        page.drawText(line, { x: MARGIN, y, size: 15, font: bold });
        y -= 22;
      }
      y -= 12;
    }
    drawParagraphs(page, regular, paragraphs, y);
    page.drawText(`Trang ${i + 1}/${spec.pages.length}`, {
      x: A4.width / 2 - 24,
      y: 28,
      size: 9,
      font: regular,
    });
  });
  return pdf.save();
}

/** A long paper for tests and benchmarks: `pages` pages of Vietnamese text, each page numbered. */
export async function generateLongPaper(
  pages: number,
  title = 'Tài liệu thử nghiệm nhiều trang',
): Promise<Uint8Array> {
  const body = [
    'Căn cứ Luật Tổ chức chính quyền địa phương, Ủy ban nhân dân tỉnh báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội.',
    'Tổng sản phẩm trên địa bàn tăng trưởng ổn định; thu ngân sách đạt kế hoạch đề ra; đời sống người dân từng bước được cải thiện.',
    'Đề nghị các đại biểu nghiên cứu, cho ý kiến về những đề xuất, kiến nghị nêu tại báo cáo này.',
  ];
  return generatePaper({
    title,
    organization: 'ỦY BAN NHÂN DÂN TỈNH',
    pages: Array.from({ length: pages }, (_, i) => [
      `Mục ${i + 1}. Nội dung trang số ${i + 1}.`,
      ...body,
    ]),
  });
}
