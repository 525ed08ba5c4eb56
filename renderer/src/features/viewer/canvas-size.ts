// HiDPI sharpness without running out of memory: a page canvas is drawn at the device pixel ratio,
// but tablets cap canvas area (iOS Safari ~16.7 M pixels) and a 300 % zoom on a 3× screen would
// ask for far more. We keep the ratio while the area fits and scale it down when it does not.

/** Canvas area cap in device pixels (4096 × 4096), safe on every browser we target. */
export const MAX_CANVAS_PIXELS = 4096 * 4096;

/** The backing-store scale for a page of `cssWidth × cssHeight` CSS pixels. */
export function outputScale(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
  maxPixels = MAX_CANVAS_PIXELS,
): number {
  const ratio = Math.max(1, devicePixelRatio || 1);
  const area = cssWidth * cssHeight;
  if (area <= 0) return ratio;
  const capped = Math.sqrt(maxPixels / area);
  return Math.min(ratio, capped);
}

/** Zoom limits (1 = 100 %, real size) and steps for the zoom buttons. */
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 5;
export function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

export type ZoomMode = 'fit-width' | 'fit-page' | 'custom';

/** The scale that fits a page of `pageW × pageH` (CSS px at scale 1) into the view. */
export function fitScale(
  mode: Exclude<ZoomMode, 'custom'>,
  pageW: number,
  pageH: number,
  viewW: number,
  viewH: number,
  margin = 16,
): number {
  const w = Math.max(50, viewW - 2 * margin) / pageW;
  if (mode === 'fit-width') return clampScale(w);
  const h = Math.max(50, viewH - 2 * margin) / pageH;
  return clampScale(Math.min(w, h));
}

/** Frees a canvas's backing store at once rather than at the next garbage collection. */
export function releaseCanvas(canvas: { width: number; height: number } | null | undefined): void {
  if (!canvas) return;
  canvas.width = 0;
  canvas.height = 0;
}
