// The archive story end to end: a delegate searches without diacritics and opens the hit at its
// page; the minutes are finalised and signed; the secretary exports the meeting from the app;
// an administrator imports the package on a second host (its own data folder) from the app, and
// the imported meeting verifies there: audit chain, signature, and the offline package check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { expect, RENDERER_DIR, signIn, test } from './fixtures';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { createTestCa } from '../helpers/pki';
import { readPkcs12 } from '../../shared/signing/pkcs12';
import { buildPadesCms } from '../../shared/signing/pades-cms';
import { base64ToBytes, bytesToBase64 } from '../../shared/signing/pem';
import { MINUTES_FRAGMENT } from '../../shared/api/schemas/minutes';

/** Writes the minutes draft through the stock y-websocket client, as an editor would. */
async function writeDraft(
  host: TestHost,
  meetingId: string,
  token: string,
  paragraphs: string[],
): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${host.url.replace(/^http/, 'ws')}/sync`,
    `minutes/${meetingId}`,
    doc,
    {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  await new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
  const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
  doc.transact(() => {
    for (const text of paragraphs) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      fragment.push([p]);
    }
  });
  const stored = () =>
    host.services.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM ydoc_updates WHERE doc = ?')
      .get(`minutes/${meetingId}`)!.n;
  await expect.poll(stored).toBeGreaterThan(0);
  provider.destroy();
  doc.destroy();
}

test('search without accents opens the page; a signed meeting is exported, imported on a second host and verified there', async ({
  host,
  loginAs,
  browser,
}) => {
  const meetingId = host.services.meetings.listAll()[0]!.id;

  // 1. A delegate searches without diacritics and opens the hit at its page.
  const { page } = await loginAs('dai-bieu-2');
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('du lich phuc hoi');
  await page.getByTestId('search-submit').click();
  const hit = page.getByTestId('search-hit').first();
  await expect(hit.getByTestId('search-hit-page')).toHaveText('Trang 2');
  // Each word is highlighted where it occurs, in its original spelling.
  expect(await hit.locator('mark').allTextContents()).toEqual(
    expect.arrayContaining(['Du', 'lịch', 'phục', 'hồi']),
  );
  await hit.getByTestId('search-hit-link').click();
  await expect(page).toHaveURL(/\/documents\/[^/?]+\?page=2&q=du\+lich\+phuc\+hoi$/);
  await expect(page.getByTestId('page-indicator')).toHaveText('Trang 2 / 3');
  // …with the words found and marked on that page.
  await expect(page.getByTestId('find-input')).toHaveValue('du lich phuc hoi');
  await expect(
    page.locator('.pdf-page[data-page-number="2"] .textLayer .find-current').first(),
  ).toBeAttached();

  // 2. The minutes are written, finalised and signed by the chair (PAdES, test CA).
  const admin = await host.login('admin');
  const secretary = await host.login('thu-ky');
  const chair = await host.login('chu-toa');
  const ca = await createTestCa();
  expect(
    (await host.api('POST', '/trust/roots', { token: admin, body: { pem: ca.pem } })).status,
  ).toBe(200);
  await writeDraft(host, meetingId, secretary, [
    'I. THỜI GIAN, ĐỊA ĐIỂM',
    'Cuộc họp thống nhất thông qua kế hoạch đầu tư công trung hạn.',
  ]);
  expect(
    (await host.api('POST', `/meetings/${meetingId}/minutes/finalize`, { token: secretary }))
      .status,
  ).toBe(200);
  const signer = await ca.issue({ name: 'Nguyễn Văn Hùng', kind: 'EC' });
  const id = await readPkcs12(new Uint8Array(await signer.p12('pass')), 'pass');
  const prep = (await (
    await host.api('POST', `/meetings/${meetingId}/minutes/signatures/prepare`, {
      token: chair,
      body: { certificateChain: id.certificateChainPem },
    })
  ).json()) as { signingId: string; digest: string };
  const cms = await buildPadesCms({
    digest: base64ToBytes(prep.digest),
    certificates: id.certificates,
    privateKey: id.privateKey,
  });
  const done = await host.api(
    'POST',
    `/meetings/${meetingId}/minutes/signatures/${prep.signingId}`,
    { token: chair, body: { cms: bytesToBase64(cms) } },
  );
  expect(done.status).toBe(200);

  // 3. The secretary exports the meeting from the meeting page, with progress, and saves it.
  const { page: sec } = await loginAs('thu-ky');
  await sec.goto(`${host.url}/meetings/${meetingId}`);
  const downloading = sec.waitForEvent('download');
  await sec.getByTestId('export-meeting').click();
  const download = await downloading;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-e2e-'));
  const pkg = path.join(dir, download.suggestedFilename());
  await download.saveAs(pkg);
  await expect(sec.getByTestId('export-done')).toBeVisible();
  expect(pkg.endsWith('.zip')).toBe(true);

  // 4. On a second host with its own data folder, an administrator imports it from the app.
  const second = await startTestHost({ rendererDir: RENDERER_DIR });
  try {
    const { page: adm, context } = await signIn(browser, second, 'admin');
    await adm.getByTestId('nav-archive').click();
    await adm.getByTestId('import-file').setInputFiles(pkg);
    await adm.getByTestId('import-submit').click();
    const result = adm.getByTestId('import-result');
    await expect(result).toContainText('Phiên họp thường kỳ tháng 11 năm 2026');
    await expect(result.getByTestId('import-check')).toHaveCount(4);
    await expect(
      result.getByTestId('import-check').filter({ hasText: 'signatures' }),
    ).toContainText('Đạt');
    await adm.getByTestId('import-open').click();
    await expect(adm).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
    await context.close();

    // 5. Verified there: the audit chain, the signature on the minutes, and the package offline.
    const token = await second.login('admin');
    const audit = (await (
      await second.api('GET', `/meetings/${meetingId}/audit/verify`, { token })
    ).json()) as { valid: boolean; head: string; count: number };
    expect(audit.valid).toBe(true);
    // The same chain as on the first host up to the export (which the first host logged after).
    const events = (await (
      await host.api('GET', `/meetings/${meetingId}/audit?after=${audit.count - 1}&limit=1`, {
        token: secretary,
      })
    ).json()) as Array<{ hash: string }>;
    expect(events[0]!.hash).toBe(audit.head);
    const verify = (await (
      await second.api('GET', `/meetings/${meetingId}/minutes/verify`, { token })
    ).json()) as Array<{ signer: string; valid: boolean }>;
    expect(verify.map((v) => [v.signer, v.valid])).toEqual([['Nguyễn Văn Hùng', true]]);
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main/cli/verify-package.ts', pkg, '--lang', 'en'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(cli.stdout).toMatch(/\[OK\] signatures: 1 signature\(s\): Signature is Valid/);
    expect(cli.stdout).toContain('RESULT: VALID');
    expect(cli.status).toBe(0);
  } finally {
    await second.stop(true);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
