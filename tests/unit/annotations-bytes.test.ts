import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ANNOTATION_BYTES_VERSION,
  claimedAuthorOf,
  claimedCreatedAtOf,
  claimedKindOf,
  claimedPageOf,
  decodeAnnotation,
  encodeAnnotation,
  readStoredAnnotation,
} from '../../shared/annotations/annotation-bytes';
import { inkPoints, packInk } from '../../shared/annotations/ink-points';
import type { InkPoint } from '../../shared/annotations/ink-points';
import { Annotation } from '../../shared/annotations/model';
import {
  annotationsMap,
  putAnnotation,
  readAnnotation,
  readAnnotations,
  shareAnnotation,
} from '../../shared/annotations/ydoc';

const base = {
  author: 'u-1',
  authorName: 'Lê Minh Đức',
  createdAt: 1_700_000_000_123,
  updatedAt: 1_700_000_000_456,
  documentVersion: 'e3b0c442',
  page: 7,
  style: { color: '#1565C0', width: 1.5, opacity: 0.4 },
};
// Hundredths and 1/255 pressures: exactly what the packed form keeps, so round trips are exact.
const points: InkPoint[] = [
  [10.25, 20.5, 0],
  [-30.01, 99_999.99, 1],
  [31, 40, 51 / 255],
];

const samples: Annotation[] = [
  { ...base, id: 'ink-json', kind: 'ink', points },
  { ...base, id: 'ink-packed', kind: 'ink', points: packInk(points) },
  {
    ...base,
    id: 'hl',
    kind: 'highlight',
    mode: 'underline',
    quads: [[1, 2, 3, 4, 5, 6, 7, 8.5]],
    text: 'Điều 5 — "quoted" \\ text',
  },
  { ...base, id: 'note', kind: 'note', at: [100.5, -200], text: 'Ghi chú\nline two 🙂' },
  { ...base, id: 'arrow', kind: 'shape', shape: 'arrow', from: [0, 0], to: [-100_000, 100_000] },
  { ...base, id: 'rect', kind: 'shape', shape: 'rect', from: [1, 2], to: [3, 4] },
];

/** The annotation with its ink points as tuples (how the forms compare). */
function plain(a: Annotation | undefined): unknown {
  if (!a) return a;
  return a.kind === 'ink' ? { ...a, points: inkPoints(a.points) } : a;
}

describe('annotation stored as one binary value', () => {
  it('round-trips every kind', () => {
    for (const a of samples) {
      const bytes = encodeAnnotation(a);
      expect(bytes[0]).toBe(ANNOTATION_BYTES_VERSION);
      const back = decodeAnnotation(bytes);
      expect(plain(back)).toEqual(plain(a));
      expect(Annotation.safeParse(back).success).toBe(true);
      // The header answers without decoding.
      expect(claimedKindOf(bytes)).toBe(a.kind);
      expect(claimedPageOf(bytes)).toBe(7);
      expect(claimedCreatedAtOf(bytes)).toBe(a.createdAt);
      expect(claimedAuthorOf(bytes)).toMatchObject({ author: 'u-1', name: 'Lê Minh Đức' });
      if (back?.kind === 'ink') expect(back.points).toBeInstanceOf(Uint8Array);
    }
  });

  it('reads the three forms of a value alike', () => {
    for (const a of samples) {
      const json = a.kind === 'ink' ? { ...a, points: inkPoints(a.points) } : a;
      const packed = a.kind === 'ink' ? { ...a, points: packInk(inkPoints(a.points)) } : a;
      const forms = [json, packed, encodeAnnotation(a)].map((v) => plain(readStoredAnnotation(v)));
      expect(forms[0]).toEqual(plain(a));
      expect(forms[1]).toEqual(forms[0]);
      expect(forms[2]).toEqual(forms[0]);
    }
  });

  it('writes the binary form to the doc and reads all three back', () => {
    const doc = new Y.Doc();
    putAnnotation(doc, samples[0]!);
    annotationsMap(doc).set('old', { ...samples[0]!, id: 'old', createdAt: 1 });
    annotationsMap(doc).set('packed', { ...samples[1]!, id: 'packed', createdAt: 2 });
    expect(annotationsMap(doc).get('ink-json')).toBeInstanceOf(Uint8Array);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readAnnotations(copy).map((a) => a.id)).toEqual(['old', 'packed', 'ink-json']);
    expect(plain(readAnnotation(copy, 'ink-json'))).toEqual(plain(samples[0]));
    // Sharing moves it in the binary form too.
    const shared = new Y.Doc();
    expect(shareAnnotation(copy, shared, 'old', 99)).toBe(true);
    expect(annotationsMap(shared).get('old')).toBeInstanceOf(Uint8Array);
    expect(readAnnotation(shared, 'old')?.updatedAt).toBe(99);
  });

  it('lets the header win over the JSON part, and still holds the result to the model', () => {
    const bytes = encodeAnnotation(samples[3]!);
    expect(decodeAnnotation(bytes)?.page).toBe(7);
    const wrongPage = bytes.slice();
    wrongPage[2] = 0; // page 0
    expect(claimedPageOf(wrongPage)).toBe(0);
    expect(decodeAnnotation(wrongPage)).toBeUndefined();
  });

  it('refuses damaged input without throwing', () => {
    const junk: unknown[] = [
      new Uint8Array(0),
      new Uint8Array([ANNOTATION_BYTES_VERSION]),
      new Uint8Array(40),
      Uint8Array.from(encodeAnnotation(samples[0]!), (b, i) => (i === 0 ? 2 : b)),
      Uint8Array.from(encodeAnnotation(samples[0]!), (b, i) => (i === 1 ? 9 : b)),
      encodeAnnotation(samples[2]!).subarray(0, 30),
    ];
    for (const j of junk) expect(readStoredAnnotation(j)).toBeUndefined();
    // Trailing bytes after a non-ink value are refused; after ink they break the packed points.
    for (const a of [samples[0]!, samples[2]!]) {
      const b = encodeAnnotation(a);
      const longer = new Uint8Array(b.length + 1);
      longer.set(b);
      expect(decodeAnnotation(longer)).toBeUndefined();
    }
  });

  it('survives 500 random mutations: never throws, and whatever it accepts is valid', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let accepted = 0;
    for (let i = 0; i < 500; i++) {
      const b = encodeAnnotation(samples[i % samples.length]!).slice();
      const m = Math.floor(rnd() * 4);
      let damaged: Uint8Array;
      if (m === 0) damaged = b.subarray(0, Math.floor(rnd() * b.length));
      else {
        damaged = b;
        for (let k = 0; k <= m; k++)
          damaged[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      }
      let out: Annotation | undefined;
      expect(() => (out = decodeAnnotation(damaged))).not.toThrow();
      expect(() => claimedAuthorOf(damaged)).not.toThrow();
      if (out) {
        accepted++;
        expect(Annotation.safeParse(out).success).toBe(true);
      }
    }
    // Some mutations land in free text or coordinates and stay valid; most do not.
    expect(accepted).toBeLessThan(500);
  });

  it('decodes a 24-point stroke in a few microseconds', () => {
    const pts = Array.from({ length: 24 }, (_, k): InkPoint => [40 + k * 3, 60 + k, 0.5]);
    const bytes = encodeAnnotation({ ...base, id: 's1', kind: 'ink', points: pts });
    for (let i = 0; i < 2000; i++) decodeAnnotation(bytes);
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) decodeAnnotation(bytes);
    const perStroke = (performance.now() - t0) / 10_000;
    // A generous bound (shared CI machines); measured ~3 µs.
    expect(perStroke).toBeLessThan(0.05);
  });
});
