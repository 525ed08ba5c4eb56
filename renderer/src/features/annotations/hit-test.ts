// Which annotation is under a point (PDF user space), for the eraser and the select tool.
import type { Annotation } from '../../../../shared/annotations/model';
import { boundsOf } from '../../../../shared/annotations/model';
import { flatInk } from '../../../../shared/annotations/ink-points';
import { distanceToSegment } from './ink-input';

export function hits(a: Annotation, x: number, y: number, tolerance: number): boolean {
  const [x1, y1, x2, y2] = boundsOf(a);
  if (x < x1 - tolerance || x > x2 + tolerance || y < y1 - tolerance || y > y2 + tolerance)
    return false;
  if (a.kind === 'ink') {
    const reach = tolerance + a.style.width / 2;
    const f = flatInk(a.points);
    if (f.length === 3) return Math.hypot(x - f[0]!, y - f[1]!) <= reach;
    for (let i = 3; i < f.length; i += 3)
      if (distanceToSegment(x, y, f[i - 3]!, f[i - 2]!, f[i]!, f[i + 1]!) <= reach) return true;
    return false;
  }
  if (a.kind === 'shape' && a.shape === 'arrow')
    return (
      distanceToSegment(x, y, a.from[0], a.from[1], a.to[0], a.to[1]) <=
      tolerance + a.style.width / 2
    );
  return true;
}

/** The topmost (latest) annotation under the point among `list`. */
export function topmostAt(
  list: readonly Annotation[],
  x: number,
  y: number,
  tolerance: number,
): Annotation | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (hits(list[i]!, x, y, tolerance)) return list[i];
  return undefined;
}
