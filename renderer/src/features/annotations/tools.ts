// The annotation tools and their settings (shared by the toolbar and the page layers).
export type Tool =
  'text' | 'pen' | 'marker' | 'highlight' | 'eraser' | 'select' | 'note' | 'rect' | 'arrow';
export type HighlightMode = 'highlight' | 'underline' | 'strike';
/** What the viewer shows. */
export type LayerView = 'both' | 'mine' | 'shared' | 'none';
/** Where new annotations go. */
export type TargetLayer = 'private' | 'shared';

export interface ToolState {
  tool: Tool;
  color: string;
  /** Stroke width in PDF points. */
  width: number;
  highlightMode: HighlightMode;
}

export const COLOURS = ['#d32f2f', '#1565c0', '#2e7d32', '#111827', '#f9a825', '#8e24aa'] as const;
export const WIDTHS = [1, 2, 4, 8] as const;

/** Tools that draw with the pointer on the page (the others leave the text layer usable). */
export function isDrawingTool(t: Tool): boolean {
  return (
    t === 'pen' ||
    t === 'marker' ||
    t === 'eraser' ||
    t === 'select' ||
    t === 'note' ||
    t === 'rect' ||
    t === 'arrow'
  );
}
