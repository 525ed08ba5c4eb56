// One annotation stored as ONE binary value (a Uint8Array) in an annotation doc's map.
//
// Why: Yjs (lib0) decodes a JSON-like value key by key and string by string (~20 keys and strings
// an annotation, each a TextDecoder call): for a paper with 10,000 strokes that was ~140 ms of the
// doc's first apply. A Uint8Array is copied as one blob, and nothing in it is decoded until the
// annotation is read (its page drawn, exported, hit). The fields a viewer needs to file an entry
// before reading it (kind, page, times, author) sit in a fixed header, read without decoding.
//
// Layout, version 1 (integers little-endian):
//
//   byte 0        0x01, the format's version (any other value is refused)
//   byte 1        kind: 1 ink, 2 highlight, 3 note, 4 shape
//   bytes 2–5     page, uint32
//   bytes 6–13    createdAt: uint32 low, uint32 high (value = high × 2^32 + low)
//   bytes 14–21   updatedAt, the same way
//   varuint + UTF-8   author
//   varuint + UTF-8   authorName
//   varuint + UTF-8   JSON object of every other field but an ink stroke's points (id,
//                     documentVersion, style and the kind's own fields)
//   ink only:     the rest is the stroke's points in the packed form (ink-points.ts); for the
//                 other kinds nothing may follow the JSON.
//
// Varuints are 7 bits a byte, low first, at most 4 bytes. The decoded value is then held to the
// model's rules like any other (ink-check.ts's fast check, else zod), so a blob is never trusted
// more than a JSON value. Decoding never throws: damaged input gives undefined.
//
// Readers take all three forms of a value: this one, a JSON object with packed points, and a JSON
// object with point lists (`readStoredAnnotation`). Writers write this one (`encodeAnnotation`).
// Measured in Node on a 24-point stroke: decode + check ~3 µs (one TextDecoder call and a small
// JSON.parse), against lib0 decoding the JSON form's ~20 values on every apply.
import { Annotation } from './model';
import type { AnnotationKind } from './model';
import { isValidInk } from './ink-check';
import { packInk } from './ink-points';

export const ANNOTATION_BYTES_VERSION = 1;

const KINDS: readonly AnnotationKind[] = ['ink', 'highlight', 'note', 'shape'];
const HEADER = 22;
/** Longest string field of the model (a note's text) is 5000 characters, ≤ 15,000 UTF-8 bytes. */
const MAX_AUTHOR_BYTES = 400;
const MAX_NAME_BYTES = 800;
/** The JSON part: a highlight's 400 quads of 8 coordinates plus its text stay well below this. */
const MAX_JSON_BYTES = 1 << 20;

const encoder = new TextEncoder();
// `fatal`: invalid UTF-8 is refused rather than read as replacement characters.
const decoder = new TextDecoder('utf-8', { fatal: true });

function varuintSize(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v >>>= 7;
    n++;
  }
  return n;
}

/**
 * The stored form of a valid annotation. Ink points given as a JSON list are packed first. Throws
 * on a value the model would refuse (writers validate first; a bad value is a programming error).
 */
