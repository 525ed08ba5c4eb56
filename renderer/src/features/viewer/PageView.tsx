// One page of the continuous scroll. Off-screen pages are empty boxes of the right size; a page
// near the view draws its canvas (HiDPI, capped) and pdf.js's TextLayer for selection and find.
// Leaving the view releases the canvas memory at once (width/height 0), which is what keeps a
// 500-page paper's memory flat.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
import { CSS_UNITS, loadedPdfjs } from './pdfjs-loader';
import { releaseCanvas } from './canvas-size';
import { startPageRender } from './page-render';
import type { PageRender } from './page-render';
import { scheduleRender } from './render-scheduler';
import { foldWithMap, foldVietnamese } from '../../../../shared/text/fold';

export interface PageOverlayInfo {
  pageNumber: number;
  /** The viewport at the current zoom (for converting between PDF user space and CSS px). */
  viewport: PageViewport;
}

export interface PageViewProps {
  /** Null while pdf.js is still opening the paper (the page is an empty box, or its preview). */
  pdf: PDFDocumentProxy | null;
  /** A picture of the page to show until its canvas is drawn. */
  preview?: HTMLCanvasElement | null;
  pageNumber: number;
  /** Zoom: 1 = real size (CSS px per PDF point × 96/72). */
  scale: number;
  width: number;
  height: number;
  top: number;
  active: boolean;
  /** On screen now (not just drawn ahead): its text layer is built right after its paint. */
  visible: boolean;
  onSize: (pageNumber: number, width: number, height: number) => void;
  renderOverlay?: ((info: PageOverlayInfo) => ReactNode) | undefined;
  findQuery: string;
  /** Index of the current find hit on this page, or -1. */
  currentHit: number;
  /** Called after each paint of this page. */
  onPainted?: ((pageNumber: number) => void) | undefined;
}

export { CSS_UNITS };

function markShown(pageNumber: number): void {
  if (performance.getEntriesByName(`pdf-page-shown-${pageNumber}`).length === 0)
    performance.mark(`pdf-page-shown-${pageNumber}`);
}

