// Find in document: every page's text is extracted once (lazily, on the first search) and matched
// with Vietnamese folding, so "quyet dinh" finds "Quyết định" and "dau tu" finds "đầu tư".
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { foldVietnamese } from '../../../../shared/text/fold';

export interface FindHit {
  page: number;
  /** Index of this hit among the hits on its page (the text layer counts the same way). */
  index: number;
}

const cache = new WeakMap<PDFDocumentProxy, Promise<string[]>>();

/** Page texts as the TextLayer joins them (items concatenated), folded. */
function foldedPages(pdf: PDFDocumentProxy): Promise<string[]> {
  let p = cache.get(pdf);
  if (!p) {
    p = (async () => {
      const out: string[] = [];
      for (let i = 1; i <= pdf.numPages; i++) {
        const page = await pdf.getPage(i);
        const content = await page.getTextContent();
        out.push(foldVietnamese(content.items.map((it) => ('str' in it ? it.str : '')).join('')));
        page.cleanup();
      }
      return out;
    })();
    cache.set(pdf, p);
  }
  return p;
}

export async function findInDocument(pdf: PDFDocumentProxy, query: string): Promise<FindHit[]> {
  const q = foldVietnamese(query.trim());
  if (!q) return [];
  const pages = await foldedPages(pdf);
  const hits: FindHit[] = [];
  pages.forEach((text, i) => {
    let from = 0;
    let index = 0;
    for (;;) {
      const at = text.indexOf(q, from);
      if (at < 0) break;
      hits.push({ page: i + 1, index: index++ });
      from = at + q.length;
    }
  });
  return hits;
}
