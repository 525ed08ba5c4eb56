import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { createTestCa } from '../helpers/pki';
import type { Signer, TestCa } from '../helpers/pki';
import { nssDbTrusting, pdfsig } from '../helpers/pdfsig';
import type { MinutesFacts, MinutesState, SignatureReport } from '../../shared/api/schemas/minutes';
import { errorCode, json, signAs, writeDraft } from './minutes-helpers';
import { readPkcs12 } from '../../shared/signing/pkcs12';
import { buildPadesCms } from '../../shared/signing/pades-cms';
import { base64ToBytes, bytesToBase64 } from '../../shared/signing/pem';

describe('minutes: draft, finalise, two PAdES signatures, verification', () => {
  let host: TestHost;
  let ca: TestCa;
  let chair: Signer;
  let secretary: Signer;
  let meetingId: string;
  let tokens: { admin: string; chair: string; secretary: string; delegate: string };

  beforeAll(async () => {
    host = await startTestHost({ demo: true });
    ca = await createTestCa();
    chair = await ca.issue({ name: 'Nguyễn Văn Hùng', kind: 'EC' });
    secretary = await ca.issue({ name: 'Trần Thị Lan' });
    tokens = {
      admin: await host.login('admin'),
      chair: await host.login('chu-toa'),
      secretary: await host.login('thu-ky'),
      delegate: await host.login('dai-bieu-1'),
    };
    const root = await host.api('POST', '/trust/roots', {
      token: tokens.admin,
      body: { pem: ca.pem },
    });
    expect(root.status).toBe(200);
    meetingId = host.services.meetings.listAll()[0]!.id;
  });
  afterAll(async () => {
    await host.stop(true);
  });

  it('gives the facts for "insert from the meeting", with attendance and closed ballots', async () => {
    const att = await host.api('POST', `/meetings/${meetingId}/attendance`, {
      token: tokens.delegate,
      body: { status: 'present' },
    });
    expect(att.status).toBe(200);
    await host.api('POST', `/meetings/${meetingId}/attendance`, {
      token: tokens.chair,
      body: { status: 'present' },
    });
    const ballot = await json<{ id: string }>(
      await host.api('POST', `/meetings/${meetingId}/ballots`, {
        token: tokens.chair,
        body: { question: 'Thông qua chương trình họp', secret: false, rule: 'majority_of_cast' },
      }),
      201,
    );
    expect(
      (await host.api('POST', `/ballots/${ballot.id}/open`, { token: tokens.chair })).status,
    ).toBe(200);
    expect(
      (
        await host.api('POST', `/ballots/${ballot.id}/votes`, {
          token: tokens.delegate,
          body: { option: 'Tán thành' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await host.api('POST', `/ballots/${ballot.id}/close`, { token: tokens.chair })).status,
    ).toBe(200);
    const facts = await json<MinutesFacts>(
      await host.api('GET', `/meetings/${meetingId}/minutes/facts`, { token: tokens.secretary }),
    );
    expect(facts.meeting.organization).toBe('ỦY BAN NHÂN DÂN TỈNH ĐÀ NẴNG');
    expect(facts.present.map((p) => p.name)).toContain('Lê Minh Đức');
    expect(facts.absent.length).toBeGreaterThan(0);
    expect(facts.agenda).toHaveLength(5);
    expect(facts.ballots).toHaveLength(1);
    expect(facts.ballots[0]).toMatchObject({
      question: 'Thông qua chương trình họp',
      rule: 'majority_of_cast',
      secret: false,
      cast: 1,
    });
    expect(typeof facts.ballots[0]!.passed).toBe('boolean');
    expect(facts.ballots[0]!.quorum).toBeGreaterThan(0);
    expect(facts.ballots[0]!.counts['Tán thành']).toBe(1);
  });

  it('refuses to finalise an empty draft, and only the secretary may finalise', async () => {
    expect(
      await errorCode(
        await host.api('POST', `/meetings/${meetingId}/minutes/finalize`, {
          token: tokens.secretary,
        }),
      ),
    ).toBe('minutes_empty');
    await writeDraft(host, meetingId, tokens.secretary, [
      'I. THỜI GIAN, ĐỊA ĐIỂM',
      'Cuộc họp bắt đầu lúc 08 giờ 00. Biểu quyết: Tán thành 1.',
    ]);
    expect(
      (
        await host.api('POST', `/meetings/${meetingId}/minutes/finalize`, {
          token: tokens.delegate,
        })
      ).status,
    ).toBe(403);
  });

  it('finalises into an NĐ 30/2020 PDF recording the audit chain head, and locks the draft', async () => {
    const state = await json<MinutesState>(
      await host.api('POST', `/meetings/${meetingId}/minutes/finalize`, {
        token: tokens.secretary,
      }),
    );
    expect(state).toMatchObject({
      status: 'final',
      revision: 1,
      signatures: [],
      awaiting: ['chair', 'secretary'],
    });
    expect(state.auditHead).toMatch(/^[0-9a-f]{64}$/);
    expect(host.services.minutesState(meetingId)).toBe('final');
    const pdf = Buffer.from(
      await (
        await host.api('GET', `/meetings/${meetingId}/minutes.pdf`, { token: tokens.delegate })
      ).arrayBuffer(),
    );
    const file = path.join(os.tmpdir(), `minutes-${meetingId}.pdf`);
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    fs.rmSync(file);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(state.auditHead!);
    expect(
      (
        await host.api('POST', `/meetings/${meetingId}/minutes/finalize`, {
          token: tokens.secretary,
        })
      ).status,
    ).toBe(409);
    // The locked draft takes no more writes: the host drops them.
    const rows = () =>
      host.services.db
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM ydoc_updates WHERE doc = ?')
        .get(`minutes/${meetingId}`)!.n;
    const before = rows();
    await writeDraft(host, meetingId, tokens.secretary, ['Sửa sau khi chốt'], {
      waitForRows: false,
    });
    expect(rows()).toBe(before);
  });

  it('refuses an untrusted CA, an expired certificate and a CMS over the wrong digest', async () => {
    const prepare = (signer: Signer) =>
      host.api('POST', `/meetings/${meetingId}/minutes/signatures/prepare`, {
        token: tokens.chair,
        body: { certificateChain: signer.chainPem },
        headers: { 'accept-language': 'en' },
      });
    const stranger = await (await createTestCa('Untrusted CA')).issue({ name: 'Người lạ' });
    const untrusted = await prepare(stranger);
    expect(untrusted.status).toBe(400);
    const body = (await untrusted.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('certificate_untrusted');
    expect(body.error.message).toContain('Người lạ');
    const day = 24 * 3600 * 1000;
    const expired = await ca.issue({
      name: 'Hết hạn',
      notBefore: new Date(Date.now() - 30 * day),
      notAfter: new Date(Date.now() - day),
    });
    expect(await errorCode(await prepare(expired))).toBe('certificate_expired');
    const noUsage = await ca.issue({ name: 'Không ký', noSigningUsage: true });
    expect(await errorCode(await prepare(noUsage))).toBe('certificate_key_usage');
    expect(
      await errorCode(await signAs(host, meetingId, tokens.chair, chair, { tamperDigest: true })),
    ).toBe('signature_digest_mismatch');
    const delegate = await host.api('POST', `/meetings/${meetingId}/minutes/signatures/prepare`, {
      token: tokens.delegate,
      body: { certificateChain: chair.chainPem },
    });
    expect(delegate.status).toBe(403);
    expect(
      (
        await json<MinutesState>(
          await host.api('GET', `/meetings/${meetingId}/minutes`, { token: tokens.delegate }),
        )
      ).signatures,
    ).toEqual([]);
  });

  it('answers bad input with clear 4xx errors and keeps running', async () => {
    const prepareWith = (body: unknown) =>
      host.api('POST', `/meetings/${meetingId}/minutes/signatures/prepare`, {
        token: tokens.chair,
        body,
      });
    expect(await errorCode(await prepareWith({ certificateChain: ['not a certificate'] }))).toBe(
      'certificate_malformed',
    );
    expect(await errorCode(await prepareWith({ certificateChain: [] }))).toBe('validation');
    expect(await errorCode(await prepareWith({}))).toBe('validation');
    const prep = (await (await prepareWith({ certificateChain: chair.chainPem })).json()) as {
      signingId: string;
    };
    const complete = (cms: string, id = prep.signingId) =>
      host.api('POST', `/meetings/${meetingId}/minutes/signatures/${id}`, {
        token: tokens.chair,
        body: { cms },
      });
    expect(await errorCode(await complete('AAAA'))).toBe('cms_malformed');
    expect(await errorCode(await complete('%%%not base64%%%'))).toBe('cms_malformed');
    expect(await errorCode(await complete(Buffer.from('0'.repeat(500)).toString('base64')))).toBe(
      'cms_malformed',
    );
    expect((await complete('AAAA', 'no-such-signing')).status).toBe(404);
    // Someone else's signing session is not theirs to complete.
    const other = await host.api(
      'POST',
      `/meetings/${meetingId}/minutes/signatures/${prep.signingId}`,
      { token: tokens.secretary, body: { cms: 'AAAA' } },
    );
    expect(other.status).toBe(404);
    expect(
      await errorCode(
        await host.api('POST', '/trust/roots', { token: tokens.admin, body: { pem: chair.pem } }),
      ),
    ).toBe('trust_root_not_ca');
    expect(
      await errorCode(
        await host.api('POST', '/trust/roots', { token: tokens.admin, body: { pem: ca.pem } }),
      ),
    ).toBe('trust_root_exists');
    expect(
      (await host.api('POST', '/trust/roots', { token: tokens.chair, body: { pem: ca.pem } }))
        .status,
    ).toBe(403);
    expect((await host.api('GET', '/health')).status).toBe(200);
  });

  let signedPdf: Buffer;
  it('chair and secretary sign; both signatures verify for us and for pdfsig', async () => {
    // The chair prepares, but the secretary signs first: the chair's prepared file is stale.
    const id = await readPkcs12(new Uint8Array(await chair.p12('pass')), 'pass');
    const stale = (await (
      await host.api('POST', `/meetings/${meetingId}/minutes/signatures/prepare`, {
        token: tokens.chair,
        body: { certificateChain: id.certificateChainPem },
      })
    ).json()) as { signingId: string; digest: string };
    await json(await signAs(host, meetingId, tokens.secretary, secretary));
    const staleCms = await buildPadesCms({
      digest: base64ToBytes(stale.digest),
      certificates: id.certificates,
      privateKey: id.privateKey,
    });
    const late = await host.api(
      'POST',
      `/meetings/${meetingId}/minutes/signatures/${stale.signingId}`,
      { token: tokens.chair, body: { cms: bytesToBase64(staleCms) } },
    );
    expect(await errorCode(late)).toBe('signing_stale');
    const twice = await host.api('POST', `/meetings/${meetingId}/minutes/signatures/prepare`, {
      token: tokens.secretary,
      body: { certificateChain: secretary.chainPem },
    });
    expect(await errorCode(twice)).toBe('minutes_already_signed');
    const done = await json<{ minutes: MinutesState }>(
      await signAs(host, meetingId, tokens.chair, chair),
    );
    expect(done.minutes.status).toBe('signed');
    expect(done.minutes.signatures.map((x) => [x.role, x.signer])).toEqual([
      ['secretary', 'Trần Thị Lan'],
      ['chair', 'Nguyễn Văn Hùng'],
    ]);
    expect(done.minutes.awaiting).toEqual([]);
    expect(host.services.minutesState(meetingId)).toBe('signed');
    const report = await json<SignatureReport[]>(
      await host.api('GET', `/meetings/${meetingId}/minutes/verify`, { token: tokens.delegate }),
    );
    expect(
      report.map((r) => [
        r.signer,
        r.valid,
        r.trusted,
        r.withinValidity,
        r.keyUsageOk,
        r.coversDocument,
        r.appendedAfter,
      ]),
    ).toEqual([
      ['Trần Thị Lan', true, true, true, true, false, true],
      ['Nguyễn Văn Hùng', true, true, true, true, true, false],
    ]);
    expect(
      report.every(
        (r) =>
          r.signedAt !== null && r.subFilter === 'ETSI.CAdES.detached' && r.signingCertificateBound,
      ),
    ).toBe(true);
    signedPdf = Buffer.from(
      await (
        await host.api('GET', `/meetings/${meetingId}/minutes.pdf`, { token: tokens.delegate })
      ).arrayBuffer(),
    );
    const ps = pdfsig(signedPdf, nssDbTrusting([ca.pem]));
    expect(ps.signatures.map((x) => [x.signer, x.validation, x.trust])).toEqual([
      ['Trần Thị Lan', 'Signature is Valid.', 'Certificate is Trusted.'],
      ['Nguyễn Văn Hùng', 'Signature is Valid.', 'Certificate is Trusted.'],
    ]);
    expect(ps.signatures[1]!.coversWholeDocument).toBe(true);
  });

  it("once signed, the meeting's ballots are part of the record: no new ballot, no vote", async () => {
    expect(host.services.minutesState(meetingId)).toBe('signed');
    const create = await host.api('POST', `/meetings/${meetingId}/ballots`, {
      token: tokens.chair,
      body: { question: 'Biểu quyết sau khi ký?', secret: false, rule: 'majority_of_cast' },
    });
    expect(create.status).toBe(409);
    expect(await errorCode(create)).toBe('minutes_signed_locked');
    const ballots = await json<Array<{ id: string }>>(
      await host.api('GET', `/meetings/${meetingId}/ballots`, { token: tokens.chair }),
    );
    // The ballot held earlier in this file (its result is in the minutes) can be neither
    // cancelled nor voted on any more.
    expect(ballots.length).toBeGreaterThan(0);
    for (const b of ballots) {
      const cancel = await host.api('POST', `/ballots/${b.id}/cancel`, { token: tokens.chair });
      expect(cancel.status).toBe(409);
      expect(await errorCode(cancel)).toBe('minutes_signed_locked');
      const vote = await host.api('POST', `/ballots/${b.id}/votes`, {
        token: tokens.delegate,
        body: { option: 0 },
      });
      expect(vote.status).toBe(409);
      expect(await errorCode(vote)).toBe('minutes_signed_locked');
    }
  });

  it('POST /verify reports on any PDF, and one changed byte makes it fail', async () => {
    const ok = await json<SignatureReport[]>(
      await host.api('POST', '/verify', { token: tokens.delegate, raw: signedPdf }),
    );
    expect(ok.map((r) => r.valid)).toEqual([true, true]);
    const tampered = Buffer.from(signedPdf);
    const at = tampered.indexOf('BT', 2000);
    tampered[at + 3] = tampered[at + 3]! ^ 0x01;
    const bad = await json<SignatureReport[]>(
      await host.api('POST', '/verify', { token: tokens.delegate, raw: tampered }),
    );
    expect(bad.map((r) => r.valid)).toEqual([false, false]);
    expect(bad[0]!.problems).toContain('signature_invalid');
    expect(
      await errorCode(
        await host.api('POST', '/verify', { token: tokens.delegate, raw: 'not a pdf' }),
      ),
    ).toBe('pdf_malformed');
  });

  it('reopening voids the signatures, is audited, and makes the draft writable again', async () => {
    expect(
      (
        await host.api('POST', `/meetings/${meetingId}/minutes/reopen`, {
          token: tokens.delegate,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(403);
    const state = await json<MinutesState>(
      await host.api('POST', `/meetings/${meetingId}/minutes/reopen`, {
        token: tokens.secretary,
        body: { reason: 'Sửa lỗi chính tả' },
      }),
    );
    expect(state).toMatchObject({ status: 'draft', signatures: [] });
    expect(host.services.minutesState(meetingId)).toBe('draft');
    const last = host.services.audit.list(meetingId).at(-1)!;
    expect(last.action).toBe('minutes.reopen');
    expect(last.payload).toMatchObject({ reason: 'Sửa lỗi chính tả', revision: 1 });
    expect((last.payload as { voidedSignatures: unknown[] }).voidedSignatures).toHaveLength(2);
    expect(
      (await host.api('GET', `/meetings/${meetingId}/minutes.pdf`, { token: tokens.delegate }))
        .status,
    ).toBe(404);
    const again = await json<MinutesState>(
      await host.api('POST', `/meetings/${meetingId}/minutes/finalize`, {
        token: tokens.secretary,
      }),
    );
    expect(again).toMatchObject({ status: 'final', revision: 2 });
  });
});
