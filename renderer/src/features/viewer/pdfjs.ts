// pdf.js set-up: the worker comes from the same pdfjs-dist version, bundled by Vite as a file (no
// CDN: the meeting room may have no internet). eval stays off: papers are untrusted input.
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PDF_WORKER_URL, startPdfWorker } from './early-open';
import { PasswordCancelled } from './pdfjs-loader';
import type { PasswordPrompt } from './pdfjs-loader';

// Used only when the worker started by early-open.ts could not load.
pdfjs.GlobalWorkerOptions.workerSrc = PDF_WORKER_URL;

export { pdfjs };

// One worker for the whole session, started with the first paper (or as the app opened on a
// paper's address): later papers open without a new worker start-up, and still open when the
// Wi-Fi has dropped (the worker script is not fetched again). pdf.js leaves a worker it was given
// running when a document is destroyed.
let sharedWorker: Promise<pdfjs.PDFWorker> | null = null;
async function worker(): Promise<pdfjs.PDFWorker> {
  const current = sharedWorker && (await sharedWorker);
  if (current && !current.destroyed) return current;
  sharedWorker = startPdfWorker().then((port) =>
    port ? pdfjs.PDFWorker.create({ port }) : new pdfjs.PDFWorker(),
  );
  return sharedWorker;
}

/** Starts the worker now (its script loads and compiles while the paper's bytes download). */
export function warmPdfWorker(): void {
  void worker();
}
export type { PDFDocumentProxy };

/**
 * Opens a paper from its bytes. For a password-protected paper, `askPassword` is called (again
 * after a wrong one) until it answers or returns null (then PasswordCancelled is thrown).
 */
export async function openPdf(
  bytes: Uint8Array,
  askPassword: PasswordPrompt,
): Promise<PDFDocumentProxy> {
  // pdf.js transfers the buffer to its worker: give it a copy so the cache keeps its bytes.
  const w = await worker();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    worker: w,
    isEvalSupported: false,
    enableXfa: false,
  });
  let cancelled = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    void askPassword(
      reason === pdfjs.PasswordResponses.INCORRECT_PASSWORD ? 'incorrect' : 'need',
    ).then((pw) => {
      if (pw === null) {
        cancelled = true;
        void task.destroy();
      } else update(pw);
    });
  };
  try {
    return await task.promise;
  } catch (err) {
    if (cancelled) throw new PasswordCancelled();
    throw err;
  }
}