export const PageView = memo(function PageView(props: PageViewProps) {
  const {
    pdf,
    preview = null,
    pageNumber,
    scale,
    width,
    height,
    top,
    active,
    visible,
    onSize,
    renderOverlay,
    findQuery,
    currentHit,
    onPainted,
  } = props;
  const [page, setPage] = useState<PDFPageProxy | null>(null);
  const [painted, setPainted] = useState(false);
  const canvasHost = useRef<HTMLDivElement>(null);
  /** The canvas on screen (inside canvasHost). */
  const shown = useRef<HTMLCanvasElement | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const textDivs = useRef<HTMLElement[]>([]);
  const textItems = useRef<string[]>([]);
  const [textReady, setTextReady] = useState(0);

  useEffect(() => {
    if (!active || !pdf) return;
    let live = true;
    let loaded: PDFPageProxy | null = null;
    void pdf.getPage(pageNumber).then((p) => {
      if (!live) return;
      loaded = p;
      const vp = p.getViewport({ scale: 1 });
      onSize(pageNumber, vp.width * CSS_UNITS, vp.height * CSS_UNITS);
      setPage(p);
    });
    return () => {
      live = false;
      // Off screen: let pdf.js drop the page's operator list and fonts, or every page read stays
      // in memory (it refuses while a render is still running, which is then cancelled anyway).
      loaded?.cleanup();
    };
  }, [active, pdf, pageNumber, onSize]);

  const viewport = useMemo(
    () => (page ? page.getViewport({ scale: scale * CSS_UNITS }) : null),
    [page, scale],
  );

  // Canvas: re-rendered after the zoom settles; in between the old bitmap is stretched by CSS.
  // The first render of a page is queued at once; the page's finished canvas replaces the one
  // shown (no copy, never blank).
  useEffect(() => {
    if (!active || !page) return;
    let live = true;
    let render: PageRender | null = null;
    let unqueue: (() => void) | null = null;
    const begin = () => {
      render ??= startPageRender(
        page,
        page.getViewport({ scale: scale * CSS_UNITS }),
        window.devicePixelRatio,
      );
      return render;
    };
    const run = async () => {
      const canvas = await begin()
        .draw()
        .catch(() => null);
      if (!canvas) return;
      const host = canvasHost.current;
      if (!live || !host) {
        releaseCanvas(canvas);
        return;
      }
      const old = shown.current;
      if (old?.parentNode === host) host.replaceChild(canvas, old);
      else host.append(canvas);
      releaseCanvas(old);
      shown.current = canvas;
      setPainted(true);
      onPainted?.(pageNumber);
      // User Timing marks: benchmarks read when pdf.js first drew a page, and when the page was
      // first on screen at all (its preview, or this canvas).
      if (performance.getEntriesByName(`pdf-page-painted-${pageNumber}`).length === 0)
        performance.mark(`pdf-page-painted-${pageNumber}`);
      markShown(pageNumber);
    };
    const queue = () => {
      unqueue = scheduleRender(pageNumber, run, begin);
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    if (painted) timer = setTimeout(queue, 120);
    else queue();
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
      unqueue?.();
      render?.cancel();
    };
    // `painted` only picks the delay; it must not re-trigger a render. `onPainted` is read when
    // the render ends (a new callback need not restart it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, page, scale, pageNumber]);

  // The preview stands in below where the canvas goes, until the page's first paint.
  useEffect(() => {
    const host = canvasHost.current;
    if (!active || painted || !preview || !host) return;
    preview.className = 'pdf-canvas pdf-preview';
    preview.setAttribute('aria-hidden', 'true');
    host.prepend(preview);
    markShown(pageNumber);
    return () => preview.remove();
  }, [active, painted, preview, pageNumber]);

  // Text layer for selection and find; rebuilt when the zoom changes. Built after the page's
  // first paint: the reader sees the page before its text becomes selectable. A page drawn ahead
  // of the reader gets its text layer when the browser is idle (or once it is on screen), so it
  // does not hold up the next page's render.
  const [textWanted, setTextWanted] = useState(false);
  if (visible && painted && !textWanted) setTextWanted(true);
  useEffect(() => {
    if (!painted || textWanted) return;
    const want = () => setTextWanted(true);
    // Safari has no requestIdleCallback: a short delay there.
    if (!('requestIdleCallback' in window)) {
      const timer = setTimeout(want, 500);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(want, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [painted, textWanted]);
  useEffect(() => {
    const pdfjs = loadedPdfjs()?.pdfjs;
    if (!active || !page || !painted || !textWanted || !textRef.current || !pdfjs) return;
    const container = textRef.current;
    container.replaceChildren();
    const vp = page.getViewport({ scale: scale * CSS_UNITS });
    const layer = new pdfjs.TextLayer({
      textContentSource: page.streamTextContent(),
      container,
      viewport: vp,
    });
    let live = true;
    void layer.render().then(
      () => {
        if (!live) return;
        textDivs.current = layer.textDivs as HTMLElement[];
        textItems.current = layer.textContentItemsStr;
        setTextReady((n) => n + 1);
      },
      () => {},
    );
    return () => {
      live = false;
      layer.cancel();
      container.replaceChildren();
      textDivs.current = [];
    };
  }, [active, page, scale, painted, textWanted]);

  // Find highlights: mark the text spans that a (diacritic-insensitive) match touches.
  useEffect(() => {
    const divs = textDivs.current;
    for (const d of divs) d.classList.remove('find-hit', 'find-current');
    const q = foldVietnamese(findQuery.trim());
    if (!q || divs.length === 0) return;
    const items = textItems.current;
    const joined = items.join('');
    const starts: number[] = [];
    let acc = 0;
    for (const s of items) {
      starts.push(acc);
      acc += s.length;
    }
    const { folded, sourceIndex } = foldWithMap(joined);
    let from = 0;
    let hit = 0;
    for (;;) {
      const at = folded.indexOf(q, from);
      if (at < 0) break;
      const a = sourceIndex[at]!;
      const b = sourceIndex[at + q.length - 1]!;
      for (let i = 0; i < items.length; i++) {
        const s = starts[i]!;
        const e = s + items[i]!.length;
        if (e > a && s <= b) {
          divs[i]?.classList.add('find-hit');
          if (hit === currentHit) {
            divs[i]?.classList.add('find-current');
            divs[i]?.scrollIntoView({ block: 'center', inline: 'nearest' });
          }
        }
      }
      hit++;
      from = at + q.length;
    }
  }, [findQuery, currentHit, textReady]);

  useEffect(() => {
    if (active) return;
    // Off screen: the canvas's memory goes at once (the page keeps only its box).
    shown.current?.remove();
    releaseCanvas(shown.current);
    shown.current = null;
    setPainted(false);
    setTextWanted(false);
    setPage(null);
  }, [active]);

  useEffect(
    () => () => {
      releaseCanvas(shown.current);
      shown.current = null;
    },
    [],
  );

  return (
    <div
      className="pdf-page"
      data-page-number={pageNumber}
      data-painted={painted ? 'true' : 'false'}
      style={{ top, width, height, ['--total-scale-factor' as string]: String(scale * CSS_UNITS) }}
      role="region"
      aria-label={`${pageNumber}`}
    >
      {active && (
        <>
          {/* Holds the page's canvas, put in and swapped by the render above (not by React). */}
          <div ref={canvasHost} className="pdf-canvas-host" />
          <div ref={textRef} className="textLayer" />
          {viewport && renderOverlay?.({ pageNumber, viewport })}
        </>
      )}
    </div>
  );
});
