// The host's picture of a paper's first page (GET /documents/:d/preview, drawn at import). The
// viewer shows it in page 1's place as soon as it is here: pdf.js needs its worker started (most
// of a second on a tablet), the paper parsed and the page drawn before it can show anything, and
// then its canvas takes the picture's place. The picture is decoded before it is handed over, so
// showing it costs the main thread nothing. No pdf.js import here: this runs in the app's entry.
import { API_PREFIX } from '../../../../shared/api/contract';
import { readToken } from '../../api/session-token';

export interface PagePreview {
  /** The picture, ready to be put in the page (one element: one page shows it). */
  image: HTMLCanvasElement;
  /** The page's size in PDF points, as displayed. */
  width: number;
  height: number;
}

function pageSize(header: string | null): { width: number; height: number } | null {
  const [w, h] = (header ?? '').trim().split(/\s+/).map(Number);
  if (!w || !h || !(w > 0 && h > 0 && w < 1e5 && h < 1e5)) return null;
  return { width: w, height: h };
}

/**
 * Fetches and decodes the preview; null when there is none (a paper imported from an archive, a
 * password-protected one), the host cannot be reached, or the picture does not decode. Never
 * rejects: the viewer then simply waits for pdf.js.
 */
export async function loadPagePreview(
  documentId: string,
  signal?: AbortSignal,
): Promise<PagePreview | null> {
  try {
    const token = readToken();
    const res = await fetch(`${API_PREFIX}/documents/${encodeURIComponent(documentId)}/preview`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      ...(signal ? { signal } : {}),
    });
    const size = res.ok ? pageSize(res.headers.get('x-page-size')) : null;
    if (!size) return null;
    // createImageBitmap decodes on a background thread (an <img>'s decode() may take the main
    // thread, which is busy starting the app); the bitmap then moves into a canvas without a copy.
    const bitmap = await createImageBitmap(await res.blob());
    const image = document.createElement('canvas');
    image.width = bitmap.width;
    image.height = bitmap.height;
    const context = image.getContext('bitmaprenderer');
    if (!context) {
      bitmap.close();
      return null;
    }
    context.transferFromImageBitmap(bitmap);
    return { image, ...size };
  } catch {
    return null;
  }
}
