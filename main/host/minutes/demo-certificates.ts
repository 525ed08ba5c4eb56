// The demo's signing certificates: a "Demo CA" standing in for Ban Cơ yếu Chính phủ (trusted by
// the demo host) and PKCS#12 files for the demo chair and secretary (passphrase "demo"), written
// to <data>/demo-certificates so a person trying the demo can sign from the browser. Made with
// pkijs on WebCrypto so it works wherever the host runs, with no OpenSSL at hand.
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DemoExtension } from '../bootstrap/demo-seed';
import { derToPem } from '../../../shared/signing/pem';
import { OID } from '../../../shared/signing/oids';
import { writePkcs12 } from '../../../shared/signing/pkcs12-write';

export const DEMO_P12_PASSPHRASE = 'demo';
// The passphrase is public anyway; few PBKDF2 rounds keep every demo host (and test) start quick.
const ITERATIONS = 2048;
const crypto = webcrypto as unknown as ConstructorParameters<
  typeof pkijs.CryptoEngine
>[0]['crypto'];
const engine = new pkijs.CryptoEngine({ name: 'demo-pki', crypto });
// ECDSA P-256: key generation is instant, so seeding the demo stays quick (RSA works the same way).
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
type KeyPair = {
  publicKey: Parameters<pkijs.PublicKeyInfo['importKey']>[0];
  privateKey: Parameters<pkijs.Certificate['sign']>[0];
};
const DAY = 24 * 3600 * 1000;

// One attribute only: pkijs writes every attribute of a name into a single (multi-valued) RDN.
function name(cn: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({
        type: OID.commonName,
        value: new asn1js.Utf8String({ value: cn }),
      }),
    ],
  });
}

function ext(
  extnID: string,
  critical: boolean,
  value: { toSchema(): asn1js.BaseBlock } | asn1js.BaseBlock,
): pkijs.Extension {
  const schema = value instanceof asn1js.BaseBlock ? value : value.toSchema();
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

function keyUsage(bits: number): asn1js.BitString {
  return new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: 0 });
}

async function makeCertificate(opts: {
  subject: string;
  issuer: string;
  serial: number;
  keys: KeyPair;
  signingKey: KeyPair['privateKey'];
  ca: boolean;
}) {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: opts.serial });
  cert.subject = name(opts.subject);
  cert.issuer = name(opts.issuer);
  cert.notBefore.value = new Date(Date.now() - DAY);
  cert.notAfter.value = new Date(Date.now() + (opts.ca ? 3650 : 730) * DAY);
  await cert.subjectPublicKeyInfo.importKey(opts.keys.publicKey, engine);
  cert.extensions = opts.ca
    ? [
        ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true })),
        ext(OID.keyUsage, true, keyUsage(0x06)),
      ]
    : [
        ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false })),
        ext(OID.keyUsage, true, keyUsage(0xc0)), // digitalSignature | nonRepudiation
        // pdfsig (poppler with NSS) calls a chain "Unknown issue" without an EKU and a CRL point.
        ext(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.4'] })),
        ext(
          '2.5.29.31',
          false,
          new pkijs.CRLDistributionPoints({
            distributionPoints: [
              new pkijs.DistributionPoint({
                distributionPoint: [
                  new pkijs.GeneralName({ type: 6, value: 'http://crl.demo.invalid/root.crl' }),
                ],
              }),
            ],
          }),
        ),
      ];
  await cert.sign(opts.signingKey, 'SHA-256', engine);
  return cert;
}

export interface DemoPki {
  rootPem: string;
  files: Record<string, Uint8Array>;
}

/** A root CA and one .p12 per signer (username → display name). */
export async function createDemoPki(signers: Record<string, string>): Promise<DemoPki> {
  const generate = async () =>
    (await engine.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as unknown as KeyPair;
  const caKeys = await generate();
  const caName = 'Demo CA (thay cho Ban Cơ yếu Chính phủ)';
  const root = await makeCertificate({
    subject: caName,
    issuer: caName,
    serial: 1,
    keys: caKeys,
    signingKey: caKeys.privateKey,
    ca: true,
  });
  const files: Record<string, Uint8Array> = {};
  let serial = 100;
  for (const [username, displayName] of Object.entries(signers)) {
    const keys = await generate();
    const cert = await makeCertificate({
      subject: displayName,
      issuer: caName,
      serial: serial++,
      keys,
      signingKey: caKeys.privateKey,
      ca: false,
    });
    files[username] = await writePkcs12(keys.privateKey, [cert, root], DEMO_P12_PASSPHRASE, {
      iterations: ITERATIONS,
      crypto,
    });
  }
  return { rootPem: derToPem(new Uint8Array(root.toSchema().toBER(false))), files };
}

/** Demo extension: trust the demo CA and leave the chair's and secretary's .p12 files on disk. */
export const demoCertificates: DemoExtension = async (s, ctx) => {
  const names: Record<string, string> = {};
  for (const username of ['chu-toa', 'thu-ky']) {
    const id = ctx.users[username];
    const user = id ? s.users.get(id) : undefined;
    if (user) names[username] = user.displayName.replace(/\s*\(.*\)\s*$/, '');
  }
  const pki = await createDemoPki(names);
  const dir = path.join(s.config.dataDir, 'demo-certificates');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'demo-root-ca.pem'), pki.rootPem);
  for (const [username, bytes] of Object.entries(pki.files))
    fs.writeFileSync(path.join(dir, `${username}.p12`), bytes, { mode: 0o600 });
  s.tx(() => {
    const root = s.minutes.trust.add(pki.rootPem, null);
    s.audit.append('', null, 'trust.add', {
      id: root.id,
      subject: root.subject,
      sha256: root.sha256,
      demo: true,
    });
  });
  s.config.announce(`Demo signing certificates (passphrase "${DEMO_P12_PASSPHRASE}"): ${dir}`);
};
