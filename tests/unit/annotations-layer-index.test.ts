import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { InkAnnotation } from '../../shared/annotations/model';
import { encodeAnnotation } from '../../shared/annotations/annotation-bytes';
import { packInk } from '../../shared/annotations/ink-points';
import type { InkPoint } from '../../shared/annotations/ink-points';
import { annotationsMap, repliesMap } from '../../shared/annotations/ydoc';
import {
  LayerIndex,
  claimedPage,
  validAnnotation,
} from '../../renderer/src/features/annotations/layer-index';
import type { LayerView } from '../../renderer/src/features/annotations/layer-index';

function ink(id: string, page: number, createdAt: number, author = 'u1'): InkAnnotation {
  return {
    id,
    kind: 'ink',
    author,
    authorName: `Name of ${author}`,
    createdAt,
    updatedAt: createdAt,
    documentVersion: '',
    page,
    style: { color: '#d32f2f', width: 2, opacity: 1 },
    points: [
      [10, 20, 0.5],
      [30, 40, 0.7],
    ],
  };
}

function fill(doc: Y.Doc, values: Record<string, unknown>): void {
  doc.transact(() => {
    for (const [id, v] of Object.entries(values)) annotationsMap(doc).set(id, v);
  });
}

/** The page's list once every entry of it has been checked (the index works in later tasks). */
async function settled(index: LayerIndex, page: number): Promise<readonly InkAnnotation[]> {
  index.view.page(page);
  for (let i = 0; i < 1000 && !index.view.complete(page); i++)
    await new Promise((r) => setTimeout(r, 1));
  expect(index.view.complete(page)).toBe(true);
  return index.view.page(page) as readonly InkAnnotation[];
}

const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);

