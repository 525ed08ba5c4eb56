// A reactive, validated view of a layer's annotations. Values are parsed once per stored object
// (Y.Map keeps the same object until it is replaced), so a change to one stroke does not re-parse
// the other 9,999.
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { Annotation, NoteReply } from '../../../../shared/annotations/model';
import { annotationsMap, repliesMap } from '../../../../shared/annotations/ydoc';

const parsed = new WeakMap<object, Annotation | null>();
function parseCached(value: unknown): Annotation | null {
  if (typeof value !== 'object' || value === null) return null;
  let p = parsed.get(value);
  if (p === undefined) {
    const r = Annotation.safeParse(value);
    p = r.success ? r.data : null;
    parsed.set(value, p);
  }
  return p;
}

export interface LayerState {
  annotations: Annotation[];
  /** Annotations by page number. */
  byPage: Map<number, Annotation[]>;
  replies: Map<string, NoteReply[]>;
}

const EMPTY: LayerState = { annotations: [], byPage: new Map(), replies: new Map() };

export function readLayer(doc: Y.Doc): LayerState {
  const annotations: Annotation[] = [];
  annotationsMap(doc).forEach((v) => {
    const a = parseCached(v);
    if (a) annotations.push(a);
  });
  annotations.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byPage = new Map<number, Annotation[]>();
  for (const a of annotations) {
    const list = byPage.get(a.page);
    if (list) list.push(a);
    else byPage.set(a.page, [a]);
  }
  const replies = new Map<string, NoteReply[]>();
  repliesMap(doc).forEach((v) => {
    const r = NoteReply.safeParse(v);
    if (!r.success) return;
    const list = replies.get(r.data.annotationId) ?? [];
    list.push(r.data);
    replies.set(r.data.annotationId, list);
  });
  for (const list of replies.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return { annotations, byPage, replies };
}

export function useLayer(doc: Y.Doc | null | undefined): LayerState {
  const cache = useRef<{ doc: Y.Doc | null; state: LayerState | null }>({ doc: null, state: null });
  const subscribe = useCallback(
    (cb: () => void) => {
      if (!doc) return () => {};
      const onChange = () => {
        cache.current = { doc, state: null };
        cb();
      };
      // One notification per transaction, however many entries it touched.
      doc.on('afterTransaction', onChange);
      return () => doc.off('afterTransaction', onChange);
    },
    [doc],
  );
  const snapshot = useCallback((): LayerState => {
    if (!doc) return EMPTY;
    const c = cache.current;
    if (c.doc === doc && c.state) return c.state;
    const state = readLayer(doc);
    cache.current = { doc, state };
    return state;
  }, [doc]);
  return useSyncExternalStore(subscribe, snapshot);
}
