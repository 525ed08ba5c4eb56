import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';
import type { WebCrypto } from './web-crypto';

/**
 * The ESS signing-certificate-v2 attribute (RFC 5035), required by PAdES baseline B-B: it binds
 * the signature to the signer's certificate so the certificate cannot be swapped. The hash
 * algorithm is SHA-256, the DEFAULT, so DER requires it to be left out.
 */
export async function signingCertificateV2(
  cert: pkijs.Certificate,
  crypto: WebCrypto,
): Promise<pkijs.Attribute> {
  const certHash = new Uint8Array(
    await crypto.subtle.digest('SHA-256', cert.toSchema().toBER(false)),
  );
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        // GeneralName directoryName [4] EXPLICIT Name
        value: [
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 4 },
            value: [cert.issuer.toSchema()],
          }),
        ],
      }),
      new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView.slice().buffer }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: certHash.buffer }), issuerSerial],
  });
  const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [value] });
}

/** Reads the certificate hash out of a signing-certificate-v2 attribute (SHA-256 only). */
export function signingCertificateV2Hash(attr: pkijs.Attribute): Uint8Array | null {
  try {
    const value = attr.values[0] as asn1js.Sequence | undefined;
    const certs = value?.valueBlock.value[0] as asn1js.Sequence | undefined;
    const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
    if (!first) return null;
    const parts = first.valueBlock.value;
    // hashAlgorithm is present only when it is not SHA-256.
    const hashAt = parts[0] instanceof asn1js.OctetString ? 0 : 1;
    if (hashAt === 1) {
      const alg = new pkijs.AlgorithmIdentifier({ schema: parts[0] });
      if (alg.algorithmId !== OID.sha256) return null;
    }
    const hash = parts[hashAt];
    return hash instanceof asn1js.OctetString ? new Uint8Array(hash.valueBlock.valueHexView) : null;
  } catch {
    return null;
  }
}
