// "Done when": a tablet-sized Chromium joins a LAN-bound host (HTTPS with the host's own CA)
// through the pairing code. The browser trusts exactly the host CA's key
// (--ignore-certificate-errors-spki-list pins that key, nothing else is relaxed), the way a
// tablet that installed the host CA trusts it.
import fs from 'node:fs';
import { chromium, expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium';
import { RENDERER_DIR } from './fixtures';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

const DEMO_MEETING = 'Phiên họp thường kỳ tháng 11 năm 2026 của Ủy ban nhân dân tỉnh';
const TABLET = { width: 800, height: 1280 };

let host: TestHost;
let browser: Browser;
let origin: string;

test.beforeAll(async () => {
  if (!fs.existsSync(`${RENDERER_DIR}/index.html`))
    throw new Error('Run `npm run build:renderer` before the e2e tests.');
  // Bound to every interface, as in a meeting room: the host turns TLS on by itself.
  host = await startTestHost({ bind: '0.0.0.0', demo: true, rendererDir: RENDERER_DIR });
  origin = `https://127.0.0.1:${host.port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${host.tls!.spkiPin}`],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await host?.stop(true);
});

async function signIn(page: Page, username: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
}

async function secretaryShowsCode(): Promise<{
  code: string;
  joinUrl: string;
  fingerprint: string;
  page: Page;
}> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await signIn(page, 'thu-ky');
  await page
    .getByTestId('meeting-card')
    .filter({ hasText: DEMO_MEETING })
    .getByRole('link')
    .click();
  await page.getByTestId('pairing-open').click();
  await expect(page.getByTestId('pairing-qr')).toBeVisible();
  const code = (await page.getByTestId('pairing-code').innerText()).trim();
  const joinUrl = (await page.getByTestId('pairing-qr').getAttribute('data-join-url'))!;
  const fingerprint = (await page.getByTestId('pairing-fingerprint').innerText()).replace(
    /\s/g,
    '',
  );
  return { code, joinUrl, fingerprint, page };
}

test('a tablet joins the LAN host over HTTPS with the short code', async () => {
  const { code, fingerprint } = await secretaryShowsCode();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(fingerprint).toBe(host.tls!.fingerprint.replace(/:/g, ''));

  const tablet = await browser.newContext({
    locale: 'vi-VN',
    viewport: TABLET,
    hasTouch: true,
    isMobile: true,
  });
  const page = await tablet.newPage();
  await page.goto(`${origin}/join`);
  expect(page.url().startsWith('https://')).toBe(true);
  await signIn(page, 'dai-bieu-1');
  await page.getByTestId('pairing-code-input').fill(code.toLowerCase().replace('-', ' '));
  await page.getByTestId('pairing-submit').click();
  await expect(page.getByTestId('pairing-joined')).toBeVisible();
  await page.getByTestId('pairing-enter').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(DEMO_MEETING);
  // The live meeting doc arrives over WSS with the same pinned CA.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced');

  // The code was good once: a second tablet typing it is told so, in words.
  const second = await (
    await browser.newContext({ locale: 'vi-VN', viewport: TABLET, hasTouch: true, isMobile: true })
  ).newPage();
  await second.goto(`${origin}/join`);
  await signIn(second, 'dai-bieu-2');
  await second.getByTestId('pairing-code-input').fill(code);
  await second.getByTestId('pairing-submit').click();
  await expect(second.getByRole('alert')).toContainText('đã được dùng');
});

test('a tablet joins by opening the QR code link (the LAN address), in English', async () => {
  const { joinUrl } = await secretaryShowsCode();
  const link = new URL(joinUrl);
  expect(link.protocol).toBe('https:');
  expect(link.searchParams.get('fp')).toBe(host.tls!.fingerprint.replace(/:/g, ''));

  const tablet = await browser.newContext({
    locale: 'en-GB',
    viewport: TABLET,
    hasTouch: true,
    isMobile: true,
  });
  const page = await tablet.newPage();
  // The QR code names the host's LAN address, which its certificate covers.
  await page.goto(joinUrl);
  await page.getByTestId('lang-en').click();
  await signIn(page, 'dai-bieu-3');
  await expect(page.getByTestId('pairing-joined')).toBeVisible();
  await expect(page.getByText("The host's certificate matches the QR code.")).toBeVisible();
  await page.getByTestId('pairing-enter').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(DEMO_MEETING);
});

test('plain HTTP to the LAN host only redirects to HTTPS', async () => {
  const context = await browser.newContext({ viewport: TABLET });
  const page = await context.newPage();
  const response = await page.goto(`http://127.0.0.1:${host.port}/join`);
  expect(page.url()).toBe(`${origin}/join`);
  expect(response?.status()).toBe(200);
});

test("the admin's host-wide code shows the host certificate's fingerprint and offers its CA", async () => {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('admin-test-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-join-code').click();
  await expect(page.getByTestId('pairing-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId('pairing-fingerprint')).toHaveText(
    host.tls!.fingerprint.replace(/:/g, '').replace(/(.{4})(?=.)/g, '$1 '),
  );
  const first = await page.getByTestId('pairing-code').innerText();
  await page.getByTestId('pairing-new').click();
  await expect(page.getByTestId('pairing-code')).not.toHaveText(first);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Tải chứng thư gốc/ }).click();
  expect(fs.readFileSync(await (await download).path(), 'utf8')).toBe(host.tls!.caPem);
});
