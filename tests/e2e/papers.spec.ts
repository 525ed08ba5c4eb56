// The papers story end to end: the secretary prepares a meeting with three papers (one
// confidential for one delegate) and publishes it; delegate A opens the confidential paper and
// searches in it; delegate B never sees it; with the network gone, A still reads the papers kept
// on the tablet.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePaper } from '../../main/host/documents/generate-pdf';
import { expect, test } from './fixtures';

const SECRET_TITLE = 'Phương án sắp xếp tổ chức bộ máy';

async function writePaper(
  dir: string,
  name: string,
  title: string,
  body: string[],
): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    await generatePaper({ title, pages: [body, ['Trang hai của tài liệu.']] }),
  );
  return file;
}

test('secretary uploads three papers, one confidential; delegates see what they may, also offline', async ({
  host,
  loginAs,
}) => {
  // Four real uploads parsed on the host, three browser contexts: more than the default budget
  // on a shared machine.
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-e2e-'));
  const report = await writePaper(dir, 'bao-cao.pdf', 'Báo cáo tổng kết năm', [
    'Kết quả thực hiện nhiệm vụ năm 2026.',
  ]);
  const plan = await writePaper(dir, 'ke-hoach.pdf', 'Kế hoạch năm 2027', [
    'Mục tiêu tăng trưởng và giải pháp.',
  ]);
  const secret = await writePaper(dir, 'mat.pdf', SECRET_TITLE, [
    'Dự kiến nhân sự đảm nhiệm chức vụ Giám đốc Sở.',
  ]);

  // The secretary creates the meeting in the app.
  const { page: sec } = await loginAs('thu-ky');
  await sec.goto(`${host.url}/meetings/new`);
  await sec.getByTestId('meeting-title-input').fill('Họp chuẩn bị tài liệu');
  await sec.getByTestId('meeting-starts-input').fill('2026-12-15T08:00');
  await sec.getByTestId('meeting-details-submit').click();
  await expect(sec).toHaveURL(/\/meetings\/[^/]+\/edit$/);
  const meetingId = /\/meetings\/([^/]+)\/edit$/.exec(sec.url())![1]!;

  // Participants and one agenda item (their editors are covered by the meetings tests).
  const token = await host.login('thu-ky');
  const users = (await (await host.api('GET', `/meetings/${meetingId}`, { token })).json()) as {
    participants: Array<{ userId: string }>;
  };
  const ids: Record<string, string> = {};
  for (const name of ['chu-toa', 'dai-bieu-1', 'dai-bieu-2'])
    ids[name] = host.services.users.findByUsername(name)!.id;
  const put = await host.api('PUT', `/meetings/${meetingId}/participants`, {
    token,
    body: [
      { userId: users.participants[0]!.userId, role: 'secretary' },
      { userId: ids['chu-toa'], role: 'chair' },
      { userId: ids['dai-bieu-1'], role: 'delegate' },
      { userId: ids['dai-bieu-2'], role: 'delegate' },
    ],
  });
  expect(put.status).toBe(200);
  const item = await host.api('POST', `/meetings/${meetingId}/agenda`, {
    token,
    body: { title: 'Báo cáo tổng kết' },
  });
  expect(item.status).toBe(201);

  // Two open papers on the agenda item, with progress rows that end as "done".
  await sec.goto(`${host.url}/meetings/${meetingId}/papers`);
  await sec.getByTestId('upload-agenda-item').selectOption({ index: 1 });
  await sec.getByTestId('upload-files').setInputFiles([report, plan]);
  await sec.getByTestId('upload-submit').click();
  // Parsing happens on the host in a sandboxed process: allow for a slow, shared machine.
  await expect(sec.locator('[data-testid="upload-row"][data-phase="done"]')).toHaveCount(2, {
    timeout: 60_000,
  });
  await expect(sec.getByTestId('paper-row')).toHaveCount(2);

  // A file that is not a PDF is refused with the host's reason.
  const fake = path.join(dir, 'gia-mao.pdf');
  fs.writeFileSync(fake, '<html><body>not a pdf</body></html>');
  await sec.getByTestId('upload-files').setInputFiles([fake]);
  await sec.getByTestId('upload-submit').click();
  await expect(sec.locator('[data-testid="upload-row"][data-phase="failed"]')).toContainText(
    'HTML',
    { timeout: 30_000 },
  );

  // The confidential one, for dai-bieu-1 only.
  await sec.getByTestId('upload-confidential').check();
  await sec.locator('[data-testid="reader-option"][data-username="dai-bieu-1"]').check();
  await sec.getByTestId('upload-files').setInputFiles([secret]);
  await sec.getByTestId('upload-submit').click();
  await expect(sec.locator('[data-testid="upload-row"][data-phase="done"]')).toHaveCount(3, {
    timeout: 60_000,
  });
  await expect(sec.getByTestId('paper-row')).toHaveCount(3);
  await expect(sec.getByTestId('paper-row').filter({ hasText: SECRET_TITLE })).toContainText('Mật');

  await sec.goto(`${host.url}/meetings/${meetingId}/edit`);
  await sec.getByTestId('meeting-publish').click();
  await expect(sec.getByTestId('meeting-status')).toHaveText('Đã phát hành');

  // Delegate A sees all three, one tap opens the confidential one, and finds words in it
  // without typing the diacritics.
  const { page: a, context: aContext } = await loginAs('dai-bieu-1', {
    viewport: { width: 1024, height: 1366 },
  });
  await a.goto(`${host.url}/meetings/${meetingId}`);
  await expect(a.getByTestId('paper-link')).toHaveCount(3);
  await expect(a.getByTestId('papers-offline-summary')).toContainText('3/3');
  await a.getByTestId('paper-link').filter({ hasText: SECRET_TITLE }).click();
  await expect(a.locator('[data-page-number="1"][data-painted="true"]')).toBeVisible();
  await a.getByTestId('find-toggle').click();
  await a.getByTestId('find-input').fill('giam doc so');
  await expect(a.getByTestId('find-count')).toHaveText(/^1 \/ 1$/);

  // Delegate B: two papers, no trace of the confidential one, and the host refuses its file.
  const { page: b } = await loginAs('dai-bieu-2');
  await b.goto(`${host.url}/meetings/${meetingId}`);
  await expect(b.getByTestId('paper-link')).toHaveCount(2);
  await expect(b.getByTestId('meeting-page')).not.toContainText(SECRET_TITLE);
  const detail = (await (await host.api('GET', `/meetings/${meetingId}`, { token })).json()) as {
    documents: Array<{ id: string; title: string }>;
  };
  const secretId = detail.documents.find((d) => d.title === SECRET_TITLE)!.id;
  const bToken = await host.login('dai-bieu-2');
  for (const route of ['', '/file', '/thumbnail', '/text'])
    expect(
      (await host.api('GET', `/documents/${secretId}${route}`, { token: bToken })).status,
    ).toBe(404);
  const bViewer = await b.request.get(
    `${host.url}/api/v1/documents/${secretId}/file?access_token=${bToken}`,
  );
  expect(bViewer.status()).toBe(404);

  // The Wi-Fi drops: the three papers are on A's tablet, byte for byte what the host served,
  // and the meeting page says so.
  await a.goBack();
  await expect(a.getByTestId('paper-link')).toHaveCount(3);
  await aContext.setOffline(true);
  await expect(a.locator('[data-testid="paper-offline"][data-state="saved"]')).toHaveCount(3);
  const kept = await a.evaluate(
    () =>
      new Promise<Array<{ title: string; size: number; head: string }>>((resolve, reject) => {
        const open = indexedDB.open('phonghop-papers');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('papers').objectStore('papers').getAll();
          all.onsuccess = async () => {
            const rows = all.result as Array<{ title: string; bytes: Blob }>;
            resolve(
              await Promise.all(
                rows.map(async (r) => ({
                  title: r.title,
                  size: r.bytes.size,
                  head: await r.bytes.slice(0, 5).text(),
                })),
              ),
            );
          };
        };
      }),
  );
  expect(kept.map((k) => k.title).sort()).toEqual(
    ['Báo cáo tổng kết năm', 'Kế hoạch năm 2027', SECRET_TITLE].sort(),
  );
  for (const k of kept) expect(k.head).toBe('%PDF-');
  expect(kept.find((k) => k.title === SECRET_TITLE)!.size).toBe(fs.statSync(secret).size);
  // …and A reads them: opening papers with the network down paints them from the device's copy.
  for (const title of ['Kế hoạch năm 2027', SECRET_TITLE]) {
    await a.getByTestId('paper-link').filter({ hasText: title }).click();
    await expect(a.locator('[data-page-number="1"][data-painted="true"]')).toBeVisible();
    await a.goBack();
    await expect(a.getByTestId('paper-link')).toHaveCount(3);
  }
  await aContext.setOffline(false);
  fs.rmSync(dir, { recursive: true, force: true });
});
