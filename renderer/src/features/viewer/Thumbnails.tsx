// Sidebar of page thumbnails. Each one draws only when it scrolls into the sidebar's view, at a
// small fixed width, so a 500-page paper does not render 500 pages up front.
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { releaseCanvas } from './canvas-size';

const THUMB_WIDTH = 120;

const Thumb = memo(function Thumb({
  pdf,
  pageNumber,
  current,
  onPick,
}: {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  current: boolean;
  onPick: (p: number) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver(
      (entries) => setVisible(entries.some((e) => e.isIntersecting)),
      { rootMargin: '200px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    let cancel = () => {};
    const canvas = canvasRef.current;
    void pdf.getPage(pageNumber).then((page) => {
      if (!live || !canvas) return;
      const vp1 = page.getViewport({ scale: 1 });
      const vp = page.getViewport({ scale: THUMB_WIDTH / vp1.width });
      canvas.width = Math.floor(vp.width);
      canvas.height = Math.floor(vp.height);
      const task = page.render({ canvas, viewport: vp });
      cancel = () => task.cancel();
      task.promise.catch(() => {});
    });
    return () => {
      live = false;
      cancel();
      releaseCanvas(canvas);
    };
  }, [visible, pdf, pageNumber]);

  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <button
      ref={ref}
      type="button"
      className={`thumb${current ? ' thumb-current' : ''}`}
      aria-current={current ? 'page' : undefined}
      aria-label={t('viewer.goToPage', { page: pageNumber })}
      onClick={() => onPick(pageNumber)}
    >
      <canvas ref={canvasRef} style={{ width: THUMB_WIDTH }} aria-hidden="true" />
      <span>{pageNumber}</span>
    </button>
  );
});

export function Thumbnails({
  pdf,
  current,
  onPick,
}: {
  pdf: PDFDocumentProxy;
  current: number;
  onPick: (p: number) => void;
}) {
  const { t } = useTranslation();
  const items = [];
  for (let p = 1; p <= pdf.numPages; p++)
    items.push(<Thumb key={p} pdf={pdf} pageNumber={p} current={p === current} onPick={onPick} />);
  return (
    <nav className="thumbs" aria-label={t('viewer.thumbnails')}>
      {items}
    </nav>
  );
}
