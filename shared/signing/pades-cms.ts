import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';
import { signingCertificateV2 } from './signing-certificate-v2';
import { defaultCrypto } from './web-crypto';
import type { WebCrypto, WebCryptoKey } from './web-crypto';

export interface PadesCmsInput {
  /** SHA-256 of the PDF's signed byte ranges, as the host returned it from "prepare". */
  digest: Uint8Array;
  /** The signer's certificate, then the rest of its chain (intermediates, optionally the root). */
  certificates: pkijs.Certificate[];
  privateKey: WebCryptoKey;
  crypto?: WebCrypto;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** DER requires the members of a SET OF in the order of their encodings (X.690 11.6). */
function sortForDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  return encoded.sort((x, y) => compareBytes(x.der, y.der)).map((x) => x.a);
}

/**
 * Builds a detached CMS SignedData for a PAdES baseline B-B signature (ETSI EN 319 142-1) over a
 * digest the host computed. Signed attributes: content-type, message-digest and
 * signing-certificate-v2. There is no signing-time attribute: PAdES baseline forbids it; the time
 * is the /M entry of the signature dictionary. Runs wherever the key is (browser or Node), so
 * the private key never leaves the signer's device; only the returned DER travels.
 */
export async function buildPadesCms(input: PadesCmsInput): Promise<Uint8Array> {
  const crypto = input.crypto ?? defaultCrypto();
  const engine = new pkijs.CryptoEngine({ name: 'signer', crypto });
  const [signer] = input.certificates;
  if (!signer) throw new Error('A signer certificate is required.');
  if (input.digest.length !== 32) throw new Error('The digest must be a SHA-256 value (32 bytes).');

  const attributes = sortForDer([
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: input.digest.slice().buffer })],
    }),
    await signingCertificateV2(signer, crypto),
  ]);

  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: signer.issuer,
          serialNumber: signer.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: input.certificates,
  });
  await signedData.sign(input.privateKey, 0, 'SHA-256', undefined, engine);
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
