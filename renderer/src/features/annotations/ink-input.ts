// Pen input helpers: which pointers may draw (palm rejection), and stroke smoothing.

export type PointerKind = 'pen' | 'touch' | 'mouse';

/**
 * Palm rejection by pointer type: once a stylus has been seen on this device, fingers no longer
 * draw (a resting palm shows up as touch), they scroll and pinch instead. Without a stylus, a
 * finger draws when a drawing tool is chosen.
 */
export function pointerMayDraw(kind: string, penSeen: boolean): boolean {
  if (kind === 'pen' || kind === 'mouse') return true;
  return kind === 'touch' && !penSeen;
}

/** Pressure as reported, or 0.5 for devices that report none (mouse: 0 when up, 0.5 when down). */
export function normalisePressure(kind: string, pressure: number): number {
  if (kind !== 'pen' || !Number.isFinite(pressure) || pressure <= 0) return 0.5;
  return Math.min(1, pressure);
}

/**
 * Smooths a stroke with an exponential moving average on position (pressure kept), then drops
 * points closer than `minDistance` to the previous one. Keeps the first and last points exact so
 * a stroke starts and ends where the pen did.
 */
export function smoothStroke(
  points: ReadonlyArray<readonly [number, number, number]>,
  factor = 0.5,
  minDistance = 0.4,
): Array<[number, number, number]> {
  if (points.length <= 2) return points.map((p) => [p[0], p[1], p[2]]);
  const out: Array<[number, number, number]> = [[points[0]![0], points[0]![1], points[0]![2]]];
  let [sx, sy] = [points[0]![0], points[0]![1]];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    sx = sx + factor * (p[0] - sx);
    sy = sy + factor * (p[1] - sy);
    const prev = out[out.length - 1]!;
    if (Math.hypot(sx - prev[0], sy - prev[1]) >= minDistance)
      out.push([round(sx), round(sy), round(p[2])]);
  }
  const lastP = points[points.length - 1]!;
  out.push([round(lastP[0]), round(lastP[1]), round(lastP[2])]);
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Distance from point p to segment a–b. */
export function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
