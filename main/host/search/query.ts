// Turns what a person types into an FTS5 query over folded text. Everything the user typed ends up
// inside double-quoted FTS5 strings, so no input can inject FTS5 operators or column filters.
import { foldVietnamese } from '../../../shared/text/fold';
import type { MatchTerm } from '../../../shared/text/fold';

const MAX_TERMS = 20;

/** Words as the unicode61 tokenizer sees them: runs of letters and digits. */
function words(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * `"đà nẵng" quyet* dinh` → a phrase, a prefix term and a word. A bare token with punctuation
 * inside ("Đà-Nẵng", "12/2026") becomes a phrase of its words, as the tokenizer splits it.
 */
export function parseQuery(input: string): MatchTerm[] {
  const terms: MatchTerm[] = [];
  const re = /"([^"]*)"(\*?)|(\S+)/g;
  for (let m = re.exec(input); m && terms.length < MAX_TERMS; m = re.exec(input)) {
    const quoted = m[1];
    const raw = quoted ?? m[3] ?? '';
    const prefix = quoted !== undefined ? m[2] === '*' : raw.endsWith('*');
    const w = words(foldVietnamese(raw.normalize('NFC')));
    if (w.length > 0) terms.push({ words: w, prefix });
  }
  return terms;
}

/** The FTS5 MATCH expression: every term must occur (implicit AND). */
export function toFtsMatch(terms: readonly MatchTerm[]): string {
  return terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ');
}