export function encodeAnnotation(a: Annotation): Uint8Array {
  const author = encoder.encode(a.author);
  const name = encoder.encode(a.authorName);
  // Everything but the header's fields (and an ink stroke's points, which follow as bytes).
  const { kind, page, createdAt, updatedAt, author: _a, authorName: _n, ...rest } = a;
  let points: Uint8Array | null = null;
  if (a.kind === 'ink') {
    points = a.points instanceof Uint8Array ? a.points : packInk(a.points);
    delete (rest as { points?: unknown }).points;
  }
  const json = encoder.encode(JSON.stringify(rest));
  if (json.length > MAX_JSON_BYTES || author.length > MAX_AUTHOR_BYTES)
    throw new RangeError('annotation too large to store');
  const size =
    HEADER +
    varuintSize(author.length) +
    author.length +
    varuintSize(name.length) +
    name.length +
    varuintSize(json.length) +
    json.length +
    (points?.length ?? 0);
  const out = new Uint8Array(size);
  let at = 0;
  const u32 = (v: number) => {
    out[at++] = v & 0xff;
    out[at++] = (v >>> 8) & 0xff;
    out[at++] = (v >>> 16) & 0xff;
    out[at++] = (v >>> 24) & 0xff;
  };
  const time = (t: number) => {
    u32(t % 2 ** 32);
    u32(Math.floor(t / 2 ** 32));
  };
  const bytes = (b: Uint8Array) => {
    let v = b.length;
    while (v >= 0x80) {
      out[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[at++] = v;
    out.set(b, at);
    at += b.length;
  };
  out[at++] = ANNOTATION_BYTES_VERSION;
  out[at++] = KINDS.indexOf(kind) + 1;
  u32(page);
  time(createdAt);
  time(updatedAt);
  bytes(author);
  bytes(name);
  bytes(json);
  if (points) out.set(points, at);
  return out;
}

function u32At(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** A stored binary value whose header is whole and of a known version and kind. */
function headerOk(b: Uint8Array): boolean {
  return b.length > HEADER && b[0] === ANNOTATION_BYTES_VERSION && b[1]! >= 1 && b[1]! <= 4;
}

/** The kind a stored binary value claims (unchecked beyond its header), or undefined. */
export function claimedKindOf(b: Uint8Array): AnnotationKind | undefined {
  return headerOk(b) ? KINDS[b[1]! - 1] : undefined;
}

/** The page a stored binary value claims (0: none). Reads 4 bytes; decodes nothing. */
export function claimedPageOf(b: Uint8Array): number {
  if (!headerOk(b)) return 0;
  const p = u32At(b, 2);
  return p >= 1 && p <= 100_000 ? p : 0;
}

/** The creation time a stored binary value claims (NaN: none). Decodes nothing. */
export function claimedCreatedAtOf(b: Uint8Array): number {
  return headerOk(b) ? u32At(b, 10) * 2 ** 32 + u32At(b, 6) : Number.NaN;
}

/** Reads a varuint of at most 4 bytes at `at`: [value, next offset], or null past the end. */
function varuintAt(b: Uint8Array, at: number): [number, number] | null {
  let v = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (at >= b.length) return null;
    const byte = b[at++]!;
    v |= (byte & 0x7f) << shift;
    if (byte < 0x80) return [v, at];
  }
  return null;
}

/** The [start, end) of a length-prefixed field at `at`, or null when it overruns `max` or the end. */
function fieldAt(b: Uint8Array, at: number, max: number): [number, number] | null {
  const r = varuintAt(b, at);
  if (!r || r[0] > max || r[1] + r[0] > b.length) return null;
  return [r[1], r[1] + r[0]];
}

function text(b: Uint8Array, range: [number, number]): string | undefined {
  // Short ASCII (a stroke's JSON part, ids, most author ids) is read byte by byte: in Chromium a
  // TextDecoder call costs ~3–4 µs before it is warm (the subarray it needs, the binding), which
  // was most of a stroke's decode; this loop costs well under a microsecond.
  if (range[1] - range[0] <= 512) {
    let s = '';
    let i = range[0];
    for (; i < range[1]; i++) {
      const c = b[i]!;
      if (c >= 0x80) break;
      s += String.fromCharCode(c);
    }
    if (i === range[1]) return s;
  }
  try {
    return decoder.decode(b.subarray(range[0], range[1]));
  } catch {
    return undefined;
  }
}

/**
 * Author strings seen lately, by their bytes: a paper's thousands of entries come from a few
 * people, so filing them (the viewer's per-author filter) and decoding them compare a few bytes
 * instead of calling TextDecoder twice an entry.
 */
const recentAuthors: Array<{ bytes: Uint8Array; author: string; name: string }> = [];

/** Author and name of a value whose header is whole; `end` is where the name's bytes end. */
function authorAt(
  b: Uint8Array,
  end: number,
  a: [number, number],
  n: [number, number],
): { author: string; name: string } | undefined {
  const len = end - HEADER;
  for (const r of recentAuthors) {
    if (r.bytes.length !== len) continue;
    let i = 0;
    while (i < len && r.bytes[i] === b[HEADER + i]) i++;
    if (i === len) return r;
  }
  const author = text(b, a);
  const name = text(b, n);
  if (author === undefined || name === undefined) return undefined;
  const r = { bytes: b.slice(HEADER, end), author, name };
  recentAuthors.unshift(r);
  if (recentAuthors.length > 16) recentAuthors.pop();
  return r;
}

/**
 * The author and author name a stored binary value claims (unchecked beyond being UTF-8 of a
 * sensible length), or undefined.
 */
export function claimedAuthorOf(b: Uint8Array): { author: string; name: string } | undefined {
  if (!headerOk(b)) return undefined;
  const a = fieldAt(b, HEADER, MAX_AUTHOR_BYTES);
  const n = a && fieldAt(b, a[1], MAX_NAME_BYTES);
  return a && n ? authorAt(b, n[1], a, n) : undefined;
}

/**
 * The annotation a stored binary value holds, if it is whole and valid by the model's rules;
 * undefined for anything else (never throws). An ink stroke's points are a view of `b`.
 */
export function decodeAnnotation(b: Uint8Array): Annotation | undefined {
  if (!headerOk(b)) return undefined;
  const a = fieldAt(b, HEADER, MAX_AUTHOR_BYTES);
  const n = a && fieldAt(b, a[1], MAX_NAME_BYTES);
  const j = n && fieldAt(b, n[1], MAX_JSON_BYTES);
  if (!a || !n || !j) return undefined;
  const kind = KINDS[b[1]! - 1]!;
  if (kind !== 'ink' && j[1] !== b.length) return undefined;
  const who = authorAt(b, n[1], a, n);
  const json = text(b, j);
  if (!who || json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // The parsed object is fresh, so the header's fields are set on it rather than copied into
  // another; they win over anything the JSON part claims under the same names.
  const v = value as Record<string, unknown>;
  v.kind = kind;
  v.author = who.author;
  v.authorName = who.name;
  v.page = u32At(b, 2);
  v.createdAt = u32At(b, 10) * 2 ** 32 + u32At(b, 6);
  v.updatedAt = u32At(b, 18) * 2 ** 32 + u32At(b, 14);
  if (kind === 'ink') v.points = b.subarray(j[1]);
  // The fast check accepts most strokes; zod judges the rest (and every other kind).
  if (isValidInk(v)) return v;
  const r = Annotation.safeParse(v);
  return r.success ? r.data : undefined;
}

/**
 * An annotation doc's value in any of its three forms (this binary form, a JSON object with packed
 * points, a JSON object with point lists), if valid; undefined otherwise (never throws).
 */
export function readStoredAnnotation(value: unknown): Annotation | undefined {
  if (value instanceof Uint8Array) return decodeAnnotation(value);
  if (isValidInk(value)) return value;
  const r = Annotation.safeParse(value);
  return r.success ? r.data : undefined;
}
