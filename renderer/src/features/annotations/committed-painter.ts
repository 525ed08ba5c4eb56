// Keeps a page's canvas of committed annotations in step with the list shown, doing as little
// drawing as it can and never much of it at once:
// - strokes appended to what is on the canvas (a new stroke, a page's list growing while it is
//   checked) are drawn alone, on top;
// - any other change is redrawn in full on a spare canvas and swapped in when done, so the page
//   never shows half its strokes in between;
// - drawing runs in slices (task-slices.ts), so 10,000 strokes never make one long task. Small
//   lists finish within the first slice, synchronously.
import type { PageViewport } from 'pdfjs-dist';
import type { Annotation } from '../../../../shared/annotations/model';
import { drawAnnotation } from './draw-annotations';
import { SLICE_MS, SlicedJob, now } from './task-slices';
import { releaseCanvas } from '../viewer/canvas-size';

export interface Painted {
  /** Annotations on the canvas now. */
  count: number;
  inkCount: number;
}

export function canvasRatio(): number {
  return Math.min(window.devicePixelRatio || 1, 2);
}

/** Sizes a canvas to the viewport (HiDPI, at most 2×); resizing clears it. */
export function sizeCanvas(canvas: HTMLCanvasElement, viewport: PageViewport): number {
  const ratio = canvasRatio();
  const w = Math.floor(viewport.width * ratio);
  const h = Math.floor(viewport.height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return ratio;
}

/** Maps PDF user space to the canvas (the viewport transform times the HiDPI ratio). */
export function setPdfTransform(
  ctx: CanvasRenderingContext2D,
  viewport: PageViewport,
  ratio: number,
): void {
  const [a, b, c, d, e, f] = viewport.transform as [number, number, number, number, number, number];
  ctx.setTransform(a * ratio, b * ratio, c * ratio, d * ratio, e * ratio, f * ratio);
}

/** A list this short is redrawn in place (a few milliseconds at most). */
const SMALL = 300;
/**
 * Strokes recorded per slice at most. Recording is quick; the canvas rasterises later (on the main
 * thread without a GPU, ~0.1 ms a stroke, ~0.3 ms for a pen stroke whose width changes at every
 * point), so the time check alone would let one frame's raster grow to hundreds of milliseconds;
 * 96 pen strokes keep a frame's raster near 30 ms (160 made frames of 40–57 ms).
 */
const MAX_PER_SLICE = 96;

function startsWith<T>(list: readonly T[], prefix: readonly T[]): boolean {
  if (prefix.length > list.length) return false;
  for (let i = 0; i < prefix.length; i++) if (list[i] !== prefix[i]) return false;
  return true;
}

export class CommittedPainter<T extends { a: Annotation }> {
  /** What the visible canvas shows. */
  private drawn: readonly T[] = [];
  private viewport: PageViewport | null = null;
  /** The drawing in progress: its target, list, how far it got, and whether it is a full redraw. */
  private pending: {
    target: HTMLCanvasElement;
    list: readonly T[];
    at: number;
    spare: boolean;
  } | null = null;
  private readonly job = new SlicedJob((deadline) => this.step(deadline));

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onPainted: (p: Painted) => void,
  ) {}

  paint(list: readonly T[], viewport: PageViewport): void {
    this.job.cancel();
    const spare = this.pending?.spare ? this.pending.target : null;
    this.pending = null;
    if (viewport !== this.viewport) {
      // A new zoom clears the canvas anyway: draw straight onto it.
      this.viewport = viewport;
      this.drawn = [];
      this.begin(this.canvas, list.length === 0);
      this.pending = { target: this.canvas, list, at: 0, spare: false };
    } else if (startsWith(list, this.drawn)) {
      if (this.drawn.length === 0 && list.length > 0) this.begin(this.canvas, false);
      this.pending = { target: this.canvas, list, at: this.drawn.length, spare: false };
    } else if (list.length <= SMALL) {
      // Redrawn within the slice: no spare canvas needed to hide the work in progress.
      this.drawn = [];
      this.begin(this.canvas, list.length === 0);
      this.pending = { target: this.canvas, list, at: 0, spare: false };
    } else {
      const target = spare ?? document.createElement('canvas');
      this.begin(target, false);
      this.pending = { target, list, at: 0, spare: true };
    }
    if (spare && this.pending.target !== spare) releaseCanvas(spare);
    if (this.step(now() + SLICE_MS)) this.job.start();
  }

  /** Stops drawing and frees the canvases' memory (the layer is going away). */
  dispose(): void {
    this.job.cancel();
    if (this.pending?.spare) releaseCanvas(this.pending.target);
    this.pending = null;
    releaseCanvas(this.canvas);
  }

  /** Makes `target` a blank canvas the size of the page (or none at all for nothing to draw). */
  private begin(target: HTMLCanvasElement, empty: boolean): void {
    if (!this.viewport) return;
    // A page without annotations keeps no bitmap: allocating one per page costs time and memory.
    if (empty) {
      releaseCanvas(target);
      return;
    }
    const { width, height } = target;
    sizeCanvas(target, this.viewport);
    // Resizing has cleared it already.
    if (target.width !== width || target.height !== height) return;
    const ctx = target.getContext('2d');
    ctx?.setTransform(1, 0, 0, 1, 0, 0);
    ctx?.clearRect(0, 0, target.width, target.height);
  }

  /** Draws until the deadline; true while more remains. */
  private step(deadline: number): boolean {
    const p = this.pending;
    const viewport = this.viewport;
    if (!p || !viewport) return false;
    const ctx = p.target.getContext('2d');
    if (!ctx) return false;
    setPdfTransform(ctx, viewport, canvasRatio());
    const limit = p.at + MAX_PER_SLICE;
    while (p.at < p.list.length) {
      drawAnnotation(ctx, p.list[p.at++]!.a);
      if ((p.at & 15) === 0 && (now() >= deadline || p.at >= limit)) break;
    }
    const done = p.at >= p.list.length;
    if (p.spare && !done) return true;
    if (p.spare) {
      // Swap the finished drawing in at once.
      this.begin(this.canvas, false);
      const out = this.canvas.getContext('2d');
      out?.setTransform(1, 0, 0, 1, 0, 0);
      out?.drawImage(p.target, 0, 0);
      releaseCanvas(p.target);
      this.drawn = p.list;
    } else {
      this.drawn = p.list.slice(0, p.at);
    }
    if (done) this.pending = null;
    let ink = 0;
    for (const s of this.drawn) if (s.a.kind === 'ink') ink++;
    this.onPainted({ count: this.drawn.length, inkCount: ink });
    return !done;
  }
}
