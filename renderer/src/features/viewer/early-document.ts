// The next step after early-open.ts: pdf.js opens the paper as soon as its bytes and pdf.js's
// code are here, while the app is still checking the session and mounting the viewer. The viewer adopts the open document when it mounts. A password asked for before then
// waits for the viewer's dialog.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { earlyDocumentId, takeEarlyBytes } from './early-open';
import { loadPdfjs } from './pdfjs-loader';
import type { PasswordPrompt } from './pdfjs-loader';

interface EarlyDocument {
  documentId: string;
  pdf: Promise<PDFDocumentProxy>;
  answerWith: (prompt: PasswordPrompt) => void;
}

let early: EarlyDocument | null = null;

/** Opens the paper whose bytes early-open.ts is downloading (a no-op when there is none). */
export function openEarlyDocument(): void {
  const documentId = earlyDocumentId();
  const bytes = documentId ? takeEarlyBytes(documentId) : null;
  if (!documentId || !bytes) return;
  let prompt: PasswordPrompt | null = null;
  const waiting: Array<() => void> = [];
  const relay: PasswordPrompt = async (reason) => {
    while (!prompt) await new Promise<void>((resolve) => waiting.push(resolve));
    return prompt(reason);
  };
  const pdf = bytes.then(async (b) => (await loadPdfjs()).openPdf(b, relay));
  // Not handled here: the viewer takes the outcome over (and opens the paper again on failure).
  // Page 1 is read now too: the viewer lays out the scroll from its size.
  pdf.then((d) => d.getPage(1)).catch(() => undefined);
  early = {
    documentId,
    pdf,
    answerWith: (p) => {
      prompt = p;
      for (const wake of waiting.splice(0)) wake();
    },
  };
}

/** The early-opened `documentId`, once; `prompt` answers any password it asks for. */
export function takeEarlyDocument(
  documentId: string,
  prompt: PasswordPrompt,
): Promise<PDFDocumentProxy> | null {
  if (early?.documentId !== documentId) return null;
  const taken = early;
  early = null;
  taken.answerWith(prompt);
  return taken.pdf;
}
