// Vietnamese diacritic-insensitive matching: "Quyết định" and "quyet dinh" must find each other.
// NFD splits a precomposed letter into its base and combining marks (U+0300–U+036F); we drop the
// marks and lower-case. "đ"/"Đ" are separate letters, not a base plus a mark, so they map to "d"
// explicitly. Used by the viewer's find-in-document and by search indexing alike.

const COMBINING = /[\u0300-\u036f]/g;

/** Folds text for matching: lower case, no tone or vowel marks, đ → d. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
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
