// How annotations live in a Y.Doc (`annotations/<d>` shared, `notes/<d>/<user>` private). One
// root map holds each annotation as one whole value keyed by id: an edit replaces the value, so
// a reader never sees half a stroke and concurrent edits of one annotation resolve last-writer-wins
// while different annotations never conflict. Replies sit in their own map so two people replying
// at once both keep their reply. Readers validate every value: a doc may hold anything a client
// sent, and one bad entry must not break the viewer or the export.
// A value has one of three forms, and readers take all three (`readStoredAnnotation`):
// 1. a JSON object with an ink stroke's points as a list of [x, y, pressure] (older writers);
// 2. a JSON object with the points packed into one Uint8Array (ink-points.ts);
// 3. what this version writes: the whole annotation as one Uint8Array (annotation-bytes.ts), which
//    Yjs copies as one blob instead of decoding ~20 keys and strings, so applying a paper's doc
//    does no per-annotation work; it is decoded (and validated) when the annotation is read.
// Replies stay JSON objects.
import type * as Y from 'yjs';
import { Annotation, NoteReply } from './model';
import { encodeAnnotation, readStoredAnnotation } from './annotation-bytes';

export const ANNOTATIONS_MAP = 'annotations';
export const REPLIES_MAP = 'replies';

export function annotationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ANNOTATIONS_MAP);
}
export function repliesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(REPLIES_MAP);
}

/** Every valid annotation in the doc, oldest first (ties by id, so every peer sorts alike). */
export function readAnnotations(doc: Y.Doc): Annotation[] {
  const out: Annotation[] = [];
  annotationsMap(doc).forEach((value) => {
    const a = readStoredAnnotation(value);
    if (a) out.push(a);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function readAnnotation(doc: Y.Doc, id: string): Annotation | undefined {
  return readStoredAnnotation(annotationsMap(doc).get(id));
}

/** Replies grouped by annotation id, oldest first. */
export function readReplies(doc: Y.Doc): Map<string, NoteReply[]> {
  const byNote = new Map<string, NoteReply[]>();
  repliesMap(doc).forEach((value) => {
    const parsed = NoteReply.safeParse(value);
    if (!parsed.success) return;
    const list = byNote.get(parsed.data.annotationId) ?? [];
    list.push(parsed.data);
    byNote.set(parsed.data.annotationId, list);
  });
  for (const list of byNote.values())
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return byNote;
}

/**
 * Adds or replaces an annotation, stored in the binary form (validated first: a bad value is a
 * programming error).
 */
export function putAnnotation(doc: Y.Doc, a: Annotation, origin?: unknown): void {
  const value = Annotation.parse(a);
  doc.transact(() => annotationsMap(doc).set(value.id, encodeAnnotation(value)), origin);
}

/** Removes an annotation and its replies. */
export function deleteAnnotation(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => {
    annotationsMap(doc).delete(id);
    const replies = repliesMap(doc);
    for (const [rid, value] of replies.entries()) {
      const parsed = NoteReply.safeParse(value);
      if (parsed.success && parsed.data.annotationId === id) replies.delete(rid);
    }
  }, origin);
}

export function addReply(doc: Y.Doc, reply: NoteReply, origin?: unknown): void {
  const value = NoteReply.parse(reply);
  doc.transact(() => repliesMap(doc).set(value.id, value), origin);
}

/**
 * Moves an annotation (and its replies) from the private doc to the shared doc: one action for the
 * user. The shared copy is written first, so a failure in between leaves a duplicate, never a loss.
 */
export function shareAnnotation(
  privateDoc: Y.Doc,
  sharedDoc: Y.Doc,
  id: string,
  now: number,
  origin?: unknown,
): boolean {
  const a = readAnnotation(privateDoc, id);
  if (!a) return false;
  const replies = readReplies(privateDoc).get(id) ?? [];
  sharedDoc.transact(() => {
    annotationsMap(sharedDoc).set(a.id, encodeAnnotation({ ...a, updatedAt: now }));
    for (const r of replies) repliesMap(sharedDoc).set(r.id, r);
  }, origin);
  deleteAnnotation(privateDoc, id, origin);
  return true;
}
