// The annotation model shared by the viewer, the host's export and the tests. Geometry is in PDF
// user space (points, origin at the page's bottom-left, unrotated), so an annotation drawn at one
// zoom or rotation lands on the same spot at any other and maps one-to-one onto PDF annotation
// objects (ISO 32000-1 §12.5) when exported.
import { z } from 'zod';
import { MAX_INK_POINTS, flatInk, isPackedInk, packInk } from './ink-points';

const Coord = z.number().finite().min(-100_000).max(100_000);
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** Limits keep one annotation small enough for the sync server's per-update cap. */
export { MAX_INK_POINTS };
export const MAX_NOTE_TEXT = 5000;
export const MAX_QUADS = 400;

/** [x, y, pressure 0..1]; pressure 0.5 when the device reports none (mouse). */
export const InkPoint = z.tuple([Coord, Coord, z.number().min(0).max(1)]);
export type InkPoint = z.infer<typeof InkPoint>;

/** A quadrilateral as PDF QuadPoints order: x1 y1 (upper left) x2 y2 (upper right) x3 y3 x4 y4 (lower). */
export const Quad = z.tuple([Coord, Coord, Coord, Coord, Coord, Coord, Coord, Coord]);
export type Quad = z.infer<typeof Quad>;

export const AnnotationStyle = z.object({
  color: Colour,
  /** Stroke width in PDF points. */
  width: z.number().min(0.1).max(100),
  opacity: z.number().min(0.05).max(1),
});
export type AnnotationStyle = z.infer<typeof AnnotationStyle>;

const Base = z.object({
  id: z.string().min(1).max(64),
  author: z.string().min(1).max(100),
  authorName: z.string().max(200),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  /** The paper version (its SHA-256) the geometry refers to; a newer version may move text. */
  documentVersion: z.string().max(128),
  /** 1-based page number. */
  page: z.number().int().min(1).max(100_000),
  style: AnnotationStyle,
});

/**
 * A stroke's points in the packed form (ink-points.ts: one binary value instead of 3 JSON numbers
 * a point, so a doc with thousands of strokes syncs and applies several times faster).
 */
export const PackedInkPoints = z.custom<Uint8Array>(
  (v) => v instanceof Uint8Array && isPackedInk(v),
  { message: 'not packed ink points' },
);

export const InkAnnotation = Base.extend({
  kind: z.literal('ink'),
  /** Either form: the JSON list (older writers, archives) or packed (what this version writes). */
  points: z.union([z.array(InkPoint).min(1).max(MAX_INK_POINTS), PackedInkPoints]),
});
export const HighlightAnnotation = Base.extend({
  kind: z.literal('highlight'),
  mode: z.enum(['highlight', 'underline', 'strike']),
  quads: z.array(Quad).min(1).max(MAX_QUADS),
  /** The selected text, for the notes list and the export's contents. */
  text: z.string().max(MAX_NOTE_TEXT),
});
export const NoteAnnotation = Base.extend({
  kind: z.literal('note'),
  /** Where the note's icon sits (its top-left corner). */
  at: z.tuple([Coord, Coord]),
  text: z.string().max(MAX_NOTE_TEXT),
});
export const ShapeAnnotation = Base.extend({
  kind: z.literal('shape'),
  shape: z.enum(['rect', 'arrow']),
  /** rect: two opposite corners; arrow: from (tail) then to (head). */
  from: z.tuple([Coord, Coord]),
  to: z.tuple([Coord, Coord]),
});

export const Annotation = z.discriminatedUnion('kind', [
  InkAnnotation,
  HighlightAnnotation,
  NoteAnnotation,
  ShapeAnnotation,
]);
export type Annotation = z.infer<typeof Annotation>;
export type InkAnnotation = z.infer<typeof InkAnnotation>;
export type HighlightAnnotation = z.infer<typeof HighlightAnnotation>;
export type NoteAnnotation = z.infer<typeof NoteAnnotation>;
export type ShapeAnnotation = z.infer<typeof ShapeAnnotation>;
export type AnnotationKind = Annotation['kind'];

/** A reply in a note's thread. Kept apart from the note so concurrent replies never overwrite each other. */
export const NoteReply = z.object({
  id: z.string().min(1).max(64),
  annotationId: z.string().min(1).max(64),
  author: z.string().min(1).max(100),
  authorName: z.string().max(200),
  createdAt: z.number().int().nonnegative(),
  text: z.string().min(1).max(MAX_NOTE_TEXT),
});
export type NoteReply = z.infer<typeof NoteReply>;

/** The two layers of a paper: everyone's shared doc and the caller's private doc. */
export type AnnotationLayer = 'shared' | 'private';
export const LayerChoice = z.enum(['shared', 'mine']);
export type LayerChoice = z.infer<typeof LayerChoice>;

/** Axis-aligned bounds [x1, y1, x2, y2] (x1 ≤ x2, y1 ≤ y2) of an annotation in user space. */
export function boundsOf(a: Annotation): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  switch (a.kind) {
    case 'ink': {
      const f = flatInk(a.points);
      for (let i = 0; i < f.length; i += 3) {
        xs.push(f[i]!);
        ys.push(f[i + 1]!);
      }
      break;
    }
    case 'highlight':
      for (const q of a.quads) {
        xs.push(q[0], q[2], q[4], q[6]);
        ys.push(q[1], q[3], q[5], q[7]);
      }
      break;
    case 'note':
      xs.push(a.at[0], a.at[0] + NOTE_ICON_SIZE);
      ys.push(a.at[1] - NOTE_ICON_SIZE, a.at[1]);
      break;
    case 'shape':
      xs.push(a.from[0], a.to[0]);
      ys.push(a.from[1], a.to[1]);
      break;
  }
  const pad = a.kind === 'note' || a.kind === 'highlight' ? 0 : a.style.width / 2;
  return [
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) + pad,
    Math.max(...ys) + pad,
  ];
}

/** Size of a note's icon in PDF points (the export's /Text annotation uses the same box). */
export const NOTE_ICON_SIZE = 20;

/** Moves an annotation by (dx, dy) in user space; returns a new value (ink in the packed form). */
export function translate<A extends Annotation>(a: A, dx: number, dy: number, now: number): A {
  const moved = { ...a, updatedAt: now } as Annotation;
  switch (moved.kind) {
    case 'ink': {
      const f = flatInk(moved.points);
      const points: InkPoint[] = [];
      for (let i = 0; i < f.length; i += 3) points.push([f[i]! + dx, f[i + 1]! + dy, f[i + 2]!]);
      moved.points = packInk(points);
      break;
    }
    case 'highlight':
      moved.quads = moved.quads.map((q) => q.map((v, i) => v + (i % 2 === 0 ? dx : dy)) as Quad);
      break;
    case 'note':
      moved.at = [moved.at[0] + dx, moved.at[1] + dy];
      break;
    case 'shape':
      moved.from = [moved.from[0] + dx, moved.from[1] + dy];
      moved.to = [moved.to[0] + dx, moved.to[1] + dy];
      break;
  }
  return moved as A;
}
