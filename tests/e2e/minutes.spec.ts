// The issue's "done when" for minutes: the secretary drafts with auto-filled votes, the chair
// co-edits live, the secretary finalises, chair and secretary sign from their own browsers with
// .p12 files (the key never appears in a request), and any participant sees "2 valid
// signatures" and downloads a PDF that poppler's pdfsig verifies.
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { createTestCa } from '../helpers/pki';
import type { Signer } from '../helpers/pki';
import { nssDbTrusting, pdfsig } from '../helpers/pdfsig';

const PASSPHRASE = 'Mật-khẩu-rất-bí-mật-2026';

/** Every request body a page sends, to prove what left the device. */
function recordBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (req: Request) => {
    const buf = req.postDataBuffer();
    if (buf) bodies.push(`${req.method()} ${req.url()}\n${buf.toString('latin1')}`);
  });
  return bodies;
}

async function pkcs8Base64(signer: Signer): Promise<string> {
  const der = Buffer.from(
    await webcrypto.subtle.exportKey(
      'pkcs8',
      signer.keys.privateKey as unknown as webcrypto.CryptoKey,
    ),
  );
  return der.toString('base64');
}

test('minutes: draft with facts, co-edit, finalise, two signatures from two browsers, verify', async ({
  host,
  loginAs,
}) => {
  test.setTimeout(180_000);
  const ca = await createTestCa();
  const chairCert = await ca.issue({ name: 'Nguyễn Văn Hùng', kind: 'EC' });
  const secretaryCert = await ca.issue({ name: 'Trần Thị Lan' });

  // The host trusts the test CA (the admin imports it in the UI).
  const admin = (await loginAs('admin')).page;
  await admin.goto(`${host.url}/admin/trust`);
  await admin.getByTestId('trust-pem').fill(ca.pem);
  await admin.getByTestId('trust-add').click();
  await expect(admin.getByTestId('trust-list')).toContainText('Test Root CA');

  // A closed ballot exists in the archive (the live-meeting flow has its own e2e test).
  const chairToken = await host.login('chu-toa');
  const meetingId = (
    (await (await host.api('GET', '/meetings', { token: chairToken })).json()) as Array<{
      id: string;
    }>
  )[0]!.id;
  for (const u of ['dai-bieu-1', 'dai-bieu-2', 'dai-bieu-3', 'dai-bieu-4']) {
    const token = await host.login(u);
    expect(
      (
        await host.api('POST', `/meetings/${meetingId}/attendance`, {
          token,
          body: { status: 'present' },
        })
      ).status,
    ).toBe(200);
  }
  const ballot = (await (
    await host.api('POST', `/meetings/${meetingId}/ballots`, {
      token: chairToken,
      body: {
        question: 'Thông qua kế hoạch đầu tư công trung hạn',
        secret: false,
        rule: 'majority_of_present',
      },
    })
  ).json()) as { id: string };
  expect((await host.api('POST', `/ballots/${ballot.id}/open`, { token: chairToken })).status).toBe(
    200,
  );
  for (const [u, option] of [
    ['dai-bieu-1', 'Tán thành'],
    ['dai-bieu-2', 'Tán thành'],
    ['dai-bieu-3', 'Tán thành'],
    ['dai-bieu-4', 'Không tán thành'],
  ]) {
    const token = await host.login(u!);
    expect(
      (await host.api('POST', `/ballots/${ballot.id}/votes`, { token, body: { option } })).status,
    ).toBe(200);
  }
  expect(
    (await host.api('POST', `/ballots/${ballot.id}/close`, { token: chairToken })).status,
  ).toBe(200);

  // The secretary drafts: "Insert from the meeting" fills attendance, agenda and the vote.
  const secretary = (await loginAs('thu-ky')).page;
  const secretaryBodies = recordBodies(secretary);
  await secretary.goto(`${host.url}/meetings/${meetingId}`);
  await secretary.getByTestId('open-minutes').click();
  await expect(secretary.getByTestId('minutes-status')).toHaveText('Dự thảo');
  await secretary.getByTestId('minutes-insert-facts').click();
  const secretaryEditor = secretary.getByTestId('minutes-editor');
  await expect(secretaryEditor).toContainText(
    'Thông qua kế hoạch đầu tư công trung hạn: Tán thành 3, Không tán thành 1, Không biểu quyết 0.',
  );
  await expect(secretaryEditor).toContainText('Lê Minh Đức');

  // The chair co-edits live: sees the secretary's text, adds a conclusion the secretary sees.
  const chair = (await loginAs('chu-toa')).page;
  const chairBodies = recordBodies(chair);
  await chair.goto(`${host.url}/meetings/${meetingId}/minutes`);
  const chairEditor = chair.getByTestId('minutes-editor');
  await expect(chairEditor).toContainText('Thông qua kế hoạch đầu tư công trung hạn');
  await chairEditor.click();
  await chair.keyboard.press('Control+End');
  await chair.keyboard.press('Enter');
  await chair.keyboard.type('Chủ tọa kết luận: Hội nghị thống nhất thông qua kế hoạch.');
  await expect(secretaryEditor).toContainText(
    'Chủ tọa kết luận: Hội nghị thống nhất thông qua kế hoạch.',
  );

  // The secretary finalises: the draft locks on both screens.
  await secretary.getByTestId('minutes-finalize').click();
  await expect(secretary.getByTestId('minutes-status')).toHaveText('Đã chốt, chờ ký');
  await expect(chair.getByTestId('minutes-status')).toHaveText('Đã chốt, chờ ký');
  await expect(chairEditor).toHaveAttribute('contenteditable', 'false');

  // Each signs from their own browser with their own .p12 file.
  for (const [page, cert] of [
    [chair, chairCert],
    [secretary, secretaryCert],
  ] as const) {
    await page.getByTestId('sign-p12').setInputFiles({
      name: 'chung-thu.p12',
      mimeType: 'application/x-pkcs12',
      buffer: await cert.p12(PASSPHRASE),
    });
    await page.getByTestId('sign-passphrase').fill(PASSPHRASE);
    await page.getByTestId('sign-submit').click();
    await expect(page.getByTestId('sign-done')).toContainText(cert.name);
  }
  await expect(secretary.getByTestId('minutes-status')).toHaveText('Đã ký số');

  // Nothing that left either device holds the key, the passphrase or the .p12 file.
  for (const [bodies, cert] of [
    [chairBodies, chairCert],
    [secretaryBodies, secretaryCert],
  ] as const) {
    const key = await pkcs8Base64(cert);
    const signingBodies = bodies.filter((b) => b.includes('/minutes/signatures/'));
    expect(signingBodies).toHaveLength(2);
    for (const b of bodies) {
      expect(b).not.toContain(key);
      expect(b).not.toContain(key.slice(0, 40));
      expect(b).not.toContain(PASSPHRASE);
      expect(b).not.toContain(Buffer.from(PASSPHRASE).toString('latin1'));
      expect(b).not.toContain('PRIVATE KEY');
    }
    expect(
      Object.keys(JSON.parse(signingBodies[1]!.split('\n').slice(1).join('\n')) as object),
    ).toEqual(['cms']);
  }

  // Any participant sees both signatures valid and downloads a PDF that pdfsig verifies.
  const delegate = (await loginAs('dai-bieu-5', { lang: 'en' })).page;
  await delegate.goto(`${host.url}/meetings/${meetingId}/minutes`);
  await expect(delegate.getByTestId('verify-summary')).toHaveText('2 valid signatures');
  await expect(delegate.getByTestId('signature-row')).toHaveCount(2);
  await expect(delegate.getByTestId('minutes-editor')).toHaveAttribute('contenteditable', 'false');
  const [download] = await Promise.all([
    delegate.waitForEvent('download'),
    delegate.getByTestId('minutes-download').click(),
  ]);
  const file = await download.path();
  const pdf = fs.readFileSync(file);
  // The same file checked through "Check a signed PDF file", then with one byte changed.
  await delegate
    .getByTestId('verify-file')
    .setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(delegate.getByTestId('verify-file-summary')).toHaveText('2 valid signatures');
  const tampered = Buffer.from(pdf);
  const at = tampered.indexOf('BT', 4000);
  tampered[at + 3] = tampered[at + 3]! ^ 0x01;
  await delegate
    .getByTestId('verify-file')
    .setInputFiles({ name: 'sua.pdf', mimeType: 'application/pdf', buffer: tampered });
  await expect(delegate.getByTestId('verify-file-summary')).toHaveText(
    '2 of 2 signatures are not valid',
  );
  const ps = pdfsig(pdf, nssDbTrusting([ca.pem]));
  expect(ps.signatures.map((s) => [s.signer, s.validation, s.trust])).toEqual([
    ['Nguyễn Văn Hùng', 'Signature is Valid.', 'Certificate is Trusted.'],
    ['Trần Thị Lan', 'Signature is Valid.', 'Certificate is Trusted.'],
  ]);
  expect(ps.signatures[1]!.coversWholeDocument).toBe(true);
});
