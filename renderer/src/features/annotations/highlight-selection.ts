// Turns the browser's text selection (in a pdf.js text layer) into PDF QuadPoints on one page.
import type { PageViewport } from 'pdfjs-dist';
import type { Quad } from '../../../../shared/annotations/model';
import { MAX_QUADS } from '../../../../shared/annotations/model';

export interface SelectionQuads {
  page: number;
  quads: Quad[];
  text: string;
}

export function selectionToQuads(
  sel: Selection | null,
  viewportOf: (page: number) => PageViewport | undefined,
): SelectionQuads | null {
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const start =
    range.startContainer instanceof Element
      ? range.startContainer
      : range.startContainer.parentElement;
  const pageEl = start?.closest<HTMLElement>('.pdf-page');
  const page = Number(pageEl?.dataset.pageNumber);
  const viewport = viewportOf(page);
  if (!pageEl || !viewport) return null;
  const box = pageEl.getBoundingClientRect();
  const quads: Quad[] = [];
  for (const r of range.getClientRects()) {
    if (r.width < 1 || r.height < 1) continue;
    // Only the part on this page (a selection may run into the next one).
    if (r.bottom < box.top || r.top > box.bottom) continue;
    const pt = (x: number, y: number) =>
      viewport.convertToPdfPoint(x - box.left, y - box.top) as [number, number];
    const ul = pt(r.left, r.top);
    const ur = pt(r.right, r.top);
    const ll = pt(r.left, r.bottom);
    const lr = pt(r.right, r.bottom);
    const round = (v: number) => Math.round(v * 100) / 100;
    quads.push([ul[0], ul[1], ur[0], ur[1], ll[0], ll[1], lr[0], lr[1]].map(round) as Quad);
    if (quads.length >= MAX_QUADS) break;
  }
  if (quads.length === 0) return null;
  return { page, quads, text: sel.toString().replace(/\s+/g, ' ').trim() };
}
