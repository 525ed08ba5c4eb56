// The two ways an ink stroke's points may be stored in an annotation doc, and one way to read both.
//
// 1. The original JSON form: `points: [[x, y, pressure], ...]`. Every number is a JSON value, so
//    Yjs (lib0) encodes each as a tagged 9-byte float64 and decodes it one by one: a paper with
//    10,000 strokes of 24 points is 720,000 numbers, ~9 MB and most of a second to apply.
// 2. Packed (what this version writes): `points` is one Uint8Array, which Yjs copies as one
//    binary blob. Layout, version 1:
//
//      byte 0         0x01 (the format's version; any other value is refused)
//      varuint        n, the number of points (1 … MAX_INK_POINTS)
//      n times        zigzag varint dx, zigzag varint dy, one byte pressure
//
//    x and y are in 1/100 PDF point (q = round(v × 100), |q| ≤ 10,000,000, i.e. ±100,000 pt as the
//    JSON form allows), each the difference from the previous point's (the first from 0);
//    pressure is round(p × 255). A varuint is 7 bits a byte, low first, high bit set on all but
//    the last byte, at most 4 bytes (every delta in range fits in 28 bits); zigzag maps 0, -1, 1,
//    -2 … to 0, 1, 2, 3 …. Nothing may follow the last point.
//    Losses: at most 0.005 pt in position (under a thousandth of a screen pixel at 100 %) and
//    0.002 in pressure, never visible. A typical stroke of 24 points takes ~120 bytes instead of
//    ~700, and a paper's doc applies ~5× faster.
//
// Readers accept both forms (archives and clients from before the packed form keep working; a
// client that predates it leaves packed strokes out, as it does any value it cannot validate);
// writers write the packed form. Points are decoded when they are used (drawn, hit, exported),
// into a flat list x0 y0 p0 x1 y1 p1 …, which the hot paths reuse instead of allocating tuples.
// No import from model.ts: the model imports this file (its schema accepts both forms).

/** Limit on a stroke's points, either form (keeps one annotation under the sync's update cap). */
export const MAX_INK_POINTS = 4000;
/** [x, y, pressure 0..1] (model.ts's InkPoint). */
export type InkPoint = [number, number, number];

export const PACKED_INK_VERSION = 1;
/** Coordinates are stored in hundredths of a point. */
const SCALE = 100;
const MAX_Q = 10_000_000;
const PRESSURE_STEPS = 255;

/** Either stored form of a stroke's points. */
export type StoredInkPoints = readonly InkPoint[] | Uint8Array;

function quantise(v: number): number {
  const q = Math.round(v * SCALE);
  if (!Number.isFinite(v) || q < -MAX_Q || q > MAX_Q)
    throw new RangeError(`ink coordinate out of range: ${v}`);
  return q;
}

/**
 * Packs points (x, y in PDF user space, pressure 0..1) into the packed form. Throws on a point
 * the model would refuse (out of range, not finite, too many): writers validate, and a bad point
 * is a programming error.
 */
