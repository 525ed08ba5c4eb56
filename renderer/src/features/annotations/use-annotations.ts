// A reactive view of a layer's annotations. The view is lazy (see layer-index.ts): a page's
// annotations are validated when the page asks for them, in slices, and a change re-checks only
// the entries it touched; so opening a paper with 10,000 strokes does not block the main thread.
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { EMPTY_VIEW, layerIndexOf } from './layer-index';
import type { LayerView } from './layer-index';

export type { LayerView } from './layer-index';

export function useLayer(doc: Y.Doc | null | undefined): LayerView {
  const index = doc ? layerIndexOf(doc) : null;
  const subscribe = useCallback(
    (cb: () => void) => (index ? index.subscribe(cb) : () => {}),
    [index],
  );
  // The index publishes a new view once per batch of checked changes, not per transaction.
  const snapshot = useCallback((): LayerView => (index ? index.view : EMPTY_VIEW), [index]);
  return useSyncExternalStore(subscribe, snapshot);
}
