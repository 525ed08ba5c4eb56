// Continuous-scroll PDF view. Only the visible pages and one either side are drawn (two ahead in
// the direction the reader is turning, so the next turn shows a page already drawn); only pages
// near the view are in the DOM at all, placed by their computed offsets in a box as tall as the
// whole paper (a 500-page paper is not 500 elements to lay out and re-render on every turn).
// Zoom: fit width, fit page, buttons, ctrl+wheel and two-finger pinch, anchored so the point
// under the fingers (or the view's top) stays put. Keyboard: PageDown/PageUp, ←/→, Home/End.
// Touch: a quick horizontal swipe turns the page.
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageSize } from './page-layout';
import { PageView } from './PageView';
import type { PageOverlayInfo } from './PageView';
import { clampScale, fitScale } from './canvas-size';
import type { ZoomMode } from './canvas-size';
import { PAGE_GAP, currentPageIndex, layoutPages, visibleRange } from './page-layout';
import { setPageInView } from './render-scheduler';

export interface ViewState {
  page: number;
  scale: number;
  mode: ZoomMode;
}

export interface PdfViewerHandle {
  goToPage(page: number): void;
  setZoom(mode: ZoomMode, scale?: number): void;
  zoomBy(factor: number): void;
  focus(): void;
}

interface Props {
  /** Null while pdf.js is still opening the paper: page 1 shows `preview` meanwhile. */
  pdf: PDFDocumentProxy | null;
  numPages: number;
  /** The host's picture of page 1, shown until pdf.js has drawn it (see page-preview.ts). */
  preview?: HTMLCanvasElement | null;
  /** Page 1's size at zoom 1: the layout's guess for pages not read yet. */
  firstPageSize: PageSize;
  label: string;
  initialMode?: ZoomMode;
  /** The page to open at (a search hit, a shared link); 1 when absent. */
  initialPage?: number;
  onViewChange?: (state: ViewState) => void;
  renderOverlay?: (info: PageOverlayInfo) => ReactNode;
  findQuery: string;
  /** The find hit to show: page and index among that page's hits. */
  findCurrent: { page: number; index: number } | null;
  /** Touch gestures (pinch, swipe) are off while a drawing tool owns the finger. */
  touchGestures: boolean;
  /** Called once, when the first page has been painted. */
  onFirstPaint?: () => void;
}

