// Opening a paper by its address (a link, a reload) used to wait for the app's script, the
// session check and the meeting before the paper's bytes and pdf.js's worker were even asked for:
// three round trips and a 1.2 MB worker compile one after the other. The app's entry calls
// startEarlyOpen() as its script runs, so those (and the meeting, and page 1's preview) start in
// parallel with the session check; the viewer takes them over when it mounts. No pdf.js import here: this sits in the app's entry.
import { getPaperBytes } from '../papers/offline-cache';
import { readToken } from '../../api/session-token';
import { api } from '../../api/client';
import type { MeetingDetail } from '../../../../shared/api/schemas/meetings';
import { loadPagePreview } from './page-preview';
import type { PagePreview } from './page-preview';

/** The worker script Vite ships beside the app (same pdfjs-dist version as the library). */
export const PDF_WORKER_URL = new URL(
  'pdfjs-dist/build/pdf.worker.min.mjs',
  import.meta.url,
).toString();

const PAPER_PATH = /^\/meetings\/([^/?#]+)\/documents\/([^/?#]+)\/?$/;

let earlyBytes: { documentId: string; bytes: Promise<Uint8Array> } | null = null;
let earlyPreview: { documentId: string; preview: Promise<PagePreview | null> } | null = null;
let earlyMeeting: { meetingId: string; detail: Promise<MeetingDetail> } | null = null;
let workerPort: Promise<Worker | null> | null = null;

/**
 * Starts the pdf.js worker (once per session): it resolves when the worker's script has loaded
 * and said it is ready, or null when the script could not load (pdf.js then starts its own).
 */
export function startPdfWorker(): Promise<Worker | null> {
  workerPort ??= new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(PDF_WORKER_URL, { type: 'module' });
    } catch {
      resolve(null);
      return;
    }
    const ac = new AbortController();
    // pdf.js's worker posts "ready" once its module ran; pdf.js ignores it on a given port.
    worker.addEventListener(
      'message',
      () => {
        ac.abort();
        resolve(worker);
      },
      { signal: ac.signal },
    );
    worker.addEventListener(
      'error',
      () => {
        ac.abort();
        worker.terminate();
        // Offline before the script was ever loaded: try again next time.
        workerPort = null;
        resolve(null);
      },
      { signal: ac.signal },
    );
  });
  return workerPort;
}

/**
 * When the page's address is a paper and someone is signed in, starts downloading the paper and
 * the pdf.js worker now. The host checks the token on the file request itself, so nothing is
 * shown or kept that the session check would have refused.
 */
export function startEarlyOpen(path: string = location.pathname, search = location.search): void {
  const match = PAPER_PATH.exec(path);
  if (!match?.[1] || !match[2] || !readToken()) return;
  let meetingId: string;
  let documentId: string;
  try {
    meetingId = decodeURIComponent(match[1]);
    documentId = decodeURIComponent(match[2]);
  } catch {
    return;
  }
  const bytes = getPaperBytes(documentId);
  // Not handled here: the viewer takes the outcome over (and asks again after a failure).
  bytes.catch(() => undefined);
  earlyBytes = { documentId, bytes };
  // The meeting says how many pages the paper has and who may do what in it.
  const detail = api.call('getMeeting', { params: { m: meetingId } });
  detail.catch(() => undefined);
  earlyMeeting = { meetingId, detail };
  // Page 1's picture, unless the address opens the paper further in (a search hit).
  if (!(Number(new URLSearchParams(search).get('page')) > 1))
    earlyPreview = { documentId, preview: loadPagePreview(documentId) };
  void startPdfWorker();
}

/** The early preview of `documentId`, once. */
export function takeEarlyPreview(documentId: string): Promise<PagePreview | null> | null {
  if (earlyPreview?.documentId !== documentId) return null;
  const { preview } = earlyPreview;
  earlyPreview = null;
  return preview;
}

/** The early answer for the meeting `meetingId`, once. */
export function takeEarlyMeeting(meetingId: string): Promise<MeetingDetail> | null {
  if (earlyMeeting?.meetingId !== meetingId) return null;
  const { detail } = earlyMeeting;
  earlyMeeting = null;
  return detail;
}

/** The paper whose download started early, if any. */
export function earlyDocumentId(): string | null {
  return earlyBytes?.documentId ?? null;
}

/** The early download of `documentId`, once (a later visit to the paper fetches it afresh). */
export function takeEarlyBytes(documentId: string): Promise<Uint8Array> | null {
  if (earlyBytes?.documentId !== documentId) return null;
  const { bytes } = earlyBytes;
  earlyBytes = null;
  return bytes;
}
