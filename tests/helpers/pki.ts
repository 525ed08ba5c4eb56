// A test PKI made at test time: a root CA standing in for Ban Cơ yếu Chính phủ, and signer
// certificates for the chair and the secretary, with PKCS#12 files as signers carry them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webcrypto } from 'node:crypto';
// @peculiar/x509 resolves its ASN.1 parsers through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { writePkcs12 as writePkcs12WithPkijs } from '../../shared/signing/pkcs12-write';
import type { WebCrypto, WebCryptoKey } from '../../shared/signing/web-crypto';

// Key types as @peculiar/x509 declares them (the Node project compiles without the DOM library).
type KeyPair = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];
type PrivateKey = KeyPair['privateKey'];
const crypto = webcrypto;
// The last overload is set(key, crypto); its second parameter is the Crypto type in both builds.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

export type KeyKind = 'RSA' | 'EC';

const algorithms = {
  RSA: {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  },
  EC: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
} as const;

export interface Issued {
  cert: x509.X509Certificate;
  keys: KeyPair;
  pem: string;
  name: string;
}

export interface TestCa extends Issued {
  issue(opts: SignerOptions): Promise<Signer>;
}

export interface SignerOptions {
  name: string;
  email?: string;
  kind?: KeyKind;
  notBefore?: Date;
  notAfter?: Date;
  /** Leave out digitalSignature/nonRepudiation, to test the key usage check. */
  noSigningUsage?: boolean;
}

export interface Signer extends Issued {
  ca: TestCa;
  /** A PKCS#12 file written by OpenSSL as real tools do (our own writer where OpenSSL is missing). */
  p12(passphrase: string): Promise<Buffer>;
  chainPem: string[];
}

const DAY = 24 * 3600 * 1000;
let serial = 1000;
const nextSerial = () => (serial++).toString(16).padStart(4, '0');

export async function createTestCa(
  name = 'Test Root CA (Ban Cơ yếu thử nghiệm)',
  kind: KeyKind = 'RSA',
): Promise<TestCa> {
  const keys = (await crypto.subtle.generateKey(algorithms[kind], true, [
    'sign',
    'verify',
  ])) as unknown as KeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `CN=${name}, O=Test PKI, C=VN`,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    signingAlgorithm: algorithms[kind],
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const ca: TestCa = {
    cert,
    keys,
    pem: cert.toString('pem'),
    name,
    issue: (opts) => issueSigner(ca, kind, opts),
  };
  return ca;
}

async function issueSigner(ca: TestCa, caKind: KeyKind, opts: SignerOptions): Promise<Signer> {
  const kind = opts.kind ?? 'RSA';
  const keys = (await crypto.subtle.generateKey(algorithms[kind], true, [
    'sign',
    'verify',
  ])) as unknown as KeyPair;
  const usage = opts.noSigningUsage
    ? x509.KeyUsageFlags.keyEncipherment
    : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: `CN=${opts.name}, O=Test PKI, C=VN`,
    issuer: ca.cert.subject,
    notBefore: opts.notBefore ?? new Date(Date.now() - DAY),
    notAfter: opts.notAfter ?? new Date(Date.now() + 365 * DAY),
    signingAlgorithm: algorithms[caKind],
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      // pdfsig (poppler 22.12 with NSS) calls a valid chain "Unknown issue" without these two.
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection]),
      new x509.CRLDistributionPointsExtension(['http://crl.test.invalid/root.crl']),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
      ...(opts.email
        ? [new x509.SubjectAlternativeNameExtension([{ type: 'email', value: opts.email }])]
        : []),
    ],
  });
  const pem = cert.toString('pem');
  return {
    cert,
    keys,
    pem,
    name: opts.name,
    ca,
    chainPem: [pem, ca.pem],
    p12(passphrase) {
      return writePkcs12(keys.privateKey, pem, ca.pem, passphrase);
    },
  };
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const opensslAvailable = hasOpenssl();

async function writePkcs12(
  key: PrivateKey,
  certPem: string,
  caPem: string,
  passphrase: string,
): Promise<Buffer> {
  if (!opensslAvailable) {
    // Without OpenSSL the file is written by our own PKCS#12 writer (same PBES2/AES format).
    const certs = [certPem, caPem].map((pem) =>
      pkijs.Certificate.fromBER(new x509.X509Certificate(pem).rawData),
    );
    return Buffer.from(
      await writePkcs12WithPkijs(key as unknown as WebCryptoKey, certs, passphrase, {
        crypto: webcrypto as unknown as WebCrypto,
      }),
    );
  }
  const pkcs8 = Buffer.from(
    await crypto.subtle.exportKey('pkcs8', key as unknown as webcrypto.CryptoKey),
  );
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END PRIVATE KEY-----\n`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-p12-'));
  try {
    fs.writeFileSync(path.join(dir, 'key.pem'), keyPem, { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'cert.pem'), certPem);
    fs.writeFileSync(path.join(dir, 'ca.pem'), caPem);
    // OpenSSL 3 defaults: PBES2 with AES-256-CBC and PBKDF2, MAC with SHA-256.
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-inkey',
        path.join(dir, 'key.pem'),
        '-in',
        path.join(dir, 'cert.pem'),
        '-certfile',
        path.join(dir, 'ca.pem'),
        '-passout',
        'env:P12_PASS',
        '-out',
        path.join(dir, 'out.p12'),
      ],
      { env: { ...process.env, P12_PASS: passphrase }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return fs.readFileSync(path.join(dir, 'out.p12'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