export function packInk(points: ReadonlyArray<readonly [number, number, number]>): Uint8Array {
  if (points.length < 1 || points.length > MAX_INK_POINTS)
    throw new RangeError(`ink stroke with ${points.length} points`);
  // At most 1 + 2 + 9 bytes a point: sized once, trimmed at the end.
  const out = new Uint8Array(3 + points.length * 9);
  let at = 0;
  const varuint = (v: number) => {
    while (v >= 0x80) {
      out[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[at++] = v;
  };
  const zigzag = (v: number) => varuint(v < 0 ? -2 * v - 1 : 2 * v);
  out[at++] = PACKED_INK_VERSION;
  varuint(points.length);
  let px = 0;
  let py = 0;
  for (const [x, y, p] of points) {
    const qx = quantise(x);
    const qy = quantise(y);
    if (!(p >= 0 && p <= 1)) throw new RangeError(`ink pressure out of range: ${p}`);
    zigzag(qx - px);
    zigzag(qy - py);
    out[at++] = Math.round(p * PRESSURE_STEPS);
    px = qx;
    py = qy;
  }
  return out.slice(0, at);
}

/**
 * Walks packed points, calling `emit` for each (nothing for damaged input) and returning the
 * number of points, or -1 when the bytes are not a valid packed stroke (wrong version, count out
 * of range, a varint too long, a coordinate out of range, missing or trailing bytes).
 */
function walk(
  bytes: Uint8Array,
  emit: ((i: number, x: number, y: number, p: number) => void) | null,
): number {
  const len = bytes.length;
  let at = 1;
  // Reads a varuint of at most 4 bytes; -1 when it runs past the end or is longer.
  const varuint = (): number => {
    let v = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (at >= len) return -1;
      const b = bytes[at++]!;
      v |= (b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    return -1;
  };
  const n = len >= 1 && bytes[0] === PACKED_INK_VERSION ? varuint() : -1;
  if (n < 1 || n > MAX_INK_POINTS) return -1;
  // The shortest point is 3 bytes: a count the bytes cannot hold is refused before any work.
  if (len - at < n * 3) return -1;
  let qx = 0;
  let qy = 0;
  for (let i = 0; i < n; i++) {
    const zx = varuint();
    const zy = varuint();
    if (zx < 0 || zy < 0 || at >= len) return -1;
    qx += zx & 1 ? -(zx + 1) / 2 : zx / 2;
    qy += zy & 1 ? -(zy + 1) / 2 : zy / 2;
    if (qx < -MAX_Q || qx > MAX_Q || qy < -MAX_Q || qy > MAX_Q) return -1;
    const p = bytes[at++]!;
    emit?.(i, qx / SCALE, qy / SCALE, p / PRESSURE_STEPS);
  }
  return at === len ? n : -1;
}

/** The point count a packed stroke claims (0 when it claims none); checked by `walk`, not here. */
function claimedCount(bytes: Uint8Array): number {
  if (bytes.length < 2 || bytes[0] !== PACKED_INK_VERSION) return 0;
  let n = 0;
  for (let at = 1, shift = 0; at < bytes.length && shift < 28; at++, shift += 7) {
    n |= (bytes[at]! & 0x7f) << shift;
    if (bytes[at]! < 0x80) return n <= MAX_INK_POINTS ? n : 0;
  }
  return 0;
}

/** Whether `bytes` is a valid packed stroke (what the model accepts as `points`). No allocation. */
export function isPackedInk(bytes: Uint8Array): boolean {
  return walk(bytes, null) > 0;
}

/** The packed stroke's points as tuples, or null when the bytes are damaged. */
export function unpackInk(bytes: Uint8Array): InkPoint[] | null {
  const out: InkPoint[] = [];
  return walk(bytes, (_i, x, y, p) => out.push([x, y, p])) > 0 ? out : null;
}

/** The points as tuples, whichever form they are stored in ([] for damaged packed bytes). */
export function inkPoints(points: StoredInkPoints): readonly InkPoint[] {
  return points instanceof Uint8Array ? (unpackInk(points) ?? []) : points;
}

/**
 * The points as one flat list x0 y0 p0 x1 y1 p1 … (length 3n), whichever form they are stored
 * in; empty for damaged packed bytes. With `scratch`, the list is a view of it when it fits, so
 * drawing thousands of strokes allocates nothing; the view is only good until the next call.
 */
export function flatInk(points: StoredInkPoints, scratch?: Float64Array): Float64Array {
  const n = points instanceof Uint8Array ? claimedCount(points) : points.length;
  if (n <= 0) return new Float64Array(0);
  const out =
    scratch && scratch.length >= n * 3 ? scratch.subarray(0, n * 3) : new Float64Array(n * 3);
  if (points instanceof Uint8Array) {
    // One pass decodes and checks: damaged bytes give nothing rather than a partial stroke.
    const ok = walk(points, (i, x, y, p) => {
      out[i * 3] = x;
      out[i * 3 + 1] = y;
      out[i * 3 + 2] = p;
    });
    if (ok !== n) return new Float64Array(0);
  } else
    for (let i = 0; i < n; i++) {
      const q = points[i]!;
      out[i * 3] = q[0];
      out[i * 3 + 1] = q[1];
      out[i * 3 + 2] = q[2];
    }
  return out;
}
