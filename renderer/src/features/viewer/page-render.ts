// Draws one page into a canvas of its own (never into the one on screen): when it is done the
// page swaps its canvas for the new one, so a re-render at a new zoom never shows a blank page
// and no bitmap is copied. A render may be started before its turn (see render-scheduler.ts):
// pdf.js then fetches the page's operator list and fonts, and drawing waits until `draw()`.
import type { PDFPageProxy, PageViewport, RenderTask } from 'pdfjs-dist';
import { loadedPdfjs } from './pdfjs-loader';
import { outputScale, releaseCanvas } from './canvas-size';

export interface PageRender {
  /** Lets it draw; resolves with the finished canvas, rejects when cancelled or failed. */
  draw(): Promise<HTMLCanvasElement>;
  /** Stops it and frees its canvas (a no-op once `draw()` settled). */
  cancel(): void;
}

export function startPageRender(
  page: PDFPageProxy,
  viewport: PageViewport,
  devicePixelRatio: number,
): PageRender {
  const out = outputScale(viewport.width, viewport.height, devicePixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * out);
  canvas.height = Math.floor(viewport.height * out);
  canvas.className = 'pdf-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  let allow: () => void = () => {};
  const allowed = new Promise<void>((resolve) => (allow = resolve));
  let settled = false;
  const task: RenderTask = page.render({
    canvas,
    viewport,
    transform: out !== 1 ? [out, 0, 0, out, 0, 0] : undefined,
    // The page came from pdf.js, so pdf.js has loaded; 1 is its AnnotationMode.ENABLE.
    annotationMode: loadedPdfjs()?.pdfjs.AnnotationMode.ENABLE ?? 1,
  });
  // pdf.js asks before each slice of drawing; the first waits for this render's turn.
  task.onContinue = (cont: () => void) => void allowed.then(cont);
  const done = task.promise.then(
    () => {
      settled = true;
      return canvas;
    },
    (err: unknown) => {
      settled = true;
      releaseCanvas(canvas);
      throw err;
    },
  );
  // A prepared render that is cancelled before its turn is never awaited.
  done.catch(() => undefined);
  return {
    draw() {
      allow();
      return done;
    },
    cancel() {
      if (settled) return;
      task.cancel();
    },
  };
}
