import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../../../shared/signing/oids';
import { signingCertificateV2Hash } from '../../../shared/signing/signing-certificate-v2';
import { toArrayBuffer } from '../../../shared/signing/pem';

export interface InspectedCms {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signer: pkijs.Certificate;
  certificates: pkijs.Certificate[];
  messageDigest: Uint8Array | null;
  /** signing-certificate-v2 present and naming the signer's certificate (PAdES B-B). */
  signingCertificateBound: boolean;
  subFilterCades: boolean;
}

export class CmsError extends Error {}

/** Length of the DER element at the start of `bytes` (the /Contents hole is zero-padded). */
export function derLength(bytes: Uint8Array): number {
  if (bytes.length < 2) return bytes.length;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  return 2 + n + len;
}

export function inspectCms(raw: Uint8Array): InspectedCms {
  const der = raw.subarray(0, Math.min(raw.length, derLength(raw)));
  let signedData: pkijs.SignedData;
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(der));
    if (asn1.offset === -1) throw new Error('not DER');
    const ci = new pkijs.ContentInfo({ schema: asn1.result });
    if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: ci.content });
  } catch {
    throw new CmsError('The signature is not a CMS SignedData structure.');
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo || signedData.signerInfos.length !== 1)
    throw new CmsError('The CMS must hold exactly one signer.');
  const certificates = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = signerInfo.sid;
  const signer = certificates.find((c) =>
    sid instanceof pkijs.IssuerAndSerialNumber
      ? c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)
      : false,
  );
  if (!signer) throw new CmsError("The CMS does not carry the signer's certificate.");
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const md = attrs.find((a) => a.type === OID.messageDigest)?.values[0];
  const messageDigest =
    md instanceof asn1js.OctetString ? new Uint8Array(md.valueBlock.valueHexView) : null;
  const scv2 = attrs.find((a) => a.type === OID.signingCertificateV2);
  const certHash = scv2 ? signingCertificateV2Hash(scv2) : null;
  const signerHash = createHash('sha256')
    .update(new Uint8Array(signer.toSchema().toBER(false)))
    .digest();
  return {
    signedData,
    signerInfo,
    signer,
    certificates,
    messageDigest,
    signingCertificateBound: certHash !== null && Buffer.from(certHash).equals(signerHash),
    subFilterCades: true,
  };
}

/**
 * Checks the signer's signature over the signed attributes and that message-digest equals the
 * SHA-256 of `signedContent` (the PDF byte ranges).
 */
export async function verifyCmsSignature(
  cms: InspectedCms,
  signedContent: Uint8Array,
): Promise<boolean> {
  try {
    const result = await cms.signedData.verify({
      signer: 0,
      data: toArrayBuffer(signedContent),
      checkChain: false,
      extendedMode: true,
    });
    return result.signatureVerified === true;
  } catch {
    return false;
  }
}

export function digestOf(content: Uint8Array): Buffer {
  return createHash('sha256').update(content).digest();
}
