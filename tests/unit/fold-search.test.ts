import { describe, expect, it } from 'vitest';
import { findTerms, foldVietnamese, snippet } from '../../shared/text/fold';
import { parseQuery, toFtsMatch } from '../../main/host/search/query';

describe('Vietnamese folding for search', () => {
  it('folds diacritics and đ on both sides, NFC and NFD alike', () => {
    expect(foldVietnamese('Đà Nẵng')).toBe('da nang');
    expect(foldVietnamese('đồng')).toBe('dong');
    expect(foldVietnamese('Quyết định'.normalize('NFD'))).toBe(
      foldVietnamese('Quyết định'.normalize('NFC')),
    );
  });

  it('parses words, phrases and prefixes into a quoted FTS5 expression', () => {
    const terms = parseQuery('"Đà Nẵng" quyết* ngân-sách');
    expect(terms).toEqual([
      { words: ['da', 'nang'], prefix: false },
      { words: ['quyet'], prefix: true },
      { words: ['ngan', 'sach'], prefix: false },
    ]);
    expect(toFtsMatch(terms)).toBe('"da nang" AND "quyet"* AND "ngan sach"');
  });

  it('never lets input become FTS5 syntax', () => {
    const terms = parseQuery('body:x OR NEAR(a b) "unterminated');
    expect(toFtsMatch(terms)).not.toMatch(/[():]/);
    expect(parseQuery('*** "" --')).toEqual([]);
  });

  it('finds whole-word matches in the original text, NFD input included', () => {
    const text = 'Ủy ban nhân dân thành phố Đà Nẵng; đồng ý với đồng chí.';
    const ranges = findTerms(text, parseQuery('da nang dong'));
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Đà', 'Nẵng', 'đồng', 'đồng']);
    const nfd = text.normalize('NFD');
    const r2 = findTerms(nfd, parseQuery('"da nang"'));
    expect(r2.map((r) => nfd.slice(r.start, r.end).normalize('NFC'))).toEqual(['Đà Nẵng']);
    // "dan" is not a word of "dân" + suffix; a prefix term is.
    expect(findTerms('dândụng', parseQuery('dan'))).toEqual([]);
    expect(findTerms('dândụng', parseQuery('dan*'))).toHaveLength(1);
  });

  it('builds snippets as plain and highlighted parts around the first match', () => {
    const long = `${'Mở đầu văn bản. '.repeat(30)}Kế hoạch đầu tư công trung hạn của tỉnh. ${'Phần kết. '.repeat(30)}`;
    const parts = snippet(long, parseQuery('"trung han"'), 120);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toContain('trung hạn');
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(140);
  });
});
