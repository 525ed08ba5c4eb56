// Find in document, diacritic-insensitive (shared/text/fold.ts): Enter / Shift+Enter step
// through the hits, which the page text layers mark.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findInDocument } from './find-in-document';
import type { FindHit } from './find-in-document';

export function FindBar({
  pdf,
  onResult,
  initialQuery = '',
  fromPage = 1,
}: {
  pdf: PDFDocumentProxy;
  onResult: (query: string, hit: FindHit | null) => void;
  /** Opened from a search hit: its words, and its page (the first hit shown is there or after). */
  initialQuery?: string;
  fromPage?: number;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(initialQuery);
  const firstSearch = useRef(true);
  const [hits, setHits] = useState<FindHit[]>([]);
  const [at, setAt] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void findInDocument(pdf, query).then((h) => {
        if (!live) return;
        setHits(h);
        const start = firstSearch.current ? h.findIndex((x) => x.page >= fromPage) : 0;
        firstSearch.current = false;
        setAt(Math.max(0, start));
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [pdf, query, fromPage]);

  useEffect(() => {
    onResult(query, hits[at] ?? null);
  }, [query, hits, at, onResult]);

  const step = (d: number) => hits.length && setAt((a) => (a + d + hits.length) % hits.length);
  return (
    <div className="find-bar" role="search">
      <input
        type="search"
        aria-label={t('viewer.find')}
        placeholder={t('viewer.findPlaceholder')}
        value={query}
        data-testid="find-input"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <button
        type="button"
        onClick={() => step(-1)}
        disabled={hits.length === 0}
        aria-label={t('viewer.findPrev')}
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => step(1)}
        disabled={hits.length === 0}
        aria-label={t('viewer.findNext')}
      >
        ↓
      </button>
      <span role="status" data-testid="find-count">
        {query.trim()
          ? hits.length
            ? t('viewer.findCount', { current: at + 1, total: hits.length })
            : t('viewer.findNone')
          : ''}
      </span>
    </div>
  );
}
