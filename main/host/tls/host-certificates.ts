// The host's own certificate authority and server certificate, created on the first LAN start.
// Tablets trust (or pin) the CA once; the server certificate can be re-issued when the host's
// addresses change without anyone having to trust anything new.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, webcrypto, X509Certificate as NodeX509 } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// @peculiar/x509 takes the WebCrypto object; Node's implements it.
const crypto = webcrypto as unknown as Parameters<typeof x509.X509CertificateGenerator.create>[1] &
  webcrypto.Crypto;
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;
// Browsers refuse server certificates valid for more than 398 days, even from a local CA.
const SERVER_DAYS = 397;
const CA_YEARS = 10;
const RENEW_BEFORE_DAYS = 30;

export interface HostTlsMaterial {
  /** PEM: the server certificate followed by the chain up to (and including) the root. */
  certChainPem: string;
  keyPem: string;
  /** The root of the chain: the host CA, or the top of an admin-provided chain. */
  caPem: string;
  /** SHA-256 of the root certificate (DER), as colon-separated upper-case hex. */
  fingerprint: string;
  /** base64 SHA-256 of the root's SubjectPublicKeyInfo (Chromium's SPKI pin format). */
  spkiPin: string;
  /** Whether the host made these itself (false: admin-provided files). */
  generated: boolean;
}

export interface EnsureCertificateOptions {
  /** Folder holding ca.pem, ca-key.pem, server.pem, server-key.pem. */
  dir: string;
  /** DNS names and IP addresses the server certificate must cover. */
  names: readonly string[];
  now?: Date;
}

const IP_V4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const isIp = (name: string) => IP_V4.test(name) || name.includes(':');

export function fingerprintOf(pem: string): string {
  return new NodeX509(pem).fingerprint256;
}

export function spkiPinOf(pem: string): string {
  const spki = new NodeX509(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** Splits a PEM bundle into its certificates, in order. */
export function splitPemChain(pem: string): string[] {
  return (
    pem
      .match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)
      ?.map((c) => `${c}\n`) ?? []
  );
}

function material(chain: string[], keyPem: string, generated: boolean): HostTlsMaterial {
  const root = chain[chain.length - 1];
  if (!root) throw new Error('The certificate file holds no certificate.');
  return {
    certChainPem: chain.join(''),
    keyPem,
    caPem: root,
    fingerprint: fingerprintOf(root),
    spkiPin: spkiPinOf(root),
    generated,
  };
}

/** An admin-provided certificate (with its chain) and key, read from PEM files. */
export function loadProvidedCertificate(certFile: string, keyFile: string): HostTlsMaterial {
  const chain = splitPemChain(fs.readFileSync(certFile, 'utf8'));
  if (chain.length === 0) throw new Error(`${certFile} holds no PEM certificate.`);
  return material(chain, fs.readFileSync(keyFile, 'utf8'), false);
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = await crypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function importKeyPem(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decode(pem)[0];
  if (!der) throw new Error('Empty private key file.');
  return crypto.subtle.importKey('pkcs8', der, EC, false, ['sign']);
}

function writeSecret(file: string, text: string): void {
  // Written whole then renamed, so a crash never leaves half a key; readable by the host only.
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

async function createCa(now: Date, hostLabel: string) {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: `CN=Phong hop khong giay CA (${hostLabel}), O=Phong hop khong giay`,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + CA_YEARS * 365 * DAY),
      keys,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { cert, keys };
}

async function createServerCert(
  ca: x509.X509Certificate,
  caKey: CryptoKey,
  names: readonly string[],
  now: Date,
) {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const first = names[0] ?? 'localhost';
  const cert = await x509.X509CertificateGenerator.create(
    {
      subject: `CN=${first}`,
      issuer: ca.subject,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + SERVER_DAYS * DAY),
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
        new x509.SubjectAlternativeNameExtension(
          names.map((value) => ({ type: isIp(value) ? ('ip' as const) : ('dns' as const), value })),
          false,
        ),
        await x509.AuthorityKeyIdentifierExtension.create(ca, false, crypto),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { cert, keys };
}

/** Whether the stored server certificate still covers `names` and is not close to expiry. */
function serverCertStillGood(pem: string, names: readonly string[], now: Date): boolean {
  const cert = new NodeX509(pem);
  if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY) return false;
  const san = cert.subjectAltName ?? '';
  const covered = new Set(
    san.split(',').map((part) =>
      part
        .trim()
        .replace(/^(DNS|IP Address):/, '')
        .toLowerCase(),
    ),
  );
  return names.every((n) => covered.has(n.toLowerCase()));
}

/**
 * Returns the host's TLS material, creating the CA on first use and (re)issuing the server
 * certificate when its names changed or it nears expiry. The CA key never leaves `dir`.
 */
export async function ensureHostCertificates(
  opts: EnsureCertificateOptions,
): Promise<HostTlsMaterial> {
  const now = opts.now ?? new Date();
  const names = [...new Set(opts.names.map((n) => n.toLowerCase()))];
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const caFile = path.join(opts.dir, 'ca.pem');
  const caKeyFile = path.join(opts.dir, 'ca-key.pem');
  const serverFile = path.join(opts.dir, 'server.pem');
  const serverKeyFile = path.join(opts.dir, 'server-key.pem');

  let caPem: string;
  let caKey: CryptoKey;
  if (fs.existsSync(caFile) && fs.existsSync(caKeyFile)) {
    caPem = fs.readFileSync(caFile, 'utf8');
    caKey = await importKeyPem(fs.readFileSync(caKeyFile, 'utf8'));
  } else {
    const ca = await createCa(now, names.find((n) => !isIp(n) && n !== 'localhost') ?? 'host');
    caPem = ca.cert.toString('pem') + '\n';
    caKey = ca.keys.privateKey;
    writeSecret(caKeyFile, await exportKeyPem(ca.keys.privateKey));
    fs.writeFileSync(caFile, caPem);
    fs.rmSync(serverFile, { force: true });
  }

  if (!(
    fs.existsSync(serverFile) &&
    fs.existsSync(serverKeyFile) &&
    serverCertStillGood(fs.readFileSync(serverFile, 'utf8'), names, now)
  )) {
    const server = await createServerCert(new x509.X509Certificate(caPem), caKey, names, now);
    writeSecret(serverKeyFile, await exportKeyPem(server.keys.privateKey));
    fs.writeFileSync(serverFile, server.cert.toString('pem') + '\n');
  }
  const chain = [fs.readFileSync(serverFile, 'utf8'), caPem];
  return material(chain, fs.readFileSync(serverKeyFile, 'utf8'), true);
}
