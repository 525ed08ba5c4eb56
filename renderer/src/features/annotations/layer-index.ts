// A lazily validated index of one layer's annotations (one Y.Doc), kept up to date from the
// map's changes instead of being rebuilt on every transaction:
// - each entry is filed under the page it claims, which costs a property read, not a validation;
// - a page's entries are validated and sorted only once that page is asked for (pages on screen),
//   in slices that give the browser a turn, so a paper with 10,000 strokes never blocks the main
//   thread for long;
// - after that, a change touches only the changed entries: a new stroke is checked alone and
//   appended, and the page's other entries keep their identity (the layer draws just the new one).
// A value is validated once per stored object (Y.Map keeps the object until it is replaced); a
// malformed value from a peer is left out, never drawn and never thrown on.
// A value stored in the binary form (annotation-bytes.ts, what this version writes) is filed from
// its fixed header and decoded only in that lazy check: applying a doc decodes no annotation.
import type * as Y from 'yjs';
import { Annotation, NoteReply } from '../../../../shared/annotations/model';
import { isValidInk } from '../../../../shared/annotations/ink-check';
import {
  claimedAuthorOf,
  claimedCreatedAtOf,
  claimedKindOf,
  claimedPageOf,
  decodeAnnotation,
} from '../../../../shared/annotations/annotation-bytes';
import { annotationsMap, repliesMap } from '../../../../shared/annotations/ydoc';
import { SlicedJob, now } from './task-slices';

const checked = new WeakMap<object, Annotation | null>();

