import { describe, expect, it, beforeAll } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { readPkcs12 } from '../../shared/signing/pkcs12';
import { buildPadesCms } from '../../shared/signing/pades-cms';
import { toArrayBuffer, pemBlocks } from '../../shared/signing/pem';
import {
  addSignaturePlaceholder,
  embedCms,
  signedBytes,
} from '../../main/host/signatures/pdf-signature-placeholder';
import { digestOf } from '../../main/host/signatures/cms-inspect';
import { verifyPdfSignatures } from '../../main/host/signatures/verify-pdf';
import { createTestCa } from '../helpers/pki';
import type { Signer, TestCa } from '../helpers/pki';
import { nssDbTrusting, pdfsig } from '../helpers/pdfsig';

async function basePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText('Minutes', { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

async function sign(pdf: Uint8Array, signer: Signer, field: string): Promise<Buffer> {
  const prepared = await addSignaturePlaceholder(pdf, {
    fieldName: field,
    signerName: signer.name,
    reason: 'Ký biên bản',
    signedAt: new Date(),
  });
  const id = await readPkcs12(new Uint8Array(await signer.p12('pw')), 'pw');
  const cms = await buildPadesCms({
    digest: digestOf(signedBytes(prepared.bytes, prepared.byteRange)),
    certificates: id.certificates,
    privateKey: id.privateKey,
  });
  return embedCms(prepared.bytes, prepared.byteRange, cms);
}

describe('PAdES B-B signatures with incremental updates', () => {
  let ca: TestCa;
  let chair: Signer;
  let secretary: Signer;
  let roots: pkijs.Certificate[];
  let nss: string;
  beforeAll(async () => {
    ca = await createTestCa();
    chair = await ca.issue({ name: 'Nguyễn Văn Hùng', kind: 'EC' });
    secretary = await ca.issue({ name: 'Trần Thị Lan' });
    roots = [pkijs.Certificate.fromBER(toArrayBuffer(pemBlocks(ca.pem)[0]!))];
    nss = nssDbTrusting([ca.pem]);
  });

  it('two signers: both valid for us and for pdfsig, the last covers the whole file', async () => {
    const original = await basePdf();
    const once = await sign(original, chair, 'ChuToa');
    const twice = await sign(once, secretary, 'ThuKy');
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    const ours = await verifyPdfSignatures(twice, roots);
    expect(
      ours.map((r) => [
        r.signer,
        r.valid,
        r.trusted,
        r.withinValidity,
        r.keyUsageOk,
        r.coversDocument,
        r.appendedAfter,
      ]),
    ).toEqual([
      ['Nguyễn Văn Hùng', true, true, true, true, false, true],
      ['Trần Thị Lan', true, true, true, true, true, false],
    ]);
    const ps = pdfsig(twice, nss);
    expect(ps.signatures.map((s) => s.validation)).toEqual([
      'Signature is Valid.',
      'Signature is Valid.',
    ]);
    expect(ps.signatures.map((s) => s.trust)).toEqual([
      'Certificate is Trusted.',
      'Certificate is Trusted.',
    ]);
    expect(ps.signatures[1]!.coversWholeDocument).toBe(true);
  });

  it('one changed byte anywhere breaks the signature for us and for pdfsig', async () => {
    const signed = await sign(await basePdf(), chair, 'ChuToa');
    const [, holeStart = 0] = (
      await addSignaturePlaceholder(await basePdf(), {
        fieldName: 'x',
        signerName: 'x',
        reason: 'x',
        signedAt: new Date(),
      })
    ).byteRange;
    // Header, the CMS itself, the zero padding after it (ours only: pdfsig ignores padding), the trailer.
    const cases = [
      { at: 20, pdfsigToo: true },
      { at: holeStart + 200, pdfsigToo: true },
      { at: holeStart + 20_000, pdfsigToo: false },
      { at: signed.length - 10, pdfsigToo: true },
    ];
    for (const { at, pdfsigToo } of cases) {
      const tampered = Buffer.from(signed);
      tampered[at] = tampered[at]! ^ 0x01;
      const ours = await verifyPdfSignatures(tampered, roots);
      expect(ours.length === 1 && ours[0]!.valid && ours[0]!.coversDocument, `byte ${at}`).toBe(
        false,
      );
      if (pdfsigToo) {
        const ps = pdfsig(tampered, nss);
        expect(
          ps.signatures.length === 1 && ps.signatures[0]!.validation === 'Signature is Valid.',
          `pdfsig byte ${at}`,
        ).toBe(false);
      }
    }
  });
});
