// The paper's own table of contents (PDF outline), with each entry resolved to its page.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';

interface Entry {
  title: string;
  page: number | null;
  children: Entry[];
}

type RawItem = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

async function resolve(pdf: PDFDocumentProxy, items: RawItem[]): Promise<Entry[]> {
  return Promise.all(
    items.map(async (item) => {
      let page: number | null = null;
      try {
        const dest =
          typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
        const ref = dest?.[0];
        if (ref && typeof ref === 'object')
          page =
            (await pdf.getPageIndex(ref as Parameters<PDFDocumentProxy['getPageIndex']>[0])) + 1;
        else if (typeof ref === 'number') page = ref + 1;
      } catch {
        page = null;
      }
      return { title: item.title, page, children: await resolve(pdf, item.items ?? []) };
    }),
  );
}

function Tree({ entries, onPick }: { entries: Entry[]; onPick: (p: number) => void }) {
  return (
    <ul>
      {entries.map((e, i) => (
        <li key={i}>
          <button
            type="button"
            className="link-button"
            disabled={e.page === null}
            onClick={() => e.page && onPick(e.page)}
          >
            {e.title}
          </button>
          {e.children.length > 0 && <Tree entries={e.children} onPick={onPick} />}
        </li>
      ))}
    </ul>
  );
}

export function OutlinePanel({
  pdf,
  onPick,
}: {
  pdf: PDFDocumentProxy;
  onPick: (p: number) => void;
}) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  useEffect(() => {
    let live = true;
    void pdf.getOutline().then(async (o) => {
      const resolved = o ? await resolve(pdf, o) : [];
      if (live) setEntries(resolved);
    });
    return () => {
      live = false;
    };
  }, [pdf]);
  if (entries === null) return <p role="status">{t('app.loading')}</p>;
  if (entries.length === 0) return <p>{t('viewer.noOutline')}</p>;
  return (
    <nav className="outline" aria-label={t('viewer.outline')}>
      <Tree entries={entries} onPick={onPick} />
    </nav>
  );
}
