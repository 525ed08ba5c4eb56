// The current viewport of each drawn page, so a text selection can be turned into PDF quads.
import type { PageViewport } from 'pdfjs-dist';

export class ViewportRegistry {
  private readonly map = new Map<number, PageViewport>();
  set(page: number, vp: PageViewport): void {
    this.map.set(page, vp);
  }
  delete(page: number, vp: PageViewport): void {
    if (this.map.get(page) === vp) this.map.delete(page);
  }
  get(page: number): PageViewport | undefined {
    return this.map.get(page);
  }
}
