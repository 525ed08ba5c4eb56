// Everything the viewer needs to annotate one paper: the shared doc `annotations/<d>` and the
// caller's private doc `notes/<d>/<me>` (both kept in IndexedDB, so strokes made offline survive a
// reload and merge when the host is back), their reactive contents, and the editing actions,
// all made with one local origin so undo only ever touches one's own changes.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type {
  Annotation,
  AnnotationStyle,
  NoteReply,
  Quad,
} from '../../../../shared/annotations/model';
import { translate } from '../../../../shared/annotations/model';
import { packInk } from '../../../../shared/annotations/ink-points';
import {
  addReply,
  deleteAnnotation,
  putAnnotation,
  readAnnotation,
  shareAnnotation,
} from '../../../../shared/annotations/ydoc';
import { docNameToString } from '../../../../shared/sync/doc-names';
import { useSyncDoc } from '../../collab/use-sync-doc';
import { useSyncStatus } from '../../collab/use-sync-status';
import { AnnotationUndo } from './annotation-undo';
import { useLayer } from './use-annotations';
import type { NewAnnotation, ShownAnnotation } from './AnnotationLayer';

export interface Me {
  id: string;
  name: string;
}

function newId(): string {
  return crypto.randomUUID();
}

export function useAnnotationSession(documentId: string, documentVersion: string, me: Me) {
  const sharedHandle = useSyncDoc(docNameToString({ kind: 'annotations', documentId }), {
    offline: true,
  });
  const privateHandle = useSyncDoc(docNameToString({ kind: 'notes', documentId, userId: me.id }), {
    offline: true,
  });
  const shared = useLayer(sharedHandle?.doc);
  const mine = useLayer(privateHandle?.doc);
  const sharedStatus = useSyncStatus(sharedHandle?.provider);
  const privateStatus = useSyncStatus(privateHandle?.provider);

  // The browser knows it lost the network before a half-open socket times out: stop the providers
  // at once (edits stay in the Y.Docs and IndexedDB) and reconnect when the network is back, which
  // runs a full state exchange that merges what was drawn offline.
  useEffect(() => {
    const providers = [sharedHandle?.provider, privateHandle?.provider].filter(
      (p) => p !== undefined,
    );
    const offline = () => providers.forEach((p) => p.disconnect());
    const online = () => providers.forEach((p) => p.connect());
    if (!navigator.onLine) offline();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, [sharedHandle, privateHandle]);

  const [undo] = useState(() => new AnnotationUndo());
  useEffect(() => (sharedHandle ? undo.add(sharedHandle.doc) : undefined), [sharedHandle, undo]);
  useEffect(() => (privateHandle ? undo.add(privateHandle.doc) : undefined), [privateHandle, undo]);
  const undoState = useSyncExternalStore(
    useCallback((cb: () => void) => undo.subscribe(cb), [undo]),
    useCallback(() => (undo.canUndo ? 1 : 0) + (undo.canRedo ? 2 : 0), [undo]),
  );

  const docOf = useCallback(
    (layer: 'shared' | 'private'): Y.Doc | undefined =>
      layer === 'shared' ? sharedHandle?.doc : privateHandle?.doc,
    [sharedHandle, privateHandle],
  );

  const create = useCallback(
    (
      layer: 'shared' | 'private',
      page: number,
      n: NewAnnotation,
      style: AnnotationStyle,
      extra: { text?: string } = {},
    ): Annotation | null => {
      const doc = docOf(layer);
      if (!doc) return null;
      const now = Date.now();
      const base = {
        id: newId(),
        author: me.id,
        authorName: me.name,
        createdAt: now,
        updatedAt: now,
        documentVersion,
        page,
        style,
      };
      const a: Annotation =
        n.kind === 'ink'
          ? // The packed form (ink-points.ts): what every writer of this version stores.
            { ...base, kind: 'ink', points: packInk(n.points) }
          : n.kind === 'note'
            ? { ...base, kind: 'note', at: n.at, text: extra.text ?? '' }
            : { ...base, kind: 'shape', shape: n.shape, from: n.from, to: n.to };
      putAnnotation(doc, a, undo.origin);
      return a;
    },
    [docOf, me, documentVersion, undo],
  );

  const createHighlight = useCallback(
    (
      layer: 'shared' | 'private',
      page: number,
      mode: 'highlight' | 'underline' | 'strike',
      quads: Quad[],
      text: string,
      style: AnnotationStyle,
    ) => {
      const doc = docOf(layer);
      if (!doc || quads.length === 0) return;
      const now = Date.now();
      putAnnotation(
        doc,
        {
          id: newId(),
          kind: 'highlight',
          mode,
          quads,
          text: text.slice(0, 5000),
          author: me.id,
          authorName: me.name,
          createdAt: now,
          updatedAt: now,
          documentVersion,
          page,
          style,
        },
        undo.origin,
      );
    },
    [docOf, me, documentVersion, undo],
  );

  const remove = useCallback(
    (items: ShownAnnotation[]) => {
      for (const s of items) {
        if (s.a.author !== me.id) continue;
        const doc = docOf(s.layer);
        if (doc) deleteAnnotation(doc, s.a.id, undo.origin);
      }
    },
    [docOf, me.id, undo],
  );

  const move = useCallback(
    (s: ShownAnnotation, dx: number, dy: number) => {
      const doc = docOf(s.layer);
      if (!doc || s.a.author !== me.id) return;
      putAnnotation(doc, translate(s.a, dx, dy, Date.now()), undo.origin);
    },
    [docOf, me.id, undo],
  );

  const setNoteText = useCallback(
    (s: ShownAnnotation, text: string) => {
      const doc = docOf(s.layer);
      const current = doc ? readAnnotation(doc, s.a.id) : undefined;
      if (!doc || !current || current.kind !== 'note' || current.author !== me.id) return;
      putAnnotation(
        doc,
        { ...current, text: text.slice(0, 5000), updatedAt: Date.now() },
        undo.origin,
      );
    },
    [docOf, me.id, undo],
  );

  const reply = useCallback(
    (s: ShownAnnotation, text: string) => {
      const doc = docOf(s.layer);
      if (!doc || !text.trim()) return;
      const r: NoteReply = {
        id: newId(),
        annotationId: s.a.id,
        author: me.id,
        authorName: me.name,
        createdAt: Date.now(),
        text: text.trim().slice(0, 5000),
      };
      addReply(doc, r, undo.origin);
    },
    [docOf, me, undo],
  );

  const share = useCallback(
    (s: ShownAnnotation) => {
      if (s.layer !== 'private' || !sharedHandle || !privateHandle) return;
      shareAnnotation(privateHandle.doc, sharedHandle.doc, s.a.id, Date.now(), undo.origin);
    },
    [sharedHandle, privateHandle, undo],
  );

  return useMemo(
    () => ({
      shared,
      mine,
      sharedStatus,
      privateStatus,
      provider: sharedHandle?.provider ?? null,
      create,
      createHighlight,
      remove,
      move,
      setNoteText,
      reply,
      share,
      undo: () => undo.undo(),
      redo: () => undo.redo(),
      canUndo: (undoState & 1) !== 0,
      canRedo: (undoState & 2) !== 0,
    }),
    [
      shared,
      mine,
      sharedStatus,
      privateStatus,
      sharedHandle,
      create,
      createHighlight,
      remove,
      move,
      setNoteText,
      reply,
      share,
      undo,
      undoState,
    ],
  );
}

export type AnnotationSession = ReturnType<typeof useAnnotationSession>;