export const PdfViewer = forwardRef<PdfViewerHandle, Props>(function PdfViewer(props, ref) {
  const {
    pdf,
    numPages,
    preview = null,
    firstPageSize,
    label,
    initialMode = 'fit-width',
    initialPage = 1,
    onViewChange,
    renderOverlay,
    findQuery,
    findCurrent,
    touchGestures,
    onFirstPaint,
  } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [viewSize, setViewSize] = useState({ w: 0, h: 0 });
  const [scroll, setScroll] = useState(0);
  const [sizes, setSizes] = useState<Map<number, PageSize>>(new Map());
  const [zoom, setZoomState] = useState<{ mode: ZoomMode; scale: number }>({
    mode: initialMode,
    scale: 1,
  });
  // Scroll to restore after a layout change (zoom, page jump): page index + fraction into it.
  const pendingAnchor = useRef<{ index: number; fraction: number; viewOffset: number } | null>(
    null,
  );

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    setViewSize({ w: el.clientWidth, h: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  const base = firstPageSize;
  const scale =
    zoom.mode === 'custom' || viewSize.w === 0
      ? zoom.scale
      : fitScale(zoom.mode, base.width, base.height, viewSize.w, viewSize.h);
  const layout = useMemo(
    () => layoutPages(numPages, (i) => sizes.get(i + 1) ?? base, scale),
    [numPages, sizes, base, scale],
  );
  const [first, last] = visibleRange(layout, scroll, viewSize.h || 800);
  const current = currentPageIndex(layout, scroll, viewSize.h || 800) + 1;
  // The way the reader is turning (1 forward, -1 back), from the last change of page.
  const [turn, setTurn] = useState({ page: current, direction: 1 });
  if (turn.page !== current) setTurn({ page: current, direction: current > turn.page ? 1 : -1 });

  const onSize = useCallback((pageNumber: number, width: number, height: number) => {
    setSizes((prev) => {
      const old = prev.get(pageNumber);
      if (old && Math.abs(old.width - width) < 0.5 && Math.abs(old.height - height) < 0.5)
        return prev;
      const next = new Map(prev);
      next.set(pageNumber, { width, height });
      return next;
    });
  }, []);

  const anchorHere = useCallback(
    (viewOffset = 0) => {
      const el = scroller.current;
      if (!el) return;
      const y = el.scrollTop + viewOffset;
      const index = currentPageIndex(layout, y, 0);
      const h = layout.heights[index] ?? 1;
      pendingAnchor.current = { index, fraction: (y - (layout.tops[index] ?? 0)) / h, viewOffset };
    },
    [layout],
  );

  // After any layout change, put the anchored point back where it was.
  useLayoutEffect(() => {
    const a = pendingAnchor.current;
    const el = scroller.current;
    if (!a || !el) return;
    pendingAnchor.current = null;
    const top =
      (layout.tops[a.index] ?? 0) + a.fraction * (layout.heights[a.index] ?? 0) - a.viewOffset;
    el.scrollTop = Math.max(0, top);
    setScroll(el.scrollTop);
  }, [layout]);

  const setZoom = useCallback(
    (mode: ZoomMode, s?: number, viewOffset = 0) => {
      anchorHere(viewOffset);
      setZoomState({ mode, scale: clampScale(s ?? scale) });
    },
    [anchorHere, scale],
  );

  const goToPage = useCallback(
    (page: number) => {
      const el = scroller.current;
      const index = Math.min(numPages, Math.max(1, Math.round(page))) - 1;
      if (!el) return;
      // The scroll offset the browser will clamp to, computed rather than read back: reading
      // scrollTop right after setting it forces a layout in the middle of the key press.
      const top = Math.max(
        0,
        Math.min((layout.tops[index] ?? 0) - PAGE_GAP, layout.total - viewSize.h),
      );
      el.scrollTop = top;
      setScroll(top);
    },
    [layout, numPages, viewSize.h],
  );

  // Open at the asked page once the view's size is known (before that the layout's page offsets
  // are guesses).
  const openedAt = useRef(false);
  useLayoutEffect(() => {
    if (openedAt.current || viewSize.w === 0) return;
    openedAt.current = true;
    if (initialPage > 1) goToPage(initialPage);
  }, [initialPage, viewSize.w, goToPage]);

  useImperativeHandle(
    ref,
    () => ({
      goToPage,
      setZoom: (mode, s) => setZoom(mode, s),
      zoomBy: (f) => setZoom('custom', scale * f),
      focus: () => scroller.current?.focus(),
    }),
    [goToPage, setZoom, scale],
  );

  useEffect(() => setPageInView(current), [current]);

  const firstPaintSeen = useRef(false);
  const onPainted = useCallback(() => {
    if (firstPaintSeen.current) return;
    firstPaintSeen.current = true;
    onFirstPaint?.();
  }, [onFirstPaint]);

  useEffect(() => {
    onViewChange?.({ page: current, scale, mode: zoom.mode });
  }, [current, scale, zoom.mode, onViewChange]);

  // ctrl+wheel (and trackpad pinch, which browsers report as ctrl+wheel) zooms around the pointer.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const offset = e.clientY - el.getBoundingClientRect().top;
      setZoom('custom', scale * Math.exp(-e.deltaY * 0.002), offset);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scale, setZoom]);

  // Two-finger pinch and one-finger swipe (touch only; pen and mouse draw or select).
  const touches = useRef(
    new Map<number, { x: number; y: number; t: number; x0: number; y0: number }>(),
  );
  const pinch = useRef<{ dist: number; scale: number } | null>(null);
  const onPointerDown = (e: React.PointerEvent) => {
    if (e.pointerType !== 'touch' || !touchGestures) return;
    touches.current.set(e.pointerId, {
      x: e.clientX,
      y: e.clientY,
      t: e.timeStamp,
      x0: e.clientX,
      y0: e.clientY,
    });
    if (touches.current.size === 2) {
      const [a, b] = [...touches.current.values()];
      pinch.current = { dist: Math.hypot(a!.x - b!.x, a!.y - b!.y), scale };
    }
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const t = touches.current.get(e.pointerId);
    if (!t) return;
    t.x = e.clientX;
    t.y = e.clientY;
    if (pinch.current && touches.current.size === 2) {
      const [a, b] = [...touches.current.values()];
      const dist = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      const el = scroller.current;
      const midY = (a!.y + b!.y) / 2 - (el?.getBoundingClientRect().top ?? 0);
      if (pinch.current.dist > 10)
        setZoom('custom', (pinch.current.scale * dist) / pinch.current.dist, midY);
    }
  };
  const onPointerEnd = (e: React.PointerEvent) => {
    const t = touches.current.get(e.pointerId);
    touches.current.delete(e.pointerId);
    if (touches.current.size < 2) pinch.current = null;
    if (!t || (e.type === 'pointercancel' && touches.current.size > 0)) return;
    const dx = e.clientX - t.x0;
    const dy = e.clientY - t.y0;
    if (e.timeStamp - t.t < 600 && Math.abs(dx) > 80 && Math.abs(dx) > 2 * Math.abs(dy))
      goToPage(current + (dx < 0 ? 1 : -1));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    const go = (p: number) => {
      e.preventDefault();
      goToPage(p);
    };
    switch (e.key) {
      case 'PageDown':
      case 'ArrowRight':
        go(current + 1);
        break;
      case 'PageUp':
      case 'ArrowLeft':
        go(current - 1);
        break;
      case 'Home':
        go(1);
        break;
      case 'End':
        go(numPages);
        break;
      case '+':
      case '=':
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          setZoom('custom', scale * 1.2);
        }
        break;
      case '-':
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          setZoom('custom', scale / 1.2);
        }
        break;
    }
  };

  // Drawn: the visible pages, one either side, one more ahead of the turn. In the DOM: two either
  // side of the visible ones, so a page is in place before it is drawn.
  const drawFrom = first - 1 - (turn.direction < 0 ? 1 : 0);
  const drawTo = last + 1 + (turn.direction > 0 ? 1 : 0);
  const pages: ReactNode[] = [];
  for (let i = Math.max(0, first - 2); i <= Math.min(numPages - 1, last + 2); i++) {
    const active = i >= drawFrom && i <= drawTo;
    pages.push(
      <PageView
        key={i}
        pdf={pdf}
        pageNumber={i + 1}
        preview={i === 0 ? preview : null}
        scale={scale}
        width={layout.widths[i]!}
        height={layout.heights[i]!}
        top={layout.tops[i]!}
        active={active}
        visible={i >= first && i <= last}
        onSize={onSize}
        // Not on the page drawn two ahead: its annotations are drawn when it comes next.
        renderOverlay={i >= first - 1 && i <= last + 1 ? renderOverlay : undefined}
        findQuery={active ? findQuery : ''}
        currentHit={findCurrent && findCurrent.page === i + 1 ? findCurrent.index : -1}
        onPainted={onPainted}
      />,
    );
  }

  return (
    <div
      ref={scroller}
      className="pdf-scroller"
      tabIndex={0}
      role="document"
      aria-label={label}
      data-testid="pdf-scroller"
      data-current-page={current}
      data-scale={scale.toFixed(3)}
      onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      style={{ touchAction: touchGestures ? 'pan-x pan-y' : 'none' }}
    >
      <div
        className="pdf-pages"
        style={{ height: layout.total, width: Math.max(...layout.widths, 0) + 2 * PAGE_GAP }}
      >
        {pages}
      </div>
    </div>
  );
});
