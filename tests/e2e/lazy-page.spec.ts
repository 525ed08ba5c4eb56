// The viewer and the minutes editor load their code on first use. While it is on its way the page
// says it is loading; once it is here the page shows; when it cannot be loaded (the host is
// unreachable before the device ever had it) the page says so in words and can be tried again.
import { builtChunk, expect, holdChunk, test } from './fixtures';

test('a page whose code is still loading says so, then shows', async ({ host, loginAs }) => {
  test.setTimeout(120_000);
  // No service worker: it would answer for the chunk before the hold below could.
  const { page } = await loginAs('dai-bieu-1', { blockServiceWorkers: true });
  const release = await holdChunk(page, 'src/features/viewer/ViewerPage.tsx');
  const meetingId = host.services.meetings.listAll()[0]!.id;
  await page.goto(`${host.url}/meetings/${meetingId}`);
  await page.getByTestId('paper-link').first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Đang tải…' })).toBeVisible();
  await expect(page.getByTestId('pdf-scroller')).toHaveCount(0);

  release();
  await expect(page.locator('.pdf-page[data-page-number="1"][data-painted="true"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Đang tải…' })).toHaveCount(0);
});

test('a page whose code cannot be loaded says why and loads on retry', async ({
  host,
  loginAs,
}) => {
  test.setTimeout(120_000);
  const { page } = await loginAs('thu-ky', { blockServiceWorkers: true });
  const chunk = builtChunk('src/features/minutes/MinutesPage.tsx');
  const refuse = (url: URL) => url.pathname === chunk;
  await page.route(refuse, (route) => route.abort('internetdisconnected'));
  const meetingId = host.services.meetings.listAll()[0]!.id;
  await page.goto(`${host.url}/meetings/${meetingId}/minutes`);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Không tải được trang này');
  // The header stays: the delegate can still go elsewhere.
  await expect(page.getByTestId('app-user')).toBeVisible();

  await page.unroute(refuse);
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByTestId('minutes-page')).toBeVisible();
});
