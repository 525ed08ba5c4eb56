import { z } from 'zod';

export const SavedBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200),
  height: z.number().int().min(200),
  maximized: z.boolean(),
});
export type SavedBounds = z.infer<typeof SavedBounds>;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 };

/**
 * Where to open the window: the saved place if it still shows on one of today's displays (a
 * projector may be gone), otherwise the default size centred by the system.
 */
export function restoreBounds(
  saved: SavedBounds | null,
  workAreas: readonly Rect[],
): Partial<Rect> & { width: number; height: number; maximized: boolean } {
  if (!saved) return { ...DEFAULT_SIZE, maximized: false };
  const visible = workAreas.some(
    (a) =>
      saved.x + 100 <= a.x + a.width &&
      saved.x + saved.width - 100 >= a.x &&
      saved.y >= a.y - 10 &&
      saved.y + 50 <= a.y + a.height,
  );
  if (!visible)
    return {
      width: Math.min(saved.width, DEFAULT_SIZE.width),
      height: Math.min(saved.height, DEFAULT_SIZE.height),
      maximized: saved.maximized,
    };
  return {
    x: saved.x,
    y: saved.y,
    width: saved.width,
    height: saved.height,
    maximized: saved.maximized,
  };
}
