import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Annotation, boundsOf, translate } from '../../shared/annotations/model';
import type { InkAnnotation, NoteAnnotation } from '../../shared/annotations/model';
import {
  addReply,
  annotationsMap,
  deleteAnnotation,
  putAnnotation,
  readAnnotations,
  readReplies,
  shareAnnotation,
} from '../../shared/annotations/ydoc';
import { inkPoints } from '../../shared/annotations/ink-points';
import { findFolded, foldVietnamese } from '../../shared/text/fold';

const style = { color: '#d32f2f', width: 2, opacity: 1 };
function ink(id: string, createdAt = 1): InkAnnotation {
  return {
    id,
    kind: 'ink',
    author: 'u1',
    authorName: 'Lê Minh Đức',
    createdAt,
    updatedAt: createdAt,
    documentVersion: 'abc',
    page: 1,
    style,
    points: [
      [10, 20, 0.5],
      [30, 40, 0.7],
    ],
  };
}
function note(id: string): NoteAnnotation {
  return {
    ...ink(id),
    kind: 'note',
    at: [100, 700],
    text: 'Đề nghị làm rõ số liệu',
  } as unknown as NoteAnnotation;
}

describe('annotation model', () => {
  it('accepts each kind and rejects bad geometry', () => {
    expect(Annotation.safeParse(ink('a')).success).toBe(true);
    expect(Annotation.safeParse({ ...ink('a'), points: [] }).success).toBe(false);
    expect(Annotation.safeParse({ ...ink('a'), points: [[Number.NaN, 1, 0.5]] }).success).toBe(
      false,
    );
    expect(Annotation.safeParse({ ...ink('a'), style: { ...style, color: 'red' } }).success).toBe(
      false,
    );
    expect(Annotation.safeParse({ ...ink('a'), kind: 'bogus' }).success).toBe(false);
    const hl = {
      ...ink('h'),
      kind: 'highlight',
      mode: 'underline',
      quads: [[0, 10, 50, 10, 0, 0, 50, 0]],
      text: 'x',
    };
    expect(Annotation.safeParse(hl).success).toBe(true);
    const shape = { ...ink('s'), kind: 'shape', shape: 'arrow', from: [0, 0], to: [10, 10] };
    expect(Annotation.safeParse(shape).success).toBe(true);
  });

  it('computes bounds and translates every kind', () => {
    expect(boundsOf(ink('a'))).toEqual([9, 19, 31, 41]);
    const moved = translate(ink('a'), 5, -5, 9);
    // A moved stroke is written in the packed form: pressure kept to 1/255.
    expect(moved.points).toBeInstanceOf(Uint8Array);
    expect(inkPoints(moved.points)[0]).toEqual([15, 15, 128 / 255]);
    expect(boundsOf(moved)).toEqual([14, 14, 36, 36]);
    expect(inkPoints(translate(moved, -5, 5, 10).points)[1]).toEqual([30, 40, 179 / 255]);
    expect(moved.updatedAt).toBe(9);
    const n = translate(note('n'), 1, 2, 9);
    expect(n.at).toEqual([101, 702]);
  });
});

describe('annotations in a Y.Doc', () => {
  it('skips invalid values a client may have written and sorts by creation', () => {
    const doc = new Y.Doc();
    putAnnotation(doc, ink('b', 5));
    putAnnotation(doc, ink('a', 2));
    annotationsMap(doc).set('junk', { kind: 'ink', points: 'nope' });
    expect(readAnnotations(doc).map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('keeps concurrent replies from two peers and deletes them with the note', () => {
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    putAnnotation(d1, note('n'));
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    addReply(d1, {
      id: 'r1',
      annotationId: 'n',
      author: 'u1',
      authorName: 'A',
      createdAt: 1,
      text: 'một',
    });
    addReply(d2, {
      id: 'r2',
      annotationId: 'n',
      author: 'u2',
      authorName: 'B',
      createdAt: 2,
      text: 'hai',
    });
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2));
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    expect(
      readReplies(d1)
        .get('n')
        ?.map((r) => r.text),
    ).toEqual(['một', 'hai']);
    expect(
      readReplies(d2)
        .get('n')
        ?.map((r) => r.text),
    ).toEqual(['một', 'hai']);
    deleteAnnotation(d1, 'n');
    expect(readAnnotations(d1)).toEqual([]);
    expect(readReplies(d1).size).toBe(0);
  });

  it('moves a private note with its replies to the shared layer in one action', () => {
    const mine = new Y.Doc();
    const shared = new Y.Doc();
    putAnnotation(mine, note('n'));
    addReply(mine, {
      id: 'r1',
      annotationId: 'n',
      author: 'u1',
      authorName: 'A',
      createdAt: 1,
      text: 'ghi chú',
    });
    expect(shareAnnotation(mine, shared, 'n', 50)).toBe(true);
    expect(readAnnotations(mine)).toEqual([]);
    expect(readAnnotations(shared).map((a) => [a.id, a.updatedAt])).toEqual([['n', 50]]);
    expect(readReplies(shared).get('n')).toHaveLength(1);
    expect(shareAnnotation(mine, shared, 'missing', 1)).toBe(false);
  });
});

describe('Vietnamese folding', () => {
  it('ignores tone and vowel marks, and folds đ to d', () => {
    expect(foldVietnamese('Quyết định ĐẦU TƯ công')).toBe('quyet dinh dau tu cong');
    expect(foldVietnamese('Đà Nẵng')).toBe('da nang');
  });
  it('maps folded matches back to the original text', () => {
    const text = 'Kế hoạch đầu tư công trung hạn; đầu tư';
    const hits = findFolded(text, 'dau tu');
    expect(hits.map(([s, e]) => text.slice(s, e))).toEqual(['đầu tư', 'đầu tư']);
    expect(findFolded('ĐỀ ÁN', 'đề án').map(([s, e]) => 'ĐỀ ÁN'.slice(s, e))).toEqual(['ĐỀ ÁN']);
    expect(findFolded('abc', '  ')).toEqual([]);
  });
  it('handles text that is already decomposed', () => {
    const decomposed = 'Quyết định'.normalize('NFD');
    const hits = findFolded(decomposed, 'quyet');
    expect(hits).toHaveLength(1);
    expect(foldVietnamese(decomposed.slice(hits[0]![0], hits[0]![1]))).toBe('quyet');
  });
});
