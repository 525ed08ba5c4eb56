// Pages whose code is big and not needed to start the app (the PDF viewer with pdf.js, the minutes
// editor with its rich-text editor and signing code) load as their own chunks, so the app's entry
// is smaller to download, parse and run. The app must still open them with the network down once
// it has loaded: prefetchPages() loads every such chunk when the app is idle after start, and a
// loaded module stays in memory for the session.
import { useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { afterStart } from './after-start';

const loaders: Array<() => Promise<unknown>> = [];

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="page" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A page component loaded on first use (or by prefetchPages), shown with a loading line. */
export function lazyPage(load: () => Promise<ComponentType>): {
  Page: ComponentType;
  preload: () => Promise<unknown>;
} {
  let loading: Promise<ComponentType> | null = null;
  // Once here, the page renders directly. Not through lazy() and Suspense: React holds back content
  // that replaces a fallback until the fallback has been up 300 ms, so a paper opened by its
  // address, whose viewer code arrived a moment after the session check, waited for nothing.
  let loaded: ComponentType | null = null;
  const preload = () => {
    loading ??= load().then(
      (C) => (loaded = C),
      (err: unknown) => {
        // Offline before it was ever loaded: the next attempt asks again.
        loading = null;
        throw err;
      },
    );
    return loading;
  };
  loaders.push(preload);
  function Page() {
    const { t } = useTranslation();
    const [page, setPage] = useState<{ C: ComponentType } | { failed: unknown } | null>(() =>
      loaded ? { C: loaded } : null,
    );
    useEffect(() => {
      if (page) return;
      let live = true;
      preload().then(
        (C) => live && setPage({ C }),
        (err: unknown) => live && setPage({ failed: err }),
      );
      return () => {
        live = false;
      };
    }, [page]);
    // The route's error element shows this, with a button to try again.
    if (page && 'failed' in page) throw new Error(t('app.pageLoadFailed'), { cause: page.failed });
    if (!page) return <Loading />;
    return <page.C />;
  }
  return { Page, preload };
}

/** Code a lazy page loads on its own once it runs (pdf.js for the viewer): prefetched the same way. */
export function prefetchAlso(load: () => Promise<unknown>): void {
  loaders.push(load);
}

let prefetching = false;

/** Loads every lazy page's chunk once the app has started and the browser is idle. */
export function prefetchPages(): void {
  if (prefetching) return;
  prefetching = true;
  const run = () =>
    void Promise.allSettled(loaders.map((l) => l())).then((results) => {
      // Tests wait for this mark before they take the network away.
      if (results.every((r) => r.status === 'fulfilled')) performance.mark('app-pages-prefetched');
      else prefetching = false;
    });
  afterStart(run);
}
