// The viewer's code (pdf.js) is its own chunk, loaded on first use. A delegate who opened the app
// on the meeting page and never opened a paper must still read one after the Wi-Fi drops: the
// app loads every such chunk (and pdf.js's worker) once it is idle after start. No service worker
// here (it keeps the files too, but only where the host is a secure context).
import { expect, test } from './fixtures';

test('a paper opens offline the first time after the app loaded online', async ({ loginAs }) => {
  test.setTimeout(120_000);
  const { context, page } = await loginAs('dai-bieu-2', { blockServiceWorkers: true });
  await page.getByRole('link').filter({ hasText: 'Phiên họp thường kỳ' }).first().click();
  const papers = page.getByTestId('paper-link');
  await expect(papers.first()).toBeVisible();
  await expect(page.locator('[data-testid="paper-offline"][data-state="saved"]')).toHaveCount(
    await papers.count(),
  );
  // The lazily loaded pages are in memory (the app marks when it loaded them).
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('app-pages-prefetched').length), {
      timeout: 30_000,
    })
    .toBe(1);

  await context.setOffline(true);
  await papers.first().click();
  await expect(page.locator('[data-page-number="1"][data-painted="true"]')).toBeVisible();
  await expect(page.getByTestId('page-indicator')).toBeVisible();
});
