import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_INK_POINTS,
  PACKED_INK_VERSION,
  flatInk,
  inkPoints,
  isPackedInk,
  packInk,
  unpackInk,
} from '../../shared/annotations/ink-points';
import type { InkPoint } from '../../shared/annotations/ink-points';
import { Annotation, boundsOf } from '../../shared/annotations/model';
import { isValidInk } from '../../shared/annotations/ink-check';
import { annotationsMap, putAnnotation, readAnnotations } from '../../shared/annotations/ydoc';
import { inkStroke } from '../helpers/ink-stroke';

function randomStroke(seed: number, n: number): InkPoint[] {
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const out: InkPoint[] = [];
  let x = (rnd() - 0.5) * 2000;
  let y = (rnd() - 0.5) * 2000;
  for (let i = 0; i < n; i++) {
    x += (rnd() - 0.5) * 40;
    y += (rnd() - 0.5) * 40;
    out.push([x, y, rnd()]);
  }
  return out;
}

const stroke = inkStroke;

describe('packed ink points', () => {
  it('round-trips within 1/200 pt and 1/510 pressure, exactly for hundredths', () => {
    for (let s = 1; s <= 200; s++) {
      const pts = randomStroke(s, 1 + (s % 60));
      const back = unpackInk(packInk(pts))!;
      expect(back).toHaveLength(pts.length);
      back.forEach(([x, y, p], i) => {
        expect(Math.abs(x - pts[i]![0])).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(y - pts[i]![1])).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(p - pts[i]![2])).toBeLessThanOrEqual(1 / 510 + 1e-9);
      });
    }
    const exact: InkPoint[] = [
      [123.45, -0.01, 0],
      [100_000, -100_000, 1],
      [-100_000, 100_000, 1],
      [0, 0, 0],
    ];
    expect(unpackInk(packInk(exact))).toEqual(exact);
  });

  it('takes a fraction of the JSON form and a blob in a Y.Doc', () => {
    const pts = randomStroke(3, 24).map(
      ([x, y, p]) => [Math.round(x * 100) / 100, y, p] as InkPoint,
    );
    expect(packInk(pts).length).toBeLessThan(24 * 6);
    const doc = new Y.Doc();
    putAnnotation(doc, stroke(packInk(pts)));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const [read] = readAnnotations(copy);
    expect(read?.kind === 'ink' && read.points).toBeInstanceOf(Uint8Array);
    expect(read?.kind === 'ink' && inkPoints(read.points)).toEqual(unpackInk(packInk(pts)));
  });

  it('reads both forms alike', () => {
    const json: InkPoint[] = [
      [10, 20, 0.2],
      [30.25, -40, 0.6],
    ];
    const packed = packInk(json);
    expect(inkPoints(json)).toBe(json);
    expect([...flatInk(json)]).toEqual([10, 20, 0.2, 30.25, -40, 0.6]);
    expect([...flatInk(packed)]).toEqual([10, 20, 51 / 255, 30.25, -40, 153 / 255]);
    expect(boundsOf(stroke(packed))).toEqual(boundsOf(stroke(json)));
    for (const points of [json, packed]) {
      expect(isValidInk(stroke(points))).toBe(true);
      expect(Annotation.safeParse(stroke(points)).success).toBe(true);
    }
    // A scratch list is reused when it fits, and left alone when it does not.
    const scratch = new Float64Array(6);
    expect(flatInk(packed, scratch).buffer).toBe(scratch.buffer);
    expect(flatInk(packInk(randomStroke(1, 3)), scratch).buffer).not.toBe(scratch.buffer);
  });

  it('holds the limits of the JSON form', () => {
    const max = randomStroke(5, MAX_INK_POINTS);
    expect(unpackInk(packInk(max))).toHaveLength(MAX_INK_POINTS);
    expect(() => packInk(randomStroke(5, MAX_INK_POINTS + 1))).toThrow(RangeError);
    expect(() => packInk([])).toThrow(RangeError);
    expect(() => packInk([[100_000.01, 0, 0.5]])).toThrow(RangeError);
    expect(() => packInk([[Number.NaN, 0, 0.5]])).toThrow(RangeError);
    expect(() => packInk([[0, 0, 1.01]])).toThrow(RangeError);
  });

  it('refuses damaged bytes cleanly: no throw, nothing drawn, zod and the fast check agree', () => {
    const good = packInk(randomStroke(9, 24));
    const damaged: Uint8Array[] = [
      new Uint8Array(0),
      Uint8Array.of(PACKED_INK_VERSION),
      Uint8Array.of(PACKED_INK_VERSION, 0),
      Uint8Array.of(2, ...good.subarray(1)),
      good.subarray(0, good.length - 1),
      Uint8Array.of(...good, 0),
      // A count past the limit, and a count the bytes cannot hold.
      Uint8Array.of(PACKED_INK_VERSION, 0xa1, 0x1f, 0, 0, 0),
      Uint8Array.of(PACKED_INK_VERSION, 0xff, 0xff, 0xff, 0x7f),
      // A varint of 5 bytes, and a coordinate past 100,000 pt.
      Uint8Array.of(PACKED_INK_VERSION, 1, 0x80, 0x80, 0x80, 0x80, 0x01, 0, 0),
      Uint8Array.of(PACKED_INK_VERSION, 1, 0x82, 0xda, 0xc4, 0x09, 0, 0),
    ];
    for (const b of damaged) expect(isPackedInk(b)).toBe(false);
    // Random damage: most of it is refused, the rest must decode to valid points.
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 500; k++) {
      const b = good.slice();
      b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      damaged.push(b);
    }
    let refused = 0;
    for (const b of damaged) {
      const s = stroke(b);
      const ok = isPackedInk(b);
      expect(isValidInk(s)).toBe(ok);
      expect(Annotation.safeParse(s).success).toBe(ok);
      if (!ok) {
        refused++;
        expect(unpackInk(b)).toBeNull();
        expect(inkPoints(b)).toEqual([]);
        expect(flatInk(b, new Float64Array(12_000))).toHaveLength(0);
      } else {
        for (const [x, y, p] of unpackInk(b)!) {
          expect(Math.abs(x)).toBeLessThanOrEqual(100_000);
          expect(Math.abs(y)).toBeLessThanOrEqual(100_000);
          expect(p >= 0 && p <= 1).toBe(true);
        }
      }
    }
    expect(refused).toBeGreaterThan(10);
    // A damaged stroke in a doc is left out, never thrown on.
    const doc = new Y.Doc();
    annotationsMap(doc).set('bad', stroke(damaged[4]!));
    putAnnotation(doc, { ...stroke(good), id: 'good' });
    expect(readAnnotations(doc).map((a) => a.id)).toEqual(['good']);
  });
});
