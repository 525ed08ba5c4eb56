// Where the viewer gets a paper's bytes: the host when it answers, else the copy kept on this
// device for offline reading (features/papers/offline-cache.ts decides which).
import { getPaperBytes } from '../papers/offline-cache';

/** The paper's bytes: from the host, or the device's offline copy when the host is unreachable. */
export function loadPaperBytes(documentId: string, signal?: AbortSignal): Promise<Uint8Array> {
  return getPaperBytes(documentId, signal);
}
