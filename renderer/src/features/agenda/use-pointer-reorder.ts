// Drag to reorder with pointer events, so a finger, a pen and a mouse all work (no HTML5 drag
// and drop, which touch browsers do not fire). The handle captures the pointer; rows report their
// positions through `rowRef`; on release the parent is told to move `from` → `to`.
import { useCallback, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { dropIndex } from './reorder';

export interface DragState {
  from: number;
  over: number;
}

export function usePointerReorder(onMove: (from: number, to: number) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const rows = useRef(new Map<number, HTMLElement>());

  const rowRef = useCallback(
    (index: number) => (el: HTMLElement | null) => {
      if (el) rows.current.set(index, el);
      else rows.current.delete(index);
    },
    [],
  );

  const target = (from: number, y: number) => {
    const mids = [...rows.current.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, el]) => {
        const r = el.getBoundingClientRect();
        return r.top + r.height / 2;
      });
    return dropIndex(mids, from, y);
  };

  const handleProps = (index: number) => ({
    onPointerDown: (e: ReactPointerEvent<HTMLElement>) => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      setDrag({ from: index, over: index });
    },
    onPointerMove: (e: ReactPointerEvent<HTMLElement>) => {
      if (!drag || drag.from !== index) return;
      // Near the top or bottom edge the page scrolls, so a long agenda can be crossed by finger.
      const edge = 64;
      if (e.clientY < edge) window.scrollBy(0, -16);
      else if (e.clientY > window.innerHeight - edge) window.scrollBy(0, 16);
      const over = target(index, e.clientY);
      if (over !== drag.over) setDrag({ from: index, over });
    },
    onPointerUp: (e: ReactPointerEvent<HTMLElement>) => {
      if (!drag || drag.from !== index) return;
      const over = target(index, e.clientY);
      setDrag(null);
      if (over !== index) onMove(index, over);
    },
    onPointerCancel: () => setDrag(null),
    onLostPointerCapture: () => setDrag(null),
  });

  return { drag, rowRef, handleProps };
}
