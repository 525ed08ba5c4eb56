import type * as pkijs from 'pkijs';
import type { SignatureReport } from '../../../shared/api/schemas/minutes';
import { certificateInfo, signerName } from './certificate-info';
import { CmsError, derLength, inspectCms, verifyCmsSignature } from './cms-inspect';
import { findSignatures } from './pdf-signatures-read';
import { signedBytes } from './pdf-signature-placeholder';
import { buildChain, keyUsageAllowsSigning } from './trust-chain';

/**
 * Reports on every signature of a PDF: who signed and when, whether the signature is correct
 * over its byte ranges, whether the certificate chains to a trusted root and is within its
 * validity, whether the key may sign, and whether the signature covers the whole file.
 */
export async function verifyPdfSignatures(
  pdf: Uint8Array,
  roots: readonly pkijs.Certificate[],
  at: Date = new Date(),
): Promise<SignatureReport[]> {
  const found = findSignatures(pdf);
  const reports: SignatureReport[] = [];
  for (const [i, sig] of found.entries()) {
    const [, , c, d] = sig.byteRange;
    const end = c + d;
    const problems: string[] = [];
    const base = {
      index: i + 1,
      signedAt: sig.signedAt,
      coversDocument: sig.wellFormed && end === pdf.length,
      appendedAfter: end < pdf.length,
      subFilter: sig.subFilter,
      reason: sig.reason,
    };
    if (!sig.wellFormed) problems.push('byte_range_malformed');
    if (base.appendedAfter) problems.push('appended_after');
    let inspected;
    try {
      inspected = inspectCms(sig.contents);
    } catch (err) {
      problems.push(err instanceof CmsError ? 'cms_malformed' : 'cms_unreadable');
      reports.push({
        ...base,
        signer: sig.name ?? '',
        valid: false,
        trusted: false,
        withinValidity: false,
        keyUsageOk: false,
        signingCertificateBound: false,
        certificate: null,
        problems,
      });
      continue;
    }
    // The hole is the CMS then zero padding; anything else there was written after signing.
    const padding = sig.contents.subarray(Math.min(sig.contents.length, derLength(sig.contents)));
    const paddingClean = padding.every((b) => b === 0);
    if (!paddingClean) problems.push('contents_padding_modified');
    const valid =
      paddingClean &&
      sig.wellFormed &&
      end <= pdf.length &&
      (await verifyCmsSignature(inspected, signedBytes(pdf, sig.byteRange)));
    if (!valid) problems.push('signature_invalid');
    const chain = await buildChain(inspected.signer, inspected.certificates, roots, at);
    if (!chain.trusted) problems.push('certificate_untrusted');
    if (!chain.withinValidity)
      problems.push(
        chain.problem === 'not-yet-valid' ? 'certificate_not_yet_valid' : 'certificate_expired',
      );
    const keyUsageOk = keyUsageAllowsSigning(inspected.signer);
    if (!keyUsageOk) problems.push('certificate_key_usage');
    if (!inspected.signingCertificateBound) problems.push('signing_certificate_v2_missing');
    if (sig.subFilter !== 'ETSI.CAdES.detached' && sig.subFilter !== 'adbe.pkcs7.detached')
      problems.push('sub_filter_unsupported');
    reports.push({
      ...base,
      signer: signerName(inspected.signer),
      valid,
      trusted: chain.trusted,
      withinValidity: chain.withinValidity,
      keyUsageOk,
      signingCertificateBound: inspected.signingCertificateBound,
      certificate: certificateInfo(inspected.signer),
      problems,
    });
  }
  return reports;
}