describe('LayerIndex', () => {
  it('checks a page only when it is asked for, then lists it oldest first', async () => {
    const doc = new Y.Doc();
    fill(doc, { c: ink('c', 1, 30), a: ink('a', 1, 10), b: ink('b', 1, 10), x: ink('x', 2, 5) });
    const index = new LayerIndex(doc);
    expect(index.view.complete(1)).toBe(false);
    // Asking gives what is checked so far (nothing yet) and starts the work.
    expect(index.view.page(1)).toEqual([]);
    expect(ids(await settled(index, 1))).toEqual(['a', 'b', 'c']);
    expect(index.view.complete(2)).toBe(false);
    expect(ids(await settled(index, 2))).toEqual(['x']);
  });

  it('files binary values from their header and decodes them only when their page is asked', async () => {
    const doc = new Y.Doc();
    const note = {
      ...ink('n', 3, 4, 'u2'),
      kind: 'note' as const,
      at: [1, 2] as [number, number],
      text: 'x',
    };
    // Cut short: its packed points end early, so it is never listed.
    const damaged = encodeAnnotation(ink('d', 1, 0)).subarray(0, -2);
    fill(doc, {
      // The three forms side by side, all on page 1, plus a note elsewhere by another author.
      c: encodeAnnotation(ink('c', 1, 30)),
      a: { ...ink('a', 1, 10), points: packInk(ink('a', 1, 10).points as InkPoint[]) },
      b: ink('b', 1, 20),
      n: encodeAnnotation(note),
      d: damaged,
    });
    const index = new LayerIndex(doc);
    expect(index.view.authors().map((a) => [a.id, a.name])).toEqual([
      ['u1', 'Name of u1'],
      ['u2', 'Name of u2'],
    ]);
    const page1 = await settled(index, 1);
    expect(ids(page1)).toEqual(['a', 'b', 'c']);
    expect(page1[2]!.points).toBeInstanceOf(Uint8Array);
    // Decoded once: the same object on every read (the painter keys on identity).
    expect(index.view.get('c')).toBe(page1[2]);
    expect(index.view.get('d')).toBeUndefined();
    expect(ids(index.view.notes())).toEqual(['n']);
    expect(claimedPage(annotationsMap(doc).get('n'))).toBe(3);
  });

  it('skips malformed values from a peer without throwing', async () => {
    const doc = new Y.Doc();
    const bad = ink('bad', 1, 2);
    fill(doc, {
      good: ink('good', 1, 1),
      n: null,
      s: 'stroke',
      num: 42,
      arr: [1, 2, 3],
      noPage: { ...ink('noPage', 1, 3), page: '1' },
      badPoints: { ...bad, id: 'badPoints', points: [[1, 2]] },
      nanPoint: { ...bad, id: 'nanPoint', points: [[NaN, 2, 0.5]] },
      pointsNotArray: { ...bad, id: 'pointsNotArray', points: 'x' },
      badStyle: { ...bad, id: 'badStyle', style: null },
      badColour: { ...bad, id: 'badColour', style: { ...bad.style, color: 'red' } },
      noKind: { ...bad, id: 'noKind', kind: undefined },
      unknownKind: { ...bad, id: 'unknownKind', kind: 'video' },
      badNote: { ...bad, id: 'badNote', kind: 'note', at: 'here', text: 1 },
      nested: { ...bad, id: 'nested', points: [[[1], [2], [3]]] },
    });
    const index = new LayerIndex(doc);
    expect(ids(await settled(index, 1))).toEqual(['good']);
    expect(index.view.get('badPoints')).toBeUndefined();
    expect(index.view.get('n')).toBeUndefined();
    expect(index.view.notes()).toEqual([]);
  });

  it('keeps the page list in step with changes, appending a new stroke to the same entries', async () => {
    const doc = new Y.Doc();
    const index = new LayerIndex(doc);
    fill(doc, { a: ink('a', 1, 1), b: ink('b', 1, 2), c: ink('c', 2, 3) });
    const before = await settled(index, 1);
    expect(ids(before)).toEqual(['a', 'b']);

    fill(doc, { d: ink('d', 1, 4) });
    const after = await settled(index, 1);
    expect(ids(after)).toEqual(['a', 'b', 'd']);
    // The entries drawn already are the same objects: the layer draws only the new one.
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);

    // An older stroke arriving late (offline merge) goes in its place.
    fill(doc, { e: ink('e', 1, 0) });
    expect(ids(await settled(index, 1))).toEqual(['e', 'a', 'b', 'd']);

    // Deleted, moved to another page, replaced by a malformed value.
    doc.transact(() => annotationsMap(doc).delete('a'));
    fill(doc, { b: ink('b', 2, 2), d: { ...ink('d', 1, 4), points: [] } });
    expect(ids(await settled(index, 1))).toEqual(['e']);
    expect(ids(await settled(index, 2))).toEqual(['b', 'c']);
  });

  it('lists a page of thousands of strokes in order and tells subscribers', async () => {
    const doc = new Y.Doc();
    const values: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) values[`s${i}`] = ink(`s${i}`, 1, 5000 - i);
    values.broken = { page: 1, kind: 'ink', createdAt: 1 };
    fill(doc, values);
    const index = new LayerIndex(doc);
    const seen: LayerView[] = [];
    index.subscribe(() => seen.push(index.view));
    const list = await settled(index, 1);
    expect(list).toHaveLength(5000);
    for (let i = 1; i < list.length; i++)
      expect(list[i - 1]!.createdAt).toBeLessThan(list[i]!.createdAt);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('gives notes, authors and replies when asked', async () => {
    const doc = new Y.Doc();
    const note = { ...ink('n1', 4, 9, 'u2'), kind: 'note', at: [1, 2], text: 'Ý kiến' };
    fill(doc, { a: ink('a', 1, 1), n1: note, junk: { author: 42 } });
    repliesMap(doc).set('r1', {
      id: 'r1',
      annotationId: 'n1',
      author: 'u1',
      authorName: 'A',
      createdAt: 1,
      text: 'Đồng ý',
    });
    repliesMap(doc).set('r2', { id: 'r2', text: 5 });
    const index = new LayerIndex(doc);
    expect(ids(index.view.notes())).toEqual(['n1']);
    expect(index.view.authors()).toEqual([
      { id: 'u1', name: 'Name of u1' },
      { id: 'u2', name: 'Name of u2' },
    ]);
    expect(
      index.view
        .replies()
        .get('n1')
        ?.map((r) => r.id),
    ).toEqual(['r1']);
    expect(index.view.get('n1')?.kind).toBe('note');
  });
});

describe('validAnnotation and claimedPage', () => {
  it('validate without throwing, keeping a valid stroke as it is', () => {
    const v = ink('a', 1, 1);
    expect(validAnnotation(v)).toBe(v);
    expect(validAnnotation(v)).toBe(v);
    for (const x of [undefined, null, 1, 'x', [], {}, { kind: 'ink' }])
      expect(validAnnotation(x)).toBeNull();
    expect(claimedPage({ page: 3 })).toBe(3);
    for (const x of [null, 'x', { page: 0 }, { page: 1.5 }, { page: '2' }, { page: 100_001 }])
      expect(claimedPage(x)).toBe(0);
  });
});
