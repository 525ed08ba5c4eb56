/**
 * Whether a browser page from `origin` may open a sync socket. Browsers send Origin on every
 * WebSocket; a page on another site (a cross-site WebSocket hijack) has a different one. Clients
 * that send none (Node, the y-websocket client in tests) carry a token and are judged by it.
 * Allowed: the host's own origin as the client addressed it (Host header) or as it announced it,
 * and the Electron shell's app:// origin.
 */
export function isOriginAllowed(
  origin: string | undefined,
  hostHeader: string | undefined,
  hostUrl: string,
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol === 'app:') return true;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (hostHeader && parsed.host.toLowerCase() === hostHeader.toLowerCase()) return true;
  if (hostUrl) {
    try {
      if (new URL(hostUrl).origin === parsed.origin) return true;
    } catch {
      return false;
    }
  }
  return false;
}
