/** `list` with the element at `from` moved to `to` (indices after removal, like splice). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(to, out.length - 1));
  const [moved] = out.splice(from, 1);
  out.splice(target, 0, moved as T);
  return out;
}

/**
 * Where a dragged row lands: the number of other rows whose middle is above the pointer. `mids`
 * are the vertical middles of the rows in their current order.
 */
export function dropIndex(mids: readonly number[], from: number, pointerY: number): number {
  let target = 0;
  mids.forEach((mid, i) => {
    if (i !== from && pointerY > mid) target++;
  });
  return target;
}
