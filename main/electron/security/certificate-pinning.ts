import { X509Certificate } from 'node:crypto';

/** `AB12…` (64 hex digits): how fingerprints are compared. */
export function compactFingerprint(fp: string): string {
  return fp.replace(/:/g, '').toUpperCase();
}

/**
 * Whether a certificate chain (leaf first, PEM) is acceptable for `hostname` given the pinned
 * fingerprint: some certificate of the chain must have that SHA-256 fingerprint, each must have
 * been issued by the next, the leaf must name the host and be within its validity.
 */
export function chainMatchesPin(
  chainPem: readonly string[],
  hostname: string,
  pinned: string,
  now = new Date(),
): boolean {
  if (chainPem.length === 0) return false;
  let certs: X509Certificate[];
  try {
    certs = chainPem.map((p) => new X509Certificate(p));
  } catch {
    return false;
  }
  const want = compactFingerprint(pinned);
  const pinIndex = certs.findIndex((c) => compactFingerprint(c.fingerprint256) === want);
  if (pinIndex < 0) return false;
  for (let i = 0; i < pinIndex; i++) {
    const child = certs[i]!;
    const parent = certs[i + 1]!;
    if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) return false;
  }
  const leaf = certs[0]!;
  if (now < new Date(leaf.validFrom) || now > new Date(leaf.validTo)) return false;
  const bare = hostname.replace(/^\[|\]$/g, '');
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(bare) || bare.includes(':');
  return isIp ? leaf.checkIP(bare) !== undefined : leaf.checkHost(bare) !== undefined;
}
