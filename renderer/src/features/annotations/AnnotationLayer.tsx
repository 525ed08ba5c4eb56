// The annotation overlay of one page: canvases with the committed annotations (one per layer), one
// for the selection frame, one for the stroke being drawn, and a focusable button per note.
// Pointer input is converted to PDF user space through the page viewport, so what is drawn at one
// zoom lands on the same spot at any other.
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageViewport } from 'pdfjs-dist';
import type { Annotation, InkPoint } from '../../../../shared/annotations/model';
import { NOTE_ICON_SIZE } from '../../../../shared/annotations/model';
import { drawAnnotation, drawSelection } from './draw-annotations';
import { CommittedPainter, setPdfTransform, sizeCanvas } from './committed-painter';
import type { Painted } from './committed-painter';
import { normalisePressure, pointerMayDraw, smoothStroke } from './ink-input';
import { topmostAt } from './hit-test';
import type { ToolState } from './tools';
import { isDrawingTool } from './tools';
import { releaseCanvas } from '../viewer/canvas-size';

/** An annotation as shown, with the layer it lives in. */
export interface ShownAnnotation {
  a: Annotation;
  layer: 'shared' | 'private';
}

export type NewAnnotation =
  | { kind: 'ink'; points: InkPoint[] }
  | { kind: 'note'; at: [number, number] }
  | { kind: 'shape'; shape: 'rect' | 'arrow'; from: [number, number]; to: [number, number] };

interface Props {
  pageNumber: number;
  viewport: PageViewport;
  /** Kept the same array while unchanged: a new one means a redraw (of what changed). */
  shown: readonly ShownAnnotation[];
  me: string;
  tool: ToolState;
  selectedId: string | null;
  penSeen: { current: boolean };
  onCreate: (page: number, n: NewAnnotation) => void;
  onErase: (ids: ShownAnnotation[]) => void;
  onSelect: (s: ShownAnnotation | null) => void;
  onMove: (s: ShownAnnotation, dx: number, dy: number) => void;
  onOpenNote: (s: ShownAnnotation) => void;
}

