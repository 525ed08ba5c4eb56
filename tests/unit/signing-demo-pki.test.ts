import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { createDemoPki, DEMO_P12_PASSPHRASE } from '../../main/host/minutes/demo-certificates';
import { readPkcs12 } from '../../shared/signing/pkcs12';
import { buildPadesCms } from '../../shared/signing/pades-cms';
import { pemBlocks, toArrayBuffer } from '../../shared/signing/pem';
import {
  addSignaturePlaceholder,
  embedCms,
  signedBytes,
} from '../../main/host/signatures/pdf-signature-placeholder';
import { digestOf } from '../../main/host/signatures/cms-inspect';
import { verifyPdfSignatures } from '../../main/host/signatures/verify-pdf';
import { nssDbTrusting, pdfsig } from '../helpers/pdfsig';

describe('demo PKI made with pkijs alone', () => {
  it('writes .p12 files our reader opens, whose signatures we and pdfsig accept', async () => {
    const pki = await createDemoPki({ 'chu-toa': 'Nguyễn Văn Hùng' });
    const id = await readPkcs12(pki.files['chu-toa']!, DEMO_P12_PASSPHRASE);
    expect(id.signerName).toBe('Nguyễn Văn Hùng');
    const doc = await PDFDocument.create();
    doc.addPage();
    const prepared = await addSignaturePlaceholder(await doc.save({ useObjectStreams: false }), {
      fieldName: 'ChuToa',
      signerName: id.signerName,
      reason: 'Ký',
      signedAt: new Date(),
    });
    const cms = await buildPadesCms({
      digest: digestOf(signedBytes(prepared.bytes, prepared.byteRange)),
      certificates: id.certificates,
      privateKey: id.privateKey,
    });
    const signed = embedCms(prepared.bytes, prepared.byteRange, cms);
    const roots = [pkijs.Certificate.fromBER(toArrayBuffer(pemBlocks(pki.rootPem)[0]!))];
    const [report] = await verifyPdfSignatures(signed, roots);
    expect(report).toMatchObject({
      valid: true,
      trusted: true,
      withinValidity: true,
      keyUsageOk: true,
      coversDocument: true,
    });
    const ps = pdfsig(signed, nssDbTrusting([pki.rootPem]));
    expect(ps.signatures.map((s) => [s.validation, s.trust])).toEqual([
      ['Signature is Valid.', 'Certificate is Trusted.'],
    ]);
  });
});
