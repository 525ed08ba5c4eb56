// One page of the continuous scroll. Off-screen pages are empty boxes of the right size; a page
// near the view draws its canvas (HiDPI, capped) and pdf.js's TextLayer for selection and find.
// Leaving the view releases the canvas memory at once (width/height 0), which is what keeps a
// 500-page paper's heap flat.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PDFDocumentProxy, PDFPageProxy, PageViewport, RenderTask } from 'pdfjs-dist';
import { pdfjs } from './pdfjs';
import { outputScale } from './canvas-size';
import { scheduleRender } from './render-scheduler';
import { foldWithMap, foldVietnamese } from '../../../../shared/text/fold';

export interface PageOverlayInfo {
  pageNumber: number;
  /** The viewport at the current zoom (for converting between PDF user space and CSS px). */
  viewport: PageViewport;
}

export interface PageViewProps {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  /** Zoom: 1 = real size (CSS px per PDF point × 96/72). */
  scale: number;
  width: number;
  height: number;
  top: number;
  active: boolean;
  onSize: (pageNumber: number, width: number, height: number) => void;
  renderOverlay?: ((info: PageOverlayInfo) => ReactNode) | undefined;
  findQuery: string;
  /** Index of the current find hit on this page, or -1. */
  currentHit: number;
}

export const CSS_UNITS = pdfjs.PixelsPerInch.PDF_TO_CSS_UNITS;

function releaseCanvas(canvas: HTMLCanvasElement | null) {
  if (!canvas) return;
  canvas.width = 0;
  canvas.height = 0;
}

export const PageView = memo(function PageView(props: PageViewProps) {
  const {
    pdf,
    pageNumber,
    scale,
    width,
    height,
    top,
    active,
    onSize,
    renderOverlay,
    findQuery,
    currentHit,
  } = props;
  const [page, setPage] = useState<PDFPageProxy | null>(null);
  const [painted, setPainted] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const textDivs = useRef<HTMLElement[]>([]);
  const textItems = useRef<string[]>([]);
  const [textReady, setTextReady] = useState(0);

  useEffect(() => {
    if (!active) return;
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
  useEffect(() => {
    if (!active || !page) return;
    const canvas = canvasRef.current;
    if (!canvas) return;
    let task: RenderTask | null = null;
    let unqueue: (() => void) | null = null;
    const render = () =>
      new Promise<void>((resolve) => {
        const vp = page.getViewport({ scale: scale * CSS_UNITS });
        const out = outputScale(vp.width, vp.height, window.devicePixelRatio);
        const target = document.createElement('canvas');
        target.width = Math.floor(vp.width * out);
        target.height = Math.floor(vp.height * out);
        task = page.render({
          canvas: target,
          viewport: vp,
          transform: out !== 1 ? [out, 0, 0, out, 0, 0] : undefined,
          annotationMode: pdfjs.AnnotationMode.ENABLE,
        });
        task.promise
          .then(
            () => {
              // Swap in the finished bitmap in one step, so zooming never shows a blank page.
              canvas.width = target.width;
              canvas.height = target.height;
              canvas.getContext('2d')?.drawImage(target, 0, 0);
              releaseCanvas(target);
              setPainted(true);
              // User Timing mark: benchmarks read when a page first became visible on screen.
              if (performance.getEntriesByName(`pdf-page-painted-${pageNumber}`).length === 0)
                performance.mark(`pdf-page-painted-${pageNumber}`);
            },
            () => releaseCanvas(target),
          )
          .finally(resolve);
      });
    const timer = setTimeout(
      () => {
        unqueue = scheduleRender(pageNumber, render);
      },
      painted ? 120 : 0,
    );
    return () => {
      clearTimeout(timer);
      unqueue?.();
      task?.cancel();
    };
    // `painted` only picks the delay; it must not re-trigger a render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, page, scale, pageNumber]);

  // Text layer for selection and find; rebuilt when the zoom changes. Built after the page's
  // first paint: the reader sees the page before its text becomes selectable.
  useEffect(() => {
    if (!active || !page || !painted || !textRef.current) return;
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
  }, [active, page, scale, painted]);

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
    const canvas = canvasRef.current;
    if (!active) {
      releaseCanvas(canvas);
      setPainted(false);
      setPage(null);
    }
  }, [active]);

  useEffect(() => () => releaseCanvas(canvasRef.current), []);

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
          <canvas ref={canvasRef} className="pdf-canvas" aria-hidden="true" />
          <div ref={textRef} className="textLayer" />
          {viewport && renderOverlay?.({ pageNumber, viewport })}
        </>
      )}
    </div>
  );
});
