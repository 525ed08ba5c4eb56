// A hand-written check of an ink stroke with exactly the rules of `InkAnnotation` in model.ts.
// Why not zod: under the app's Content-Security-Policy (no eval) zod runs without its compiled
// fast path, and checking a stroke's points as tuples costs ~50 µs each: half a second for a paper
// with 10,000 strokes. This check costs ~1 µs. It is only ever used to accept: a value it rejects
// is still given to zod, so zod stays the judge of everything else, and a unit test holds the two
// in agreement on valid and mutated strokes. Keep it in step with model.ts.
// It checks a stroke as an object: a value stored whole in the binary form (annotation-bytes.ts)
// is decoded first and then checked here like any other.
import type { InkAnnotation } from './model';
import { MAX_INK_POINTS, isPackedInk } from './ink-points';

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const MAX_COORD = 100_000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isString(v: unknown, min: number, max: number): v is string {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}

/** z.number().int().nonnegative(): a safe integer ≥ 0. */
function isTime(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** z.number().min(lo).max(hi) (zod 4 numbers are finite). */
function isIn(v: unknown, lo: number, hi: number): v is number {
  return typeof v === 'number' && v >= lo && v <= hi;
}

function isPoint(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length === 3 &&
    isIn(p[0], -MAX_COORD, MAX_COORD) &&
    isIn(p[1], -MAX_COORD, MAX_COORD) &&
    isIn(p[2], 0, 1)
  );
}

/** True only if `InkAnnotation.safeParse(v)` would succeed (the value is then usable as is). */
export function isValidInk(v: unknown): v is InkAnnotation {
  if (!isRecord(v) || v.kind !== 'ink') return false;
  if (
    !isString(v.id, 1, 64) ||
    !isString(v.author, 1, 100) ||
    !isString(v.authorName, 0, 200) ||
    !isTime(v.createdAt) ||
    !isTime(v.updatedAt) ||
    !isString(v.documentVersion, 0, 128) ||
    typeof v.page !== 'number' ||
    !Number.isSafeInteger(v.page) ||
    v.page < 1 ||
    v.page > 100_000
  )
    return false;
  const style = v.style;
  if (
    !isRecord(style) ||
    typeof style.color !== 'string' ||
    !COLOUR.test(style.color) ||
    !isIn(style.width, 0.1, 100) ||
    !isIn(style.opacity, 0.05, 1)
  )
    return false;
  const points = v.points;
  // The packed form (ink-points.ts) is checked by walking its bytes, without decoding to objects.
  if (points instanceof Uint8Array) return isPackedInk(points);
  if (!Array.isArray(points) || points.length < 1 || points.length > MAX_INK_POINTS) return false;
  for (const p of points) if (!isPoint(p)) return false;
  return true;
}
