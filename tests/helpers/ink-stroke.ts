// A valid ink stroke for the annotation unit tests; `points` in either stored form.
import type { InkAnnotation } from '../../shared/annotations/model';

export function inkStroke(points: InkAnnotation['points']): InkAnnotation {
  return {
    id: 's1',
    kind: 'ink',
    author: 'u1',
    authorName: 'Lê Minh Đức',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    documentVersion: 'abc',
    page: 3,
    style: { color: '#1565c0', width: 1.5, opacity: 1 },
    points,
  };
}
