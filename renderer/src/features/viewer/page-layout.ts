// Where each page sits in the continuous scroll. Sizes are known for pages already loaded; the
// others take the first page's size (most papers are uniform), as pdf.js's own viewer does.

export const PAGE_GAP = 12;

/** A page's size in CSS px at zoom 1. */
export interface PageSize {
  width: number;
  height: number;
}

export interface PageLayout {
  /** Top offset (CSS px) of each page, index 0 = page 1. */
  tops: number[];
  heights: number[];
  widths: number[];
  total: number;
}

export function layoutPages(
  count: number,
  sizeOf: (index: number) => { width: number; height: number },
  scale: number,
): PageLayout {
  const tops: number[] = [];
  const heights: number[] = [];
  const widths: number[] = [];
  let y = PAGE_GAP;
  for (let i = 0; i < count; i++) {
    const s = sizeOf(i);
    tops.push(y);
    heights.push(Math.round(s.height * scale));
    widths.push(Math.round(s.width * scale));
    y += heights[i]! + PAGE_GAP;
  }
  return { tops, heights, widths, total: y };
}

/** Index of the last page whose top is at or above `y` (binary search). */
export function pageAt(layout: PageLayout, y: number): number {
  let lo = 0;
  let hi = layout.tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** First and last visible page indexes in the viewport [top, top + height]. */
export function visibleRange(layout: PageLayout, top: number, height: number): [number, number] {
  if (layout.tops.length === 0) return [0, -1];
  return [pageAt(layout, top), pageAt(layout, top + height)];
}

/** The page that counts as "current": the one covering the viewport's upper third. */
export function currentPageIndex(layout: PageLayout, top: number, height: number): number {
  return pageAt(layout, top + height / 3);
}
