// The PDF viewer on real Chromium against a real host: navigation (keyboard, page box,
// thumbnails), zoom, find without diacritics, a password-protected paper, a replaced paper.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { TestHost } from '../helpers/host';
import { sample } from '../helpers/samples';

interface Paper {
  id: string;
  pages: number;
  title: string;
  confidential: boolean;
}

async function demo(host: TestHost) {
  const token = await host.login('thu-ky', 'demo');
  const meetingId = (
    (await (await host.api('GET', '/meetings', { token })).json()) as Array<{ id: string }>
  )[0]!.id;
  const detail = (await (await host.api('GET', `/meetings/${meetingId}`, { token })).json()) as {
    documents: Paper[];
  };
  const paper = detail.documents
    .filter((d) => !d.confidential)
    .sort((a, b) => b.pages - a.pages)[0]!;
  return { token, meetingId, paper };
}

async function upload(
  host: TestHost,
  token: string,
  meetingId: string,
  file: string,
  name: string,
): Promise<string> {
  const res = await host.api('POST', `/meetings/${meetingId}/documents?filename=${name}`, {
    token,
    raw: fs.readFileSync(file),
    headers: { 'content-type': 'application/pdf' },
  });
  expect([200, 201]).toContain(res.status);
  return ((await res.json()) as { id: string }).id;
}

async function open(page: Page, host: TestHost, meetingId: string, id: string) {
  await page.goto(`${host.url}/meetings/${meetingId}/documents/${id}`);
  await expect(page.locator('.pdf-page[data-page-number="1"]')).toHaveAttribute(
    'data-painted',
    'true',
  );
}

test('navigates by keyboard, page box and thumbnails, and zooms', async ({ host, loginAs }) => {
  const { meetingId, paper } = await demo(host);
  const { page } = await loginAs('dai-bieu-1');
  await open(page, host, meetingId, paper.id);
  const scroller = page.getByTestId('pdf-scroller');
  await expect(page.getByTestId('page-indicator')).toHaveText(`Trang 1 / ${paper.pages}`);
  // Text layer: the page's words are selectable text.
  await expect(
    page.locator('.pdf-page[data-page-number="1"] .textLayer span').first(),
  ).toBeAttached();

  await scroller.focus();
  await page.keyboard.press('End');
  await expect(scroller).toHaveAttribute('data-current-page', String(paper.pages));
  await page.keyboard.press('Home');
  await expect(scroller).toHaveAttribute('data-current-page', '1');
  await page.keyboard.press('PageDown');
  await expect(scroller).toHaveAttribute('data-current-page', '2');
  // Only pages near the view (± 1) hold a rendered canvas.
  await expect(
    page.locator(`.pdf-page[data-page-number="${paper.pages}"] canvas.pdf-canvas`),
  ).toHaveCount(paper.pages <= 3 ? 1 : 0);

  await page.getByTestId('page-input').fill('1');
  await page.getByTestId('page-input').press('Enter');
  await expect(scroller).toHaveAttribute('data-current-page', '1');

  await page.getByTestId('sidebar-thumbs').click();
  await page.getByRole('button', { name: 'Tới trang 2' }).click();
  await expect(scroller).toHaveAttribute('data-current-page', '2');

  const before = Number(await scroller.getAttribute('data-scale'));
  await page.getByRole('button', { name: 'Phóng to' }).click();
  await expect
    .poll(async () => Number(await scroller.getAttribute('data-scale')))
    .toBeGreaterThan(before);
  await expect(scroller).toHaveAttribute('data-current-page', '2');
  await page.getByRole('button', { name: 'Vừa trang' }).click();
  await expect(page.getByRole('button', { name: 'Vừa trang' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('finds words without diacritics (đ → d too)', async ({ host, loginAs }) => {
  const { meetingId, paper } = await demo(host);
  const { page } = await loginAs('dai-bieu-2', { lang: 'en' });
  await open(page, host, meetingId, paper.id);
  await page.getByTestId('find-toggle').click();
  await page.getByTestId('find-input').fill('tinh hinh');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  await expect(page.locator('.textLayer .find-current').first()).toBeAttached();
  await page.getByTestId('find-input').fill('dau tu');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  await page.getByTestId('find-input').fill('zzzz khong co');
  await expect(page.getByTestId('find-count')).toHaveText('No matches');
});

test('asks for the password of a protected paper', async ({ host, loginAs }) => {
  const { token, meetingId } = await demo(host);
  const id = await upload(host, token, meetingId, sample('bug1782186.pdf'), 'mat-khau.pdf');
  const { page } = await loginAs('dai-bieu-1');
  await page.goto(`${host.url}/meetings/${meetingId}/documents/${id}`);
  await page.getByTestId('pdf-password').fill('sai');
  await page.getByTestId('pdf-password-submit').click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu không đúng');
  await page.getByTestId('pdf-password').fill('Hello');
  await page.getByTestId('pdf-password-submit').click();
  await expect(page.locator('.pdf-page[data-page-number="1"]')).toHaveAttribute(
    'data-painted',
    'true',
  );
});

test('says when a newer version replaced the paper', async ({ host, loginAs }) => {
  const { token, meetingId, paper } = await demo(host);
  const res = await host.api('POST', `/documents/${paper.id}/versions?filename=ban-moi.pdf`, {
    token,
    raw: fs.readFileSync(sample('tracemonkey.pdf')),
    headers: { 'content-type': 'application/pdf' },
  });
  expect(res.status).toBe(201);
  const { page } = await loginAs('dai-bieu-1');
  await open(page, host, meetingId, paper.id);
  await expect(page.getByTestId('replaced-banner')).toBeVisible();
  await page.getByTestId('replaced-banner').getByRole('link').click();
  await expect(page.locator('.pdf-page[data-page-number="1"]')).toHaveAttribute(
    'data-painted',
    'true',
  );
  await expect(page.getByTestId('replaced-banner')).toHaveCount(0);
  await expect(page.getByTestId('page-indicator')).toHaveText('Trang 1 / 14');
});
