// pdf.js (about a megabyte of script, plus its worker) is its own chunk, loaded in parallel with
// the viewer's code instead of before it: the viewer lays out and shows page 1's preview without
// it, and only opening and drawing the paper wait for it. Nothing here imports pdf.js itself.
import type * as Pdfjs from './pdfjs';

type PdfjsModule = typeof Pdfjs;

let loading: Promise<PdfjsModule> | null = null;
let loaded: PdfjsModule | null = null;

/** pdf.js, loaded once per session (asked again after a failure, e.g. offline before it loaded). */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= import('./pdfjs').then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/**
 * pdf.js once it has loaded, else null. Code that holds a pdf.js page or document got it from
 * pdf.js, so for it this is never null.
 */
export function loadedPdfjs(): PdfjsModule | null {
  return loaded;
}

/** PDF user space units (1/72 in) to CSS pixels (1/96 in): pdf.js's PDF_TO_CSS_UNITS. */
export const CSS_UNITS = 96 / 72;

export type PasswordPrompt = (reason: 'need' | 'incorrect') => Promise<string | null>;

export class PasswordCancelled extends Error {
  constructor() {
    super('password cancelled');
  }
}
