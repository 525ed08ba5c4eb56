// Paints annotations on a page's canvas. Drawing happens in PDF user space: the canvas transform
// is the page viewport's (times the HiDPI scale), so the same numbers serve every zoom. A canvas
// rather than one DOM/SVG node per stroke keeps a page with thousands of strokes cheap.
import type { Annotation, InkAnnotation } from '../../../../shared/annotations/model';
import { NOTE_ICON_SIZE, boundsOf } from '../../../../shared/annotations/model';
import { MAX_INK_POINTS, flatInk } from '../../../../shared/annotations/ink-points';

export type Transform = [number, number, number, number, number, number];

/** Reused for every stroke drawn (the largest stroke's size): drawing allocates nothing per stroke. */
const scratch = new Float64Array(MAX_INK_POINTS * 3);

function drawInk(ctx: CanvasRenderingContext2D, a: Pick<InkAnnotation, 'points' | 'style'>) {
  // x0 y0 p0 x1 y1 p1 …, decoded from either stored form (packed strokes only now, when drawn).
  const f = flatInk(a.points, scratch);
  const n = f.length / 3;
  if (n === 0) return;
  ctx.strokeStyle = a.style.color;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (n === 1) {
    ctx.fillStyle = a.style.color;
    ctx.beginPath();
    ctx.arc(f[0]!, f[1]!, a.style.width / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  // Pressure changes the width per segment; uniform strokes go in one path (much faster).
  let uniform = true;
  for (let i = 5; i < f.length && uniform; i += 3) uniform = f[i] === f[2];
  if (uniform) {
    ctx.lineWidth = a.style.width * (0.5 + f[2]!);
    ctx.beginPath();
    ctx.moveTo(f[0]!, f[1]!);
    for (let i = 3; i < f.length; i += 3) ctx.lineTo(f[i]!, f[i + 1]!);
    ctx.stroke();
    return;
  }
  for (let i = 3; i < f.length; i += 3) {
    ctx.lineWidth = a.style.width * (0.5 + (f[i - 1]! + f[i + 2]!) / 2);
    ctx.beginPath();
    ctx.moveTo(f[i - 3]!, f[i - 2]!);
    ctx.lineTo(f[i]!, f[i + 1]!);
    ctx.stroke();
  }
}

export function drawAnnotation(ctx: CanvasRenderingContext2D, a: Annotation) {
  ctx.globalAlpha = a.style.opacity;
  switch (a.kind) {
    case 'ink':
      drawInk(ctx, a);
      break;
    case 'highlight':
      for (const q of a.quads) {
        if (a.mode === 'highlight') {
          ctx.globalAlpha = Math.min(0.4, a.style.opacity);
          ctx.fillStyle = a.style.color;
          ctx.beginPath();
          ctx.moveTo(q[0], q[1]);
          ctx.lineTo(q[2], q[3]);
          ctx.lineTo(q[6], q[7]);
          ctx.lineTo(q[4], q[5]);
          ctx.closePath();
          ctx.fill();
        } else {
          const t = a.mode === 'underline' ? 0.08 : 0.5;
          ctx.strokeStyle = a.style.color;
          ctx.lineWidth = Math.max(0.5, Math.abs(q[1] - q[5]) / 14);
          ctx.beginPath();
          ctx.moveTo(q[4], q[5] + (q[1] - q[5]) * t);
          ctx.lineTo(q[6], q[7] + (q[3] - q[7]) * t);
          ctx.stroke();
        }
      }
      break;
    case 'note':
      // The note icon itself is a DOM button (focusable); nothing to paint.
      break;
    case 'shape': {
      ctx.strokeStyle = a.style.color;
      ctx.lineWidth = a.style.width;
      ctx.lineCap = 'round';
      ctx.beginPath();
      if (a.shape === 'rect') {
        ctx.rect(
          Math.min(a.from[0], a.to[0]),
          Math.min(a.from[1], a.to[1]),
          Math.abs(a.to[0] - a.from[0]),
          Math.abs(a.to[1] - a.from[1]),
        );
      } else {
        const [fx, fy] = a.from;
        const [tx, ty] = a.to;
        const head = Math.max(6, a.style.width * 4);
        const ang = Math.atan2(ty - fy, tx - fx);
        ctx.moveTo(fx, fy);
        ctx.lineTo(tx, ty);
        ctx.moveTo(tx - head * Math.cos(ang + 0.45), ty - head * Math.sin(ang + 0.45));
        ctx.lineTo(tx, ty);
        ctx.lineTo(tx - head * Math.cos(ang - 0.45), ty - head * Math.sin(ang - 0.45));
      }
      ctx.stroke();
      break;
    }
  }
  ctx.globalAlpha = 1;
}

export function drawSelection(ctx: CanvasRenderingContext2D, a: Annotation, pxPerPoint: number) {
  const [x1, y1, x2, y2] = boundsOf(a);
  const pad = 4 / pxPerPoint;
  ctx.save();
  ctx.setLineDash([4 / pxPerPoint, 3 / pxPerPoint]);
  ctx.lineWidth = 1.5 / pxPerPoint;
  ctx.strokeStyle = '#0b4a8b';
  ctx.strokeRect(x1 - pad, y1 - pad, x2 - x1 + 2 * pad, y2 - y1 + 2 * pad);
  ctx.restore();
}

export { NOTE_ICON_SIZE };
