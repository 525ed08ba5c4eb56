import os from 'node:os';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackBind(bind: string): boolean {
  return LOOPBACK.has(bind) || bind.startsWith('127.');
}

export function isWildcardBind(bind: string): boolean {
  return bind === '0.0.0.0' || bind === '::' || bind === '';
}

/**
 * The names a tablet may use to reach this host: the bound address (or, on a wildcard bind,
 * every non-internal interface address), the hostname and its mDNS form, and loopback.
 */
export function hostNamesFor(bind: string, extra: readonly string[] = []): string[] {
  const names = new Set<string>(['localhost', '127.0.0.1']);
  const hostname = os.hostname().toLowerCase();
  if (hostname) {
    names.add(hostname);
    if (!hostname.includes('.')) names.add(`${hostname}.local`);
  }
  if (isWildcardBind(bind)) {
    for (const list of Object.values(os.networkInterfaces())) {
      for (const addr of list ?? []) {
        if (addr.internal) continue;
        // Link-local IPv6 needs a zone id that certificates cannot carry.
        if (addr.family === 'IPv6' && addr.address.startsWith('fe80')) continue;
        names.add(addr.address);
      }
    }
  } else {
    names.add(bind);
  }
  for (const e of extra) names.add(e);
  return [...names];
}

/** The address a LAN client should use, for the pairing URL: the bound one or the first LAN one. */
export function preferredLanAddress(bind: string): string {
  if (!isWildcardBind(bind)) return bind;
  for (const list of Object.values(os.networkInterfaces())) {
    for (const addr of list ?? [])
      if (!addr.internal && addr.family === 'IPv4') return addr.address;
  }
  return '127.0.0.1';
}