/** The annotation if `value` is a valid one, else null. */
export function validAnnotation(value: unknown): Annotation | null {
  if (typeof value !== 'object' || value === null) return null;
  // A JSON stroke is checked again rather than cached: the check costs less than a WeakMap entry.
  if (!(value instanceof Uint8Array) && isValidInk(value)) return value;
  // A decoded value, or zod's verdict, is cached per stored object (Y.Map keeps it until the entry
  // is replaced), so a binary value is decoded once and keeps its identity for the painter.
  let a = checked.get(value);
  if (a === undefined) {
    if (value instanceof Uint8Array) a = decodeAnnotation(value) ?? null;
    else {
      const r = Annotation.safeParse(value);
      a = r.success ? r.data : null;
    }
    checked.set(value, a);
  }
  return a;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The page an entry claims before it is validated (0: none, so it can never be valid). */
export function claimedPage(value: unknown): number {
  if (value instanceof Uint8Array) return claimedPageOf(value);
  const p = field(value, 'page');
  return typeof p === 'number' && Number.isSafeInteger(p) && p >= 1 && p <= 100_000 ? p : 0;
}

/** Oldest first, ties by id, so every peer sorts alike. */
export function compareAnnotations(
  a: { createdAt: number; id: string },
  b: { createdAt: number; id: string },
): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The sort key an entry claims (an entry with none is invalid; it just goes last). */
function claimedKey(value: unknown, id: string): { createdAt: number; id: string } {
  const t = value instanceof Uint8Array ? claimedCreatedAtOf(value) : field(value, 'createdAt');
  return { createdAt: typeof t === 'number' && Number.isFinite(t) ? t : Infinity, id };
}

/** Appends or merges `added` (sorted) into `list` (sorted); an append keeps the old prefix. */
function mergeSorted(list: readonly Annotation[], added: Annotation[]): readonly Annotation[] {
  if (added.length === 0) return list;
  const last = list[list.length - 1];
  if (!last || compareAnnotations(last, added[0]!) < 0) return list.concat(added);
  const out: Annotation[] = [];
  let i = 0;
  let j = 0;
  while (i < list.length && j < added.length)
    out.push(compareAnnotations(list[i]!, added[j]!) <= 0 ? list[i++]! : added[j++]!);
  while (i < list.length) out.push(list[i++]!);
  while (j < added.length) out.push(added[j++]!);
  return out;
}

interface PageEntry {
  /** Ids of the entries claiming this page. */
  ids: Set<string>;
  /** Valid annotations, sorted; null until the page is first asked for. */
  list: readonly Annotation[] | null;
  /** Ids in `list`. */
  listed: Set<string>;
  /** Ids changed since they were last checked (only kept once the page has a list). */
  dirty: Set<string>;
  /** Dirty ids being checked, oldest first (so a first load grows the list by appends). */
  queue: string[];
  at: number;
}

export interface Author {
  id: string;
  name: string;
}

/** A layer's contents at one moment; a new object after each change (React snapshot). */
export interface LayerView {
  readonly version: number;
  /** The page's valid annotations, oldest first. Asking starts checking the page, in slices. */
  page(n: number): readonly Annotation[];
  /** Whether every entry of the page asked for so far has been checked. */
  complete(n: number): boolean;
  get(id: string): Annotation | undefined;
  /** Notes and highlights of all pages, oldest first (the side list; computed when asked). */
  notes(): Annotation[];
  /** Everyone who has annotated (from the entries' claims, for the per-author filter). */
  authors(): Author[];
  /** Replies grouped by annotation id, oldest first. */
  replies(): Map<string, NoteReply[]>;
}

const NO_ANNOTATIONS: readonly Annotation[] = [];

export class LayerIndex {
  private readonly map: Y.Map<unknown>;
  private readonly replyMap: Y.Map<unknown>;
  private readonly pageOf = new Map<string, number>();
  /** Entries claiming to be notes or highlights (the side list checks only these). */
  private readonly noteIds = new Set<string>();
  /** Who claims each entry, and how many entries each author has, with a name. */
  private readonly authorOf = new Map<string, string>();
  private readonly authorCount = new Map<string, { count: number; name: string }>();
  /** Bumped by any change to the maps (page lists aside), for what is derived from all entries. */
  private mapVersion = 0;
  private derived: {
    version: number;
    notes?: Annotation[];
    authors?: Author[];
    replies?: Map<string, NoteReply[]>;
  } = { version: -1 };
  private readonly pages = new Map<number, PageEntry>();
  private readonly listeners = new Set<() => void>();
  private readonly job = new SlicedJob((deadline) => this.work(deadline));
  private changed = false;
  private received = false;
  private version = 0;
  view: LayerView;

  constructor(doc: Y.Doc) {
    this.map = annotationsMap(doc);
    this.replyMap = repliesMap(doc);
    this.map.forEach((value, id) => this.file(id, value));
    // Filing is cheap (no validation), so even the first sync of 10,000 entries adds little to the
    // task that applies it; the checking happens later, in slices, for the pages on screen.
    this.map.observe((e) => {
      for (const id of e.keysChanged) this.file(id, this.map.get(id));
      // User Timing mark: benchmarks split a paper's load into the doc's sync and the rest.
      if (!this.received && e.keysChanged.size > 0 && typeof performance !== 'undefined') {
        this.received = true;
        performance.mark('annotations-received', { detail: e.keysChanged.size });
      }
      this.mapVersion++;
      this.touch();
    });
    this.replyMap.observe(() => {
      this.mapVersion++;
      this.touch();
    });
    this.view = this.makeView();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private entry(page: number): PageEntry {
    let e = this.pages.get(page);
    if (!e) {
      e = { ids: new Set(), list: null, listed: new Set(), dirty: new Set(), queue: [], at: 0 };
      this.pages.set(page, e);
    }
    return e;
  }

  private file(id: string, value: unknown): void {
    const kind = value instanceof Uint8Array ? claimedKindOf(value) : field(value, 'kind');
    if (kind === 'note' || kind === 'highlight') this.noteIds.add(id);
    else this.noteIds.delete(id);
    this.fileAuthor(id, value);
    const before = this.pageOf.get(id);
    const page = claimedPage(value);
    if (before !== undefined && before !== page) {
      const e = this.pages.get(before);
      e?.ids.delete(id);
      if (e?.list) e.dirty.add(id);
    }
    if (page === 0) {
      this.pageOf.delete(id);
      return;
    }
    this.pageOf.set(id, page);
    const e = this.entry(page);
    e.ids.add(id);
    if (e.list) e.dirty.add(id);
  }

  private fileAuthor(id: string, value: unknown): void {
    const before = this.authorOf.get(id);
    if (before !== undefined) {
      const c = this.authorCount.get(before);
      if (c && --c.count === 0) this.authorCount.delete(before);
      this.authorOf.delete(id);
    }
    // A binary value's author is read from its header (same bytes, same strings: no decoding).
    const who = value instanceof Uint8Array ? claimedAuthorOf(value) : undefined;
    const author = who ? who.author : field(value, 'author');
    if (typeof author !== 'string' || author.length < 1 || author.length > 100) return;
    const name = who ? who.name : field(value, 'authorName');
    const c = this.authorCount.get(author) ?? { count: 0, name: '' };
    c.count++;
    if (typeof name === 'string') c.name = name.slice(0, 200);
    this.authorCount.set(author, c);
    this.authorOf.set(id, author);
  }

  private touch(): void {
    this.changed = true;
    this.job.start();
  }

  private want(page: number): PageEntry {
    const e = this.entry(page);
    if (!e.list) {
      e.list = NO_ANNOTATIONS;
      for (const id of e.ids) e.dirty.add(id);
      this.touch();
    }
    return e;
  }

  /** Checks dirty entries of the pages asked for until the deadline; true while work remains. */
  private work(deadline: number): boolean {
    let more = false;
    for (const [page, e] of this.pages) {
      if (!e.list) continue;
      if (e.at >= e.queue.length && e.dirty.size > 0) {
        e.queue = [...e.dirty]
          .map((id) => claimedKey(this.map.get(id), id))
          .sort(compareAnnotations)
          .map((k) => k.id);
        e.at = 0;
        e.dirty.clear();
      }
      if (e.at >= e.queue.length) continue;
      const removed = new Set<string>();
      const added: Annotation[] = [];
      while (e.at < e.queue.length) {
        const id = e.queue[e.at++]!;
        if (e.listed.has(id)) removed.add(id);
        const value = this.map.get(id);
        const a = claimedPage(value) === page ? validAnnotation(value) : null;
        if (a) added.push(a);
        if ((e.at & 63) === 0 && now() >= deadline) break;
      }
      let list = e.list;
      if (removed.size > 0) {
        list = list.filter((a) => !removed.has(a.id));
        for (const id of removed) e.listed.delete(id);
      }
      // `added` is in claimed order, which for valid entries is the real order.
      e.list = mergeSorted(list, added);
      for (const a of added) e.listed.add(a.id);
      this.changed = true;
      if (e.at < e.queue.length || e.dirty.size > 0) more = true;
      if (now() >= deadline) {
        more = true;
        break;
      }
    }
    // What was checked shows at once (a long first load appears in a few steps).
    if (this.changed) this.publish();
    return more;
  }

  private publish(): void {
    this.changed = false;
    this.view = this.makeView();
    for (const l of this.listeners) l();
  }

  /** What is derived from all entries, computed when asked and kept until the maps change. */
  private derive(): LayerIndex['derived'] {
    if (this.derived.version !== this.mapVersion) this.derived = { version: this.mapVersion };
    return this.derived;
  }

  private makeView(): LayerView {
    const version = ++this.version;
    return {
      version,
      page: (n) => this.want(n).list ?? NO_ANNOTATIONS,
      complete: (n) => {
        const e = this.pages.get(n);
        return !e || (e.list !== null && e.dirty.size === 0 && e.at >= e.queue.length);
      },
      get: (id) => validAnnotation(this.map.get(id)) ?? undefined,
      notes: () => {
        const d = this.derive();
        if (!d.notes) {
          const out: Annotation[] = [];
          for (const id of this.noteIds) {
            const a = validAnnotation(this.map.get(id));
            if (a) out.push(a);
          }
          d.notes = out.sort(compareAnnotations);
        }
        return d.notes;
      },
      authors: () => {
        const d = this.derive();
        d.authors ??= [...this.authorCount].map(([id, c]) => ({ id, name: c.name }));
        return d.authors;
      },
      replies: () => {
        const d = this.derive();
        if (!d.replies) {
          const replies = new Map<string, NoteReply[]>();
          this.replyMap.forEach((v) => {
            const r = NoteReply.safeParse(v);
            if (!r.success) return;
            const list = replies.get(r.data.annotationId) ?? [];
            list.push(r.data);
            replies.set(r.data.annotationId, list);
          });
          for (const list of replies.values()) list.sort(compareAnnotations);
          d.replies = replies;
        }
        return d.replies;
      },
    };
  }
}

const indexes = new WeakMap<Y.Doc, LayerIndex>();

/** The one index of a doc (made on first use; it follows the doc for the doc's lifetime). */
export function layerIndexOf(doc: Y.Doc): LayerIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = new LayerIndex(doc);
    indexes.set(doc, index);
  }
  return index;
}

/** The view of no doc at all. */
export const EMPTY_VIEW: LayerView = {
  version: 0,
  page: () => NO_ANNOTATIONS,
  complete: () => true,
  get: () => undefined,
  notes: () => [],
  authors: () => [],
  replies: () => new Map(),
};
