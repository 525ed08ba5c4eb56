import { z } from 'zod';
import { Id } from './common';

/** What a search hit is: a meeting title, an agenda item, a page of a paper, minutes, a ballot question. */
export const SearchKind = z.enum(['meeting', 'agenda', 'page', 'minutes', 'ballot']);
export type SearchKind = z.infer<typeof SearchKind>;

const DateOnly = z.iso.date();

/** `kind=page,agenda` or one kind. */
const KindList = z
  .string()
  .max(100)
  .transform((s) =>
    s
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  )
  .pipe(z.array(SearchKind).min(1));

export const SearchQuery = z.object({
  /** Words match with or without diacritics; "quoted words" are a phrase; word* is a prefix. */
  q: z.string().trim().min(1).max(500),
  /** Meetings starting on or after this date (YYYY-MM-DD, the meeting's local date). */
  from: DateOnly.optional(),
  /** Meetings starting on or before this date. */
  to: DateOnly.optional(),
  meeting: Id.optional(),
  kind: KindList.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const MatchTerm = z.object({ words: z.array(z.string()), prefix: z.boolean() });

export const SearchHit = z.object({
  kind: SearchKind,
  meetingId: Id,
  meetingTitle: z.string(),
  meetingStartsAt: z.string(),
  /** The agenda item, ballot or paper the hit is in (the meeting id for meeting and minutes hits). */
  sourceId: Id,
  /** Paper hits: the paper and its 1-based page. */
  documentId: Id.nullable(),
  page: z.number().int().nullable(),
  /** What the hit is in, for people: the paper's title, the agenda item, the ballot question. */
  label: z.string(),
  snippet: z.array(SnippetPart),
  /** Lower is better (SQLite FTS5 bm25). */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchAnswer = z.object({
  /** The parsed terms (folded), so a viewer can highlight the same matches. */
  terms: z.array(MatchTerm),
  hits: z.array(SearchHit),
  /** Whether more hits follow (ask again with offset = offset + hits.length). */
  more: z.boolean(),
});
export type SearchAnswer = z.infer<typeof SearchAnswer>;
