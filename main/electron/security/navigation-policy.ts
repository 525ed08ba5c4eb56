// Where the app's windows may go. The window shows the app (app://renderer or the room host's
// origin) and nothing else: any other navigation is refused, new windows are never opened inside
// the app, and only vetted https links go to the system browser.

export const APP_ORIGIN = 'app://renderer';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Origins are compared as URL.origin strings; app:// URLs have an opaque origin, so build it. */
export function originOf(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  if (u.protocol === 'app:') return `app://${u.host}`;
  return u.origin === 'null' ? null : u.origin;
}

/** In-window navigation: only within the app's own origins. */
export function mayNavigate(target: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(target);
  return origin !== null && appOrigins.includes(origin);
}

/**
 * A link worth handing to the system browser: https only, no user:password part, no IP literal
 * tricks such as `https://evil@host`, and not one of our own origins (those stay in the app).
 */
export function isVettedExternalUrl(target: string, appOrigins: readonly string[] = []): boolean {
  const u = parse(target);
  if (!u || u.protocol !== 'https:') return false;
  if (u.username || u.password) return false;
  if (!u.hostname || u.hostname.length > 253) return false;
  if (appOrigins.includes(u.origin)) return false;
  return true;
}

export type WindowOpenDecision = { action: 'deny'; openExternally: boolean };

/** `setWindowOpenHandler`: never a new app window; vetted https links open in the browser. */
export function decideWindowOpen(
  target: string,
  appOrigins: readonly string[],
): WindowOpenDecision {
  return { action: 'deny', openExternally: isVettedExternalUrl(target, appOrigins) };
}
