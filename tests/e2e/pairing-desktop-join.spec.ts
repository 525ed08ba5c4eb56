// The desktop app's "Join a room" page (main/electron/shell/join.html), in Chromium with a
// stand-in for the preload bridge: what it sends to main, and how it shows main's answers,
// above all the loud warning when a pinned host's certificate changed.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shellDir = path.join(root, 'dist/main/electron/shell');
let server: http.Server;
let base: string;

test.beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-main.mjs'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(built.stderr);
  server = http.createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1) || 'join.html';
    const file = path.join(shellDir, path.basename(name));
    if (!fs.existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader(
      'Content-Type',
      name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
    );
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = Record<string, unknown>;

/** Installs a fake `window.phonghop` whose `room:join` answers from `answers` in turn. */
async function withBridge(page: Page, answers: Answer[]) {
  await page.addInitScript((queue: Answer[]) => {
    const calls: Array<[string, unknown]> = [];
    Object.assign(window, {
      __calls: calls,
      phonghop: {
        invoke: async (channel: string, arg: unknown) => {
          calls.push([channel, arg]);
          if (channel === 'app:info')
            return {
              version: '0',
              platform: 'linux',
              mode: null,
              hostUrl: null,
              fingerprint: null,
              lang: 'vi',
            };
          if (channel === 'room:join') return queue.shift();
          return { ok: true };
        },
        on: () => () => {},
      },
    });
  }, answers);
}
const calls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __calls: Array<[string, unknown]> }).__calls);

test('sends the address, code and fingerprint to main and shows the joined host', async ({
  page,
}) => {
  await withBridge(page, [
    {
      ok: true,
      hostId: 'h1',
      hostName: 'phong-hop-1',
      fingerprint: 'AB'.repeat(32),
      url: 'https://10.0.0.5:8740',
    },
  ]);
  await page.goto(`${base}/join.html`);
  await expect(page.getByRole('heading', { name: 'Tham gia phòng họp' })).toBeVisible();
  await page.getByLabel('Địa chỉ hoặc liên kết tham gia').fill('10.0.0.5:8740');
  await page.getByLabel('Mã tham gia').fill('k7m4-qx2b');
  await page.getByLabel('Mã tham gia').press('Enter');
  await expect(page.getByRole('status')).toContainText('Đã kết nối tới phong-hop-1');
  expect((await calls(page)).filter(([c]) => c === 'room:join')).toEqual([
    ['room:join', { url: 'https://10.0.0.5:8740', code: 'k7m4-qx2b' }],
  ]);
});

test('warns loudly when the pinned certificate changed, and re-joins only when accepted', async ({
  page,
}) => {
  await withBridge(page, [
    {
      ok: false,
      code: 'fingerprint_changed',
      message: 'CẢNH BÁO: chứng thư của máy chủ phòng họp đã thay đổi.',
      expected: 'CD'.repeat(32),
      actual: 'EF'.repeat(32),
    },
    {
      ok: true,
      hostId: 'h1',
      hostName: 'phong-hop-1',
      fingerprint: 'EF'.repeat(32),
      url: 'https://10.0.0.5:8740',
    },
  ]);
  await page.goto(`${base}/join.html`);
  await page
    .getByLabel('Địa chỉ hoặc liên kết tham gia')
    .fill('https://10.0.0.5:8740/join?t=abcdefghijklmnop');
  await page.getByRole('button', { name: 'Tham gia', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('CẢNH BÁO');
  await expect(alert).toContainText(`${'CD'.repeat(32)} → ${'EF'.repeat(32)}`);
  await page.getByRole('button', { name: /chấp nhận chứng thư mới/ }).click();
  await expect(page.getByRole('status')).toContainText('Đã kết nối');
  const joins = (await calls(page)).filter(([c]) => c === 'room:join').map(([, a]) => a);
  expect(joins).toEqual([
    { url: 'https://10.0.0.5:8740/join?t=abcdefghijklmnop' },
    { url: 'https://10.0.0.5:8740/join?t=abcdefghijklmnop', acceptChangedFingerprint: true },
  ]);
});

test('shows the warning main sends it to after a refused certificate, and switches to English', async ({
  page,
}) => {
  await withBridge(page, []);
  await page.goto(
    `${base}/join.html?warning=fingerprint_changed&host=${encodeURIComponent('https://10.0.0.5:8740')}&expected=AA&actual=BB`,
  );
  await expect(page.getByRole('alert')).toContainText(
    'CẢNH BÁO: chứng thư của máy chủ phòng họp https://10.0.0.5:8740 đã thay đổi',
  );
  await expect(page.getByLabel('Địa chỉ hoặc liên kết tham gia')).toHaveValue(
    'https://10.0.0.5:8740',
  );
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByRole('heading', { name: 'Join a room' })).toBeVisible();
  await expect(page.getByLabel('Joining code')).toBeVisible();
  expect((await calls(page)).some(([c, a]) => c === 'app:set-language' && a === 'en')).toBe(true);
});
