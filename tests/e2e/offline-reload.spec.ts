// A tablet reloaded while the host cannot be reached (the room's Wi-Fi is down, or the host
// machine restarts): the app still opens from the device (service worker), the delegate stays
// signed in, the meeting shows what it showed before, and the papers kept on the device open.
import fs from 'node:fs';
import path from 'node:path';
import { startTestHost } from '../helpers/host';
import { RENDERER_DIR, expect, signIn, test } from './fixtures';

test('the app reloads and reads the meeting papers with the host gone', async ({ browser }) => {
  test.setTimeout(120_000);
  expect(fs.existsSync(path.join(RENDERER_DIR, 'app-sw.js'))).toBe(true);
  const host = await startTestHost({ demo: true, rendererDir: RENDERER_DIR });
  const { context, page } = await signIn(browser, host, 'dai-bieu-2');
  let stopped = false;
  try {
    await page.getByRole('link').filter({ hasText: 'Phiên họp thường kỳ' }).first().click();
    await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
    const meetingUrl = page.url();
    const papers = page.getByTestId('paper-link');
    await expect(papers.first()).toBeVisible();
    const count = await papers.count();
    // Every paper of the meeting is on the tablet, and the app shell is in the service worker.
    await expect(page.locator('[data-testid="paper-offline"][data-state="saved"]')).toHaveCount(
      count,
    );
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 30_000,
      })
      .toBe(true);
    await expect
      .poll(
        () => page.evaluate(async () => (await (await caches.open('app-shell')).keys()).length),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(3);

    // The host goes away.
    await host.stop();
    stopped = true;
    const unreachable = await page.evaluate(() =>
      fetch('/api/v1/health').then(
        () => false,
        () => true,
      ),
    );
    expect(unreachable).toBe(true);

    await page.reload();
    await expect(page.getByTestId('app-user')).toBeVisible();
    await expect(page.getByText('Phiên họp thường kỳ tháng 11 năm 2026').first()).toBeVisible();
    await expect(papers).toHaveCount(count);
    await papers.first().click();
    await expect(page.locator('[data-page-number="1"][data-painted="true"]')).toBeVisible();

    // A deep link typed while offline opens too (every navigation gets the app shell).
    await page.goto(meetingUrl);
    await expect(papers).toHaveCount(count);
  } finally {
    await context.close();
    if (!stopped) await host.stop();
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  }
});
