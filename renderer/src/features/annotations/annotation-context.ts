// What each page's annotation layer needs from the surface around the viewer.
import { createContext } from 'react';
import type { NewAnnotation, ShownAnnotation } from './AnnotationLayer';
import type { ToolState } from './tools';
import type { ViewportRegistry } from './viewport-registry';

export interface AnnotationContextValue {
  /** What a page's layer shows (the same array while that page's annotations are unchanged). */
  shownOn: (page: number) => readonly ShownAnnotation[];
  me: string;
  tool: ToolState;
  selectedId: string | null;
  penSeen: { current: boolean };
  viewports: ViewportRegistry;
  onCreate: (page: number, n: NewAnnotation) => void;
  onErase: (items: ShownAnnotation[]) => void;
  onSelect: (s: ShownAnnotation | null) => void;
  onMove: (s: ShownAnnotation, dx: number, dy: number) => void;
  onOpenNote: (s: ShownAnnotation) => void;
}

export const AnnotationContext = createContext<AnnotationContextValue | null>(null);
