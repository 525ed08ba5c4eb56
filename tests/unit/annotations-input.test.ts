// Pure parts of the viewer and the pen tools: HiDPI canvas cap, page layout, palm rejection,
// smoothing and hit testing.
import { describe, expect, it } from 'vitest';
import {
  MAX_CANVAS_PIXELS,
  fitScale,
  outputScale,
} from '../../renderer/src/features/viewer/canvas-size';
import {
  currentPageIndex,
  layoutPages,
  pageAt,
  visibleRange,
} from '../../renderer/src/features/viewer/page-layout';
import {
  normalisePressure,
  pointerMayDraw,
  smoothStroke,
} from '../../renderer/src/features/annotations/ink-input';
import { topmostAt } from '../../renderer/src/features/annotations/hit-test';
import type { InkAnnotation } from '../../shared/annotations/model';

describe('canvas size', () => {
  it('keeps the device ratio while the canvas fits, and caps the area otherwise', () => {
    expect(outputScale(800, 1000, 2)).toBe(2);
    const big = outputScale(4000, 5000, 3);
    expect(big).toBeLessThan(3);
    expect(4000 * 5000 * big * big).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
    expect(outputScale(100, 100, 0)).toBe(1);
  });
  it('fits width or the whole page', () => {
    expect(fitScale('fit-width', 800, 1000, 832, 600)).toBeCloseTo(1);
    expect(fitScale('fit-page', 800, 1000, 832, 532)).toBeCloseTo(0.5);
  });
});

describe('page layout', () => {
  const layout = layoutPages(
    5,
    (i) => (i === 2 ? { width: 200, height: 300 } : { width: 100, height: 100 }),
    2,
  );
  it("stacks pages with gaps, using each page's own size", () => {
    expect(layout.heights).toEqual([200, 200, 600, 200, 200]);
    expect(layout.tops[1]! - layout.tops[0]!).toBe(212);
  });
  it('finds visible and current pages', () => {
    expect(pageAt(layout, 0)).toBe(0);
    expect(pageAt(layout, layout.tops[3]! + 1)).toBe(3);
    expect(visibleRange(layout, layout.tops[2]!, 700)).toEqual([2, 3]);
    expect(currentPageIndex(layout, layout.tops[1]!, 300)).toBe(1);
  });
});

describe('pen input', () => {
  it('rejects the palm (touch) once a stylus was seen', () => {
    expect(pointerMayDraw('touch', false)).toBe(true);
    expect(pointerMayDraw('touch', true)).toBe(false);
    expect(pointerMayDraw('pen', true)).toBe(true);
    expect(pointerMayDraw('mouse', true)).toBe(true);
  });
  it('uses pen pressure, a neutral pressure otherwise', () => {
    expect(normalisePressure('pen', 0.8)).toBe(0.8);
    expect(normalisePressure('pen', 0)).toBe(0.5);
    expect(normalisePressure('mouse', 0)).toBe(0.5);
  });
  it('smooths jitter, drops near-duplicate points and keeps the ends exact', () => {
    const raw: Array<[number, number, number]> = [];
    // A jittery line sampled twice per step (pointer events often repeat a position).
    for (let i = 0; i <= 100; i++)
      raw.push([i, i % 2 === 0 ? 0 : 2, 0.5], [i + 0.05, i % 2 === 0 ? 0 : 2, 0.5]);
    raw.push([100, 0.05, 0.5]);
    const s = smoothStroke(raw);
    expect(s[0]).toEqual([0, 0, 0.5]);
    expect(s.at(-1)).toEqual([100, 0.05, 0.5]);
    expect(s.length).toBeLessThan(raw.length);
    const inner = s.slice(5, -5).map((p) => p[1]);
    expect(Math.max(...inner) - Math.min(...inner)).toBeLessThan(2);
  });
});

describe('hit testing', () => {
  const stroke = (id: string, y: number): InkAnnotation => ({
    id,
    kind: 'ink',
    author: 'u',
    authorName: 'U',
    createdAt: 1,
    updatedAt: 1,
    documentVersion: '',
    page: 1,
    style: { color: '#000000', width: 2, opacity: 1 },
    points: [
      [0, y, 0.5],
      [100, y, 0.5],
    ],
  });
  it('finds the latest stroke near the point, not one whose box merely contains it', () => {
    const diagonal: InkAnnotation = {
      ...stroke('d', 0),
      points: [
        [0, 0, 0.5],
        [100, 100, 0.5],
      ],
    };
    expect(topmostAt([stroke('a', 10), stroke('b', 10)], 50, 12, 2)?.id).toBe('b');
    expect(topmostAt([stroke('a', 10)], 50, 30, 2)).toBeUndefined();
    expect(topmostAt([diagonal], 90, 10, 2)).toBeUndefined();
    expect(topmostAt([diagonal], 50, 51, 2)?.id).toBe('d');
  });
});
