import { describe, expect, it } from 'vitest';
import * as pkijs from 'pkijs';
import { createHash } from 'node:crypto';
import { readPkcs12 } from '../../shared/signing/pkcs12';
import { buildPadesCms } from '../../shared/signing/pades-cms';
import { OID } from '../../shared/signing/oids';
import { signingCertificateV2Hash } from '../../shared/signing/signing-certificate-v2';
import { createTestCa } from '../helpers/pki';

describe('PAdES CMS built from a PKCS#12 file', () => {
  for (const kind of ['RSA', 'EC'] as const) {
    it(`signs a digest with a ${kind} key: no signing-time, signing-certificate-v2, verifies`, async () => {
      const ca = await createTestCa('Unit CA', kind);
      const signer = await ca.issue({ name: 'Nguyễn Văn Hùng', kind });
      const p12 = await signer.p12('mật khẩu 123');
      const id = await readPkcs12(new Uint8Array(p12), 'mật khẩu 123');
      expect(id.signerName).toBe('Nguyễn Văn Hùng');
      expect(id.certificates).toHaveLength(2);
      const data = new TextEncoder().encode('the byte ranges of a PDF');
      const digest = new Uint8Array(createHash('sha256').update(data).digest());
      const der = await buildPadesCms({
        digest,
        certificates: id.certificates,
        privateKey: id.privateKey,
      });
      const ci = pkijs.ContentInfo.fromBER(der.slice().buffer);
      const sd = new pkijs.SignedData({ schema: ci.content });
      const attrs = sd.signerInfos[0]!.signedAttrs!.attributes;
      expect(attrs.map((a) => a.type)).not.toContain(OID.signingTime);
      const scv2 = attrs.find((a) => a.type === OID.signingCertificateV2)!;
      const certDer = new Uint8Array(id.certificates[0]!.toSchema().toBER(false));
      expect(Buffer.from(signingCertificateV2Hash(scv2)!)).toEqual(
        createHash('sha256').update(certDer).digest(),
      );
      const ok = await sd.verify({ signer: 0, data: data.slice().buffer, checkChain: false });
      expect(ok).toBe(true);
    });
  }

  it('refuses a wrong passphrase with a clear reason', async () => {
    const ca = await createTestCa('Unit CA 2');
    const signer = await ca.issue({ name: 'Trần Thị Lan' });
    const p12 = await signer.p12('right');
    await expect(readPkcs12(new Uint8Array(p12), 'wrong')).rejects.toMatchObject({
      reason: 'passphrase',
    });
    await expect(readPkcs12(new Uint8Array([1, 2, 3]), 'x')).rejects.toMatchObject({
      reason: 'malformed',
    });
  });
});