export const AnnotationLayer = memo(function AnnotationLayer(props: Props) {
  const {
    pageNumber,
    viewport,
    shown,
    me,
    tool,
    selectedId,
    penSeen,
    onCreate,
    onErase,
    onSelect,
    onMove,
    onOpenNote,
  } = props;
  const { t } = useTranslation();
  const committedShared = useRef<HTMLCanvasElement>(null);
  const committedPrivate = useRef<HTMLCanvasElement>(null);
  const live = useRef<HTMLCanvasElement>(null);
  const selection = useRef<HTMLCanvasElement>(null);
  const gesture = useRef<{
    id: number;
    kind: string;
    points: InkPoint[];
    start: [number, number];
    moving?: ShownAnnotation;
    last?: [number, number];
  } | null>(null);

  // Committed annotations: drawn once, then only what changed (committed-painter.ts). Each layer
  // has its own canvas, so a stroke arriving in one is drawn on top of that layer's canvas alone
  // even when the page has strokes of the other (one list would need a full redraw).
  const layerRef = useRef<HTMLDivElement>(null);
  const painters = useRef<Record<
    ShownAnnotation['layer'],
    CommittedPainter<ShownAnnotation>
  > | null>(null);
  useEffect(() => {
    const sharedCanvas = committedShared.current;
    const privateCanvas = committedPrivate.current;
    if (!sharedCanvas || !privateCanvas) return;
    const painted = { shared: { count: 0, inkCount: 0 }, private: { count: 0, inkCount: 0 } };
    // Set here rather than rendered: the counts say what the canvases show, which may lag the
    // list by a few slices on a page with thousands of strokes.
    const onPainted = (layer: ShownAnnotation['layer']) => (p: Painted) => {
      painted[layer] = p;
      const el = layerRef.current;
      if (!el) return;
      el.dataset.count = String(painted.shared.count + painted.private.count);
      el.dataset.inkCount = String(painted.shared.inkCount + painted.private.inkCount);
    };
    const p = {
      shared: new CommittedPainter<ShownAnnotation>(sharedCanvas, onPainted('shared')),
      private: new CommittedPainter<ShownAnnotation>(privateCanvas, onPainted('private')),
    };
    painters.current = p;
    return () => {
      p.shared.dispose();
      p.private.dispose();
      painters.current = null;
    };
  }, []);
  const byLayer = useMemo(
    () => ({
      shared: shown.filter((s) => s.layer === 'shared'),
      private: shown.filter((s) => s.layer === 'private'),
    }),
    [shown],
  );
  useEffect(() => {
    painters.current?.shared.paint(byLayer.shared, viewport);
    painters.current?.private.paint(byLayer.private, viewport);
  }, [byLayer, viewport]);

  // The selection frame has its own canvas, so selecting never redraws the strokes.
  const selectedShown = useMemo(
    () => (selectedId ? shown.find((s) => s.a.id === selectedId) : undefined),
    [shown, selectedId],
  );
  useEffect(() => {
    const canvas = selection.current;
    if (!canvas) return;
    if (!selectedShown) {
      releaseCanvas(canvas);
      return;
    }
    const ratio = sizeCanvas(canvas, viewport);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    setPdfTransform(ctx, viewport, ratio);
    drawSelection(ctx, selectedShown.a, viewport.scale);
  }, [selectedShown, viewport]);

  useEffect(() => {
    const l = live.current;
    const s = selection.current;
    return () => {
      releaseCanvas(l);
      releaseCanvas(s);
    };
  }, []);

  const toPdf = (e: React.PointerEvent): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    const [x, y] = viewport.convertToPdfPoint(e.clientX - r.left, e.clientY - r.top) as [
      number,
      number,
    ];
    return [x, y];
  };

  const drawLive = () => {
    const g = gesture.current;
    const canvas = live.current;
    if (!canvas) return;
    const ratio = sizeCanvas(canvas, viewport);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!g) return;
    setPdfTransform(ctx, viewport, ratio);
    const style = {
      color: tool.color,
      width: tool.tool === 'marker' ? tool.width * 4 : tool.width,
      opacity: tool.tool === 'marker' ? 0.4 : 1,
    };
    const base = {
      id: 'live',
      author: me,
      authorName: '',
      createdAt: 0,
      updatedAt: 0,
      documentVersion: '',
      page: pageNumber,
      style,
    };
    if (g.kind === 'ink' && g.points.length > 0)
      drawAnnotation(ctx, { ...base, kind: 'ink', points: g.points });
    if ((g.kind === 'rect' || g.kind === 'arrow') && g.last)
      drawAnnotation(ctx, { ...base, kind: 'shape', shape: g.kind, from: g.start, to: g.last });
  };

  const tolerance = 8 / viewport.scale;
  const mine = useMemo(() => shown.filter((s) => s.a.author === me), [shown, me]);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'pen') penSeen.current = true;
    if (!pointerMayDraw(e.pointerType, penSeen.current) || e.button > 0) return;
    if (gesture.current) return;
    const p = toPdf(e);
    const kind = tool.tool;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
    if (kind === 'pen' || kind === 'marker') {
      gesture.current = {
        id: e.pointerId,
        kind: 'ink',
        points: [[p[0], p[1], normalisePressure(e.pointerType, e.pressure)]],
        start: p,
      };
      drawLive();
    } else if (kind === 'rect' || kind === 'arrow') {
      gesture.current = { id: e.pointerId, kind, points: [], start: p };
    } else if (kind === 'eraser') {
      gesture.current = { id: e.pointerId, kind, points: [], start: p };
      const hit = topmostAt(
        mine.map((s) => s.a),
        p[0],
        p[1],
        tolerance,
      );
      if (hit) onErase(mine.filter((s) => s.a.id === hit.id));
    } else if (kind === 'select') {
      const hit = topmostAt(
        mine.map((s) => s.a),
        p[0],
        p[1],
        tolerance,
      );
      const s = hit ? (mine.find((m) => m.a.id === hit.id) ?? null) : null;
      onSelect(s);
      if (s) gesture.current = { id: e.pointerId, kind, points: [], start: p, moving: s, last: p };
    } else if (kind === 'note') {
      onCreate(pageNumber, {
        kind: 'note',
        at: [p[0] - NOTE_ICON_SIZE / 2, p[1] + NOTE_ICON_SIZE / 2],
      });
    }
  };

  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (!g || g.id !== e.pointerId) return;
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [e.nativeEvent];
    const r = e.currentTarget.getBoundingClientRect();
    if (g.kind === 'ink') {
      for (const ev of events.length ? events : [e.nativeEvent]) {
        const [x, y] = viewport.convertToPdfPoint(ev.clientX - r.left, ev.clientY - r.top) as [
          number,
          number,
        ];
        if (g.points.length < 3900)
          g.points.push([x, y, normalisePressure(ev.pointerType, ev.pressure)]);
      }
      drawLive();
    } else if (g.kind === 'rect' || g.kind === 'arrow') {
      g.last = toPdf(e);
      drawLive();
    } else if (g.kind === 'eraser') {
      const p = toPdf(e);
      const hit = topmostAt(
        mine.map((s) => s.a),
        p[0],
        p[1],
        tolerance,
      );
      if (hit) onErase(mine.filter((s) => s.a.id === hit.id));
    } else if (g.kind === 'select' && g.moving) {
      g.last = toPdf(e);
    }
  };

  const onPointerUp = (e: React.PointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (!g || g.id !== e.pointerId) return;
    gesture.current = null;
    if (e.type === 'pointercancel') {
      drawLive();
      return;
    }
    if (g.kind === 'ink') onCreate(pageNumber, { kind: 'ink', points: smoothStroke(g.points) });
    else if (
      (g.kind === 'rect' || g.kind === 'arrow') &&
      g.last &&
      Math.hypot(g.last[0] - g.start[0], g.last[1] - g.start[1]) > 2
    )
      onCreate(pageNumber, { kind: 'shape', shape: g.kind, from: g.start, to: g.last });
    else if (g.kind === 'select' && g.moving && g.last) {
      const dx = g.last[0] - g.start[0];
      const dy = g.last[1] - g.start[1];
      if (Math.abs(dx) + Math.abs(dy) > 0.5) onMove(g.moving, dx, dy);
    }
    drawLive();
  };

  const drawing = isDrawingTool(tool.tool);
  const notes = useMemo(() => shown.filter((s) => s.a.kind === 'note'), [shown]);
  return (
    <div
      className={`annot-layer${drawing ? ' annot-drawing' : ''}`}
      ref={layerRef}
      data-testid={`annot-layer-${pageNumber}`}
      onPointerDown={drawing ? onPointerDown : undefined}
      onPointerMove={drawing ? onPointerMove : undefined}
      onPointerUp={drawing ? onPointerUp : undefined}
      onPointerCancel={drawing ? onPointerUp : undefined}
    >
      <canvas ref={committedShared} className="annot-canvas" aria-hidden="true" />
      <canvas ref={committedPrivate} className="annot-canvas" aria-hidden="true" />
      <canvas ref={selection} className="annot-canvas" aria-hidden="true" />
      <canvas ref={live} className="annot-canvas" aria-hidden="true" />
      {notes.map((s) => {
        if (s.a.kind !== 'note') return null;
        const [x, y] = viewport.convertToViewportPoint(s.a.at[0], s.a.at[1]) as [number, number];
        const size = Math.max(28, NOTE_ICON_SIZE * viewport.scale);
        return (
          <button
            key={s.a.id}
            type="button"
            className={`note-icon${s.layer === 'private' ? ' note-private' : ''}${s.a.id === selectedId ? ' note-selected' : ''}`}
            style={{ left: x, top: y, width: size, height: size, borderColor: s.a.style.color }}
            aria-label={t('annot.openNote', {
              author: s.a.authorName,
              text: s.a.text.slice(0, 60),
            })}
            data-testid="note-icon"
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => onOpenNote(s)}
          >
            <span aria-hidden="true">✎</span>
          </button>
        );
      })}
    </div>
  );
});
