// Vietnamese diacritic-insensitive matching: "Quyết định" and "quyet dinh" must find each other.
// NFD splits a precomposed letter into its base and combining marks (U+0300–U+036F); we drop the
// marks and lower-case. "đ"/"Đ" are separate letters, not a base plus a mark, so they map to "d"
// explicitly. Used by the viewer's find-in-document and by search indexing alike.

const COMBINING = /[\u0300-\u036f]/g;

/** Folds text for matching: lower case, no tone or vowel marks, đ → d. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

/**
 * Folds text and keeps, for each folded character, the index of the source character it came
 * from, so a match found in folded text can be highlighted in the original.
 */
export function foldWithMap(text: string): { folded: string; sourceIndex: number[] } {
  let folded = '';
  const sourceIndex: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldVietnamese(ch);
    for (let k = 0; k < f.length; k++) sourceIndex.push(i);
    folded += f;
    i += ch.length;
  }
  return { folded, sourceIndex };
}

/** Every [start, end) range of `text` (source indices) whose folded form contains the folded query. */
export function findFolded(text: string, query: string): Array<[number, number]> {
  const q = foldVietnamese(query.trim());
  if (!q) return [];
  const { folded, sourceIndex } = foldWithMap(text);
  const hits: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(q, from);
    if (at < 0) break;
    const start = sourceIndex[at]!;
    const lastSource = sourceIndex[at + q.length - 1]!;
    const end = lastSource + (text.codePointAt(lastSource)! > 0xffff ? 2 : 1);
    hits.push([start, end]);
    from = at + q.length;
  }
  return hits;
}

// ---- Search: word-aligned term matching and snippets (the archive's search uses these to
// highlight hits in the original text; the index itself holds foldVietnamese(text)).

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/** One search term: folded words (several form a phrase); `prefix`: the last may continue. */
export interface MatchTerm {
  words: string[];
  prefix: boolean;
}

/** A range [start, end) of the original text. */
export interface TextRange {
  start: number;
  end: number;
}

// Per-character fold results: Vietnamese text uses a few hundred distinct characters, and
// normalising each one anew is what made highlighting slow on long pages.
const foldedChars = new Map<string, string>();

/** `foldWithMap`, faster: ASCII folds inline, other characters through a cache. Same output. */
function foldWithMapFast(text: string): { folded: string; sourceIndex: number[] } {
  const parts: string[] = [];
  const sourceIndex: number[] = [];
  let i = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    let f: string;
    if (code < 0x80) f = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
    else {
      let cached = foldedChars.get(ch);
      if (cached === undefined) {
        cached = foldVietnamese(ch);
        if (foldedChars.size < 10_000) foldedChars.set(ch, cached);
      }
      f = cached;
    }
    for (let k = 0; k < f.length; k++) sourceIndex.push(i);
    parts.push(f);
    i += ch.length;
  }
  return { folded: parts.join(''), sourceIndex };
}

/** The original-text range of folded units [a, b). */
function sourceRange(
  text: string,
  sourceIndex: readonly number[],
  a: number,
  b: number,
): TextRange {
  const start = sourceIndex[a]!;
  const last = sourceIndex[b - 1]!;
  let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
  // Combining marks after the last letter (NFD input) belong to it.
  while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
  return { start, end };
}

/**
 * Where the terms occur in `text`, aligned to whole words as the search index tokenises, as
 * sorted, merged ranges of the original text. A phrase matches its words separated by anything
 * that is not a letter or digit; a prefix term's last word may be the start of a longer word.
 */
export function findTerms(text: string, terms: readonly MatchTerm[]): TextRange[] {
  const { folded, sourceIndex } = foldWithMapFast(text);
  const found: TextRange[] = [];
  for (const term of terms) {
    if (term.words.length === 0) continue;
    const pattern = term.words
      .map((w, idx) => {
        const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return idx === term.words.length - 1 && term.prefix ? `${escaped}[\\p{L}\\p{N}]*` : escaped;
      })
      .join('[^\\p{L}\\p{N}]+');
    const re = new RegExp(pattern, 'gu');
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const a = m.index;
      const b = a + m[0].length;
      if (b === a) {
        re.lastIndex++;
        continue;
      }
      if (isWordChar(folded[a - 1]) || isWordChar(folded[b])) continue;
      found.push(sourceRange(text, sourceIndex, a, b));
    }
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: TextRange[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** A piece of a snippet; `match` pieces are highlighted. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * A short excerpt of `text` around the first match, as plain and highlighted parts (never HTML,
 * so no markup can be injected through indexed text). Whitespace is collapsed.
 */
export function snippet(text: string, terms: readonly MatchTerm[], maxChars = 200): SnippetPart[] {
  const ranges = findTerms(text, terms);
  let from = 0;
  let to = Math.min(text.length, maxChars);
  const first = ranges[0];
  if (first) {
    from = Math.max(0, first.start - Math.floor(maxChars / 3));
    // Start and end on word boundaries so the excerpt does not cut a word.
    while (from > 0 && from < first.start && isWordChar(text[from - 1])) from++;
    to = Math.min(text.length, Math.max(from + maxChars, first.end));
    while (to < text.length && to > first.end && isWordChar(text[to])) to--;
  }
  const parts: SnippetPart[] = [];
  const push = (s: string, match: boolean) => {
    const clean = s.replace(/\s+/g, ' ');
    if (clean.length === 0) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += clean;
    else parts.push({ text: clean, match });
  };
  if (from > 0) push('… ', false);
  let at = from;
  for (const r of ranges) {
    if (r.end <= at) continue;
    if (r.start >= to) break;
    const a = Math.max(r.start, at);
    const b = Math.min(r.end, to);
    if (a > at) push(text.slice(at, a), false);
    push(text.slice(a, b), true);
    at = b;
  }
  if (at < to) push(text.slice(at, to), false);
  if (to < text.length) push(' …', false);
  return parts;
}
