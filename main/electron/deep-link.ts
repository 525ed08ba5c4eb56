// phonghop://join?url=https://ADDR:PORT&t=TOKEN&h=HOSTID&fp=FINGERPRINT: what the room's QR
// code offers the desktop app. Parsed strictly; anything else is ignored.
import type { JoinRequest } from '../../shared/ipc/bridge';

export const DEEP_LINK_SCHEME = 'phonghop';

export function parseDeepLink(link: string): JoinRequest | null {
  let u: URL;
  try {
    u = new URL(link);
  } catch {
    return null;
  }
  if (u.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  // `phonghop://join?...` parses with host "join"; `phonghop:join?...` with pathname "join".
  const action = u.host || u.pathname.replace(/^\/+/, '');
  if (action !== 'join') return null;
  const q = u.searchParams;
  const url = q.get('url');
  if (!url) return null;
  const out: JoinRequest = { url };
  const t = q.get('t');
  const code = q.get('code');
  const h = q.get('h');
  const fp = q.get('fp');
  if (t) out.token = t;
  if (code) out.code = code;
  if (h) out.hostId = h;
  if (fp) out.fingerprint = fp;
  return out;
}

/** On Windows and Linux a deep link arrives as a command-line argument of a second instance. */
export function deepLinkFromArgv(argv: readonly string[]): JoinRequest | null {
  for (const arg of argv) {
    if (arg.startsWith(`${DEEP_LINK_SCHEME}:`)) {
      const parsed = parseDeepLink(arg);
      if (parsed) return parsed;
    }
  }
  return null;
}
