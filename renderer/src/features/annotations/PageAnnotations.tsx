// The bridge from a viewer page to its annotation layer (reads the surface's context).
import { useContext, useEffect } from 'react';
import type { PageViewport } from 'pdfjs-dist';
import { AnnotationContext } from './annotation-context';
import { AnnotationLayer } from './AnnotationLayer';

export function PageAnnotations({
  pageNumber,
  viewport,
}: {
  pageNumber: number;
  viewport: PageViewport;
}) {
  const ctx = useContext(AnnotationContext);
  const viewports = ctx?.viewports;
  useEffect(() => {
    if (!viewports) return;
    viewports.set(pageNumber, viewport);
    return () => viewports.delete(pageNumber, viewport);
  }, [viewports, pageNumber, viewport]);
  if (!ctx) return null;
  return (
    <AnnotationLayer
      pageNumber={pageNumber}
      viewport={viewport}
      shown={ctx.shownOn(pageNumber)}
      me={ctx.me}
      tool={ctx.tool}
      selectedId={ctx.selectedId}
      penSeen={ctx.penSeen}
      onCreate={ctx.onCreate}
      onErase={ctx.onErase}
      onSelect={ctx.onSelect}
      onMove={ctx.onMove}
      onOpenNote={ctx.onOpenNote}
    />
  );
}
