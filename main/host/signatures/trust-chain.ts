import type * as pkijs from 'pkijs';
import { OID } from '../../../shared/signing/oids';

export interface ChainResult {
  /** A path from the signer to one of the trusted roots exists and every link's signature checks. */
  trusted: boolean;
  /** Every certificate of that path (or the signer's alone if none) is within its validity at `at`. */
  withinValidity: boolean;
  chain: pkijs.Certificate[];
  problem: 'untrusted' | 'expired' | 'not-yet-valid' | null;
}

const der = (c: pkijs.Certificate) => Buffer.from(c.toSchema().toBER(false));
const same = (a: pkijs.Certificate, b: pkijs.Certificate) => der(a).equals(der(b));

function isCa(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  return (ext?.parsedValue as pkijs.BasicConstraints | undefined)?.cA === true;
}

function validAt(cert: pkijs.Certificate, at: Date): 'ok' | 'expired' | 'not-yet-valid' {
  if (at < cert.notBefore.value) return 'not-yet-valid';
  if (at > cert.notAfter.value) return 'expired';
  return 'ok';
}

async function signedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  if (!cert.issuer.isEqual(issuer.subject)) return false;
  try {
    return await cert.verify(issuer);
  } catch {
    return false;
  }
}

/**
 * Builds a certification path from `signer` to a trusted root, taking intermediates from `pool`
 * (the certificates the CMS carries). Small and explicit on purpose: the trust anchors are the
 * few roots the administrator imported (Ban Cơ yếu Chính phủ), and each link's signature,
 * CA flag and validity period are checked.
 */
export async function buildChain(
  signer: pkijs.Certificate,
  pool: readonly pkijs.Certificate[],
  roots: readonly pkijs.Certificate[],
  at: Date = new Date(),
): Promise<ChainResult> {
  const chain: pkijs.Certificate[] = [signer];
  let current = signer;
  let trusted = false;
  for (let depth = 0; depth < 8; depth++) {
    if (roots.some((r) => same(r, current))) {
      trusted = true;
      break;
    }
    let issuer: pkijs.Certificate | undefined;
    for (const root of roots) if (isCa(root) && (await signedBy(current, root))) issuer = root;
    if (issuer) {
      chain.push(issuer);
      trusted = true;
      break;
    }
    for (const c of pool)
      if (!issuer && !same(c, current) && isCa(c) && (await signedBy(current, c))) issuer = c;
    if (!issuer || chain.some((c) => same(c, issuer))) break;
    chain.push(issuer);
    current = issuer;
  }
  const validity = chain.map((c) => validAt(c, at));
  const badTime = validity.find((v) => v !== 'ok') as 'expired' | 'not-yet-valid' | undefined;
  return {
    trusted,
    withinValidity: !badTime,
    chain,
    problem: !trusted ? 'untrusted' : (badTime ?? null),
  };
}

/** The signer's key may sign documents: keyUsage absent, or digitalSignature / nonRepudiation set. */
export function keyUsageAllowsSigning(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!ext) return true;
  const bits = ext.parsedValue as { valueBlock?: { valueHexView?: Uint8Array } } | undefined;
  const first = bits?.valueBlock?.valueHexView?.[0] ?? 0;
  return (first & 0x80) !== 0 || (first & 0x40) !== 0;
}
