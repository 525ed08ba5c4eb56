import { describe, expect, it } from 'vitest';
import { Annotation, MAX_INK_POINTS } from '../../shared/annotations/model';
import type { InkAnnotation } from '../../shared/annotations/model';
import { isValidInk } from '../../shared/annotations/ink-check';
import { packInk } from '../../shared/annotations/ink-points';
import type { InkPoint } from '../../shared/annotations/ink-points';
import { inkStroke } from '../helpers/ink-stroke';

function stroke(): InkAnnotation {
  return inkStroke([
    [10, 20, 0.5],
    [30.25, -40, 0],
    [100_000, -100_000, 1],
  ]);
}

/** Values every field is tried with: right and wrong types, bounds and just past them. */
const PROBES: unknown[] = [
  undefined,
  null,
  true,
  0,
  -0,
  1,
  -1,
  0.5,
  0.04,
  0.05,
  0.09,
  0.1,
  1.5,
  99.9,
  100,
  100.1,
  1e5,
  1e5 + 0.01,
  -1e5,
  -1e5 - 0.01,
  100_000,
  100_001,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  NaN,
  Infinity,
  -Infinity,
  '',
  'x',
  '1',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(200),
  'x'.repeat(201),
  'ink',
  'note',
  '#1565c0',
  '#1565C0',
  '#1565c',
  '#1565c0 ',
  'red',
  [],
  [1, 2],
  [1, 2, 0.5],
  [1, 2, 0.5, 0],
  {},
  { color: '#000000', width: 1, opacity: 1 },
];

type Path = Array<string | number>;

function withValue(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> = Array.isArray(base)
    ? ([...(base as unknown[])] as unknown as Record<number, unknown>)
    : { ...(base as Record<string, unknown>) };
  copy[head!] = withValue(copy[head!], rest, value);
  return copy;
}

const PATHS: Path[] = [
  ['id'],
  ['kind'],
  ['author'],
  ['authorName'],
  ['createdAt'],
  ['updatedAt'],
  ['documentVersion'],
  ['page'],
  ['style'],
  ['style', 'color'],
  ['style', 'width'],
  ['style', 'opacity'],
  ['points'],
  ['points', 0],
  ['points', 1, 0],
  ['points', 1, 1],
  ['points', 2, 2],
  ['points', 3],
];

const agrees = (v: unknown) => expect(isValidInk(v)).toBe(Annotation.safeParse(v).success);

describe('isValidInk', () => {
  it('accepts a valid stroke, as zod does', () => {
    expect(isValidInk(stroke())).toBe(true);
    expect(Annotation.safeParse(stroke()).success).toBe(true);
  });

  it('agrees with zod on every field set to every probe value', () => {
    let rejected = 0;
    for (const path of PATHS)
      for (const probe of PROBES) {
        const v = withValue(stroke(), path, probe);
        agrees(v);
        if (!isValidInk(v)) rejected++;
      }
    expect(rejected).toBeGreaterThan(PATHS.length * 10);
  });

  it('agrees with zod on the shape of the points list and on non-objects', () => {
    const s = stroke();
    agrees({ ...s, points: [] });
    agrees({ ...s, points: Array.from({ length: MAX_INK_POINTS }, () => [1, 2, 0.5]) });
    agrees({ ...s, points: Array.from({ length: MAX_INK_POINTS + 1 }, () => [1, 2, 0.5]) });
    agrees({ ...s, extra: 'kept out by zod, harmless here' });
    agrees({ ...s, style: [] });
    agrees(Object.assign([], s));
    for (const v of PROBES) agrees(v);
  });

  it('agrees with zod on random damage to valid strokes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 2000; n++) {
      let v: unknown = stroke();
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++)
        v = withValue(
          v,
          PATHS[Math.floor(rnd() * PATHS.length)]!,
          PROBES[Math.floor(rnd() * PROBES.length)],
        );
      agrees(v);
    }
  });

  it('agrees with zod on packed points and on other binary values', () => {
    const s = stroke();
    agrees({ ...s, points: packInk(s.points as InkPoint[]) });
    agrees({ ...s, points: packInk(s.points as InkPoint[]).subarray(1) });
    agrees({ ...s, points: new Uint8Array(0) });
    agrees({ ...s, points: new Uint16Array(4) });
    agrees({ ...s, points: Array.from(packInk(s.points as InkPoint[])) });
  });

  it('leaves every other kind to zod', () => {
    expect(isValidInk({ ...stroke(), kind: 'note', at: [1, 2], text: '' })).toBe(false);
  });
});
