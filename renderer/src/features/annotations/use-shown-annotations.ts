// What the viewer shows of the two layers under the current filters (layer view, hidden authors),
// page by page and only for the pages asked for: a paper's 10,000 strokes are never all wrapped,
// grouped or validated at once. A page's array stays the same while its annotations do, and each
// annotation keeps one wrapper, so a page's layer can tell that a change only appended strokes.
import { useCallback, useMemo } from 'react';
import type { Annotation } from '../../../../shared/annotations/model';
import type { ShownAnnotation } from './AnnotationLayer';
import type { LayerView } from './layer-index';
import type { LayerView as LayerChoiceView } from './tools';

type Layer = ShownAnnotation['layer'];

const NONE: readonly Annotation[] = [];

/** Per page: the two lists its result was made from, and the result. */
class ShownPages {
  private readonly byPage = new Map<
    number,
    { s: readonly Annotation[]; m: readonly Annotation[]; out: readonly ShownAnnotation[] }
  >();

  get(
    page: number,
    s: readonly Annotation[],
    m: readonly Annotation[],
    make: (s: readonly Annotation[], m: readonly Annotation[]) => ShownAnnotation[],
  ): readonly ShownAnnotation[] {
    const cached = this.byPage.get(page);
    if (cached && cached.s === s && cached.m === m) return cached.out;
    const out = make(s, m);
    this.byPage.set(page, { s, m, out });
    return out;
  }
}

export interface ShownAnnotations {
  shownOn: (page: number) => readonly ShownAnnotation[];
  /** Notes and highlights shown (the side list). */
  notes: () => ShownAnnotation[];
  /** The annotation as shown now, or null if it is gone or filtered out. */
  find: (s: ShownAnnotation | null) => ShownAnnotation | null;
}

export function useShownAnnotations(
  shared: LayerView,
  mine: LayerView,
  layerView: LayerChoiceView,
  hidden: ReadonlySet<string>,
): ShownAnnotations {
  const showShared = layerView === 'both' || layerView === 'shared';
  const showMine = layerView === 'both' || layerView === 'mine';
  // One wrapper per annotation object, for as long as the object lives.
  const wrappers = useMemo(
    () => ({
      shared: new WeakMap<Annotation, ShownAnnotation>(),
      private: new WeakMap<Annotation, ShownAnnotation>(),
    }),
    [],
  );
  const wrap = useCallback(
    (a: Annotation, layer: Layer): ShownAnnotation => {
      let s = wrappers[layer].get(a);
      if (!s) {
        s = { a, layer };
        wrappers[layer].set(a, s);
      }
      return s;
    },
    [wrappers],
  );
  // A new cache whenever a filter changes.
  const pages = useMemo(
    () => new ShownPages(),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filters are what invalidates it
    [showShared, showMine, hidden],
  );
  const shownOn = useCallback(
    (page: number): readonly ShownAnnotation[] =>
      pages.get(
        page,
        showShared ? shared.page(page) : NONE,
        showMine ? mine.page(page) : NONE,
        (s, m) => {
          const out: ShownAnnotation[] = [];
          for (const a of s) if (!hidden.has(a.author)) out.push(wrap(a, 'shared'));
          for (const a of m) out.push(wrap(a, 'private'));
          return out;
        },
      ),
    [shared, mine, showShared, showMine, hidden, pages, wrap],
  );
  const notes = useCallback((): ShownAnnotation[] => {
    const out: ShownAnnotation[] = [];
    if (showShared)
      for (const a of shared.notes()) if (!hidden.has(a.author)) out.push(wrap(a, 'shared'));
    if (showMine) for (const a of mine.notes()) out.push(wrap(a, 'private'));
    return out;
  }, [shared, mine, showShared, showMine, hidden, wrap]);
  const find = useCallback(
    (sel: ShownAnnotation | null): ShownAnnotation | null => {
      if (!sel) return null;
      if (sel.layer === 'shared') {
        const a = showShared ? shared.get(sel.a.id) : undefined;
        return a && !hidden.has(a.author) ? wrap(a, 'shared') : null;
      }
      const a = showMine ? mine.get(sel.a.id) : undefined;
      return a ? wrap(a, 'private') : null;
    },
    [shared, mine, showShared, showMine, hidden, wrap],
  );
  return useMemo(() => ({ shownOn, notes, find }), [shownOn, notes, find]);
}
