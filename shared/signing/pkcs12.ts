import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derToPem, toArrayBuffer } from './pem';
import { OID } from './oids';
import { defaultCrypto } from './web-crypto';
import type { WebCrypto, WebCryptoKey } from './web-crypto';

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

interface ShroudedBagParser {
  parseInternalValues(p: { password: ArrayBuffer }, engine: pkijs.CryptoEngine): Promise<void>;
}

export interface SigningIdentity {
  privateKey: WebCryptoKey;
  /** The signer's certificate first, then the other certificates of the file. */
  certificates: pkijs.Certificate[];
  /** The same certificates as PEM, for the host's "prepare" call. */
  certificateChainPem: string[];
  signerName: string;
}

export class Pkcs12Error extends Error {
  constructor(
    readonly reason: 'malformed' | 'passphrase' | 'no-key' | 'no-certificate' | 'unsupported-key',
    message: string,
  ) {
    super(message);
  }
}

function localKeyId(bag: pkijs.SafeBag): string | null {
  const attr = bag.bagAttributes?.find((a) => a.type === LOCAL_KEY_ID);
  const value = attr?.values[0] as asn1js.OctetString | undefined;
  if (!value) return null;
  return Array.from(new Uint8Array(value.valueBlock.valueHexView), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function commonName(name: pkijs.RelativeDistinguishedNames): string {
  const cn = name.typesAndValues.find((t) => t.type === OID.commonName);
  const value = cn?.value.valueBlock as { value?: unknown } | undefined;
  return typeof value?.value === 'string' ? value.value : '';
}

function isCa(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  return (ext?.parsedValue as pkijs.BasicConstraints | undefined)?.cA === true;
}

async function importKey(info: pkijs.PrivateKeyInfo, crypto: WebCrypto): Promise<WebCryptoKey> {
  const der = info.toSchema().toBER(false);
  const alg = info.privateKeyAlgorithm;
  if (alg.algorithmId === OID.rsaEncryption)
    return crypto.subtle.importKey(
      'pkcs8',
      der,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
  if (alg.algorithmId === OID.ecPublicKey) {
    const curveOid =
      alg.algorithmParams instanceof asn1js.ObjectIdentifier
        ? alg.algorithmParams.valueBlock.toString()
        : '';
    const namedCurve = curveOid === OID.p256 ? 'P-256' : curveOid === OID.p384 ? 'P-384' : null;
    if (!namedCurve)
      throw new Pkcs12Error('unsupported-key', `Unsupported elliptic curve ${curveOid}.`);
    return crypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve }, false, ['sign']);
  }
  throw new Pkcs12Error('unsupported-key', `Unsupported key algorithm ${alg.algorithmId}.`);
}

/**
 * Opens a PKCS#12 (.p12/.pfx) file with its passphrase using WebCrypto only, so it runs in the
 * signer's browser: the key is imported as non-extractable and never leaves this process.
 * Supports the PBES2/AES files current tools write (OpenSSL 3 default, Windows, pkijs).
 */
export async function readPkcs12(
  bytes: Uint8Array,
  passphrase: string,
  crypto: WebCrypto = defaultCrypto(),
): Promise<SigningIdentity> {
  const engine = new pkijs.CryptoEngine({ name: 'pkcs12', crypto });
  pkijs.setEngine('pkcs12', engine);
  const password = toArrayBuffer(new TextEncoder().encode(passphrase));
  const asn1 = asn1js.fromBER(toArrayBuffer(bytes));
  let pfx: pkijs.PFX;
  try {
    if (asn1.offset === -1) throw new Error('not DER');
    pfx = new pkijs.PFX({ schema: asn1.result });
  } catch {
    throw new Pkcs12Error('malformed', 'The file is not a PKCS#12 (.p12/.pfx) file.');
  }
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch {
    throw new Pkcs12Error('passphrase', 'Wrong passphrase, or the file is damaged.');
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Pkcs12Error('malformed', 'The PKCS#12 file has no content.');
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
  } catch {
    throw new Pkcs12Error(
      'passphrase',
      'Could not decrypt the PKCS#12 content (wrong passphrase or an unsupported legacy cipher).',
    );
  }
  let keyInfo: pkijs.PrivateKeyInfo | null = null;
  let keyId: string | null = null;
  const certs: Array<{ cert: pkijs.Certificate; id: string | null }> = [];
  for (const contents of safe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === BAG.shroudedKey) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        try {
          // pkijs marks this protected, yet PKCS#12 readers must call it to decrypt the key bag.
          await (shrouded as unknown as ShroudedBagParser).parseInternalValues(
            { password },
            engine,
          );
        } catch {
          throw new Pkcs12Error(
            'passphrase',
            'Could not decrypt the private key (wrong passphrase or an unsupported legacy cipher).',
          );
        }
        keyInfo = shrouded.parsedValue ?? null;
        keyId = localKeyId(bag);
      } else if (bag.bagId === BAG.key) {
        keyInfo = bag.bagValue as pkijs.PrivateKeyInfo;
        keyId = localKeyId(bag);
      } else if (bag.bagId === BAG.cert) {
        const parsed = (bag.bagValue as pkijs.CertBag).parsedValue;
        if (parsed instanceof pkijs.Certificate) certs.push({ cert: parsed, id: localKeyId(bag) });
      }
    }
  }
  if (!keyInfo) throw new Pkcs12Error('no-key', 'The PKCS#12 file holds no private key.');
  const signer =
    (keyId ? certs.find((c) => c.id === keyId) : undefined) ??
    certs.find((c) => !isCa(c.cert)) ??
    certs[0];
  if (!signer) throw new Pkcs12Error('no-certificate', 'The PKCS#12 file holds no certificate.');
  const privateKey = await importKey(keyInfo, crypto);
  const ordered = [signer.cert, ...certs.filter((c) => c !== signer).map((c) => c.cert)];
  return {
    privateKey,
    certificates: ordered,
    certificateChainPem: ordered.map((c) => derToPem(new Uint8Array(c.toSchema().toBER(false)))),
    signerName: commonName(signer.cert.subject),
  };
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}
