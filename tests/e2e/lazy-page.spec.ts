// The viewer and the minutes editor load their code on first use. While it is on its way the page
// says it is loading; once it is here the page shows; when it cannot be loaded (the host is
// unreachable before the device ever had it) the page says so in words and can be tried again.
import type { TestHost } from '../helpers/host';
import { builtChunk, expect, test } from './fixtures';

async function firstMeeting(host: TestHost, token: string): Promise<string> {
  const list = (await (await host.api('GET', '/meetings', { token })).json()) as Array<{
    id: string;
  }>;
  return list[0]!.id;
}

test('a page whose code is still loading says so, then shows', async ({ host, loginAs }) => {
  test.setTimeout(120_000);
  // No service worker: it would answer for the chunk before the hold below could.
  const { page } = await loginAs('dai-bieu-1', { blockServiceWorkers: true });
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = builtChunk('src/features/viewer/ViewerPage.tsx');
  await page.route(
    (url) => url.pathname === held,
    async (route) => {
      await released;
      await route.continue();
    },
  );
  const meetingId = await firstMeeting(host, await host.login('dai-bieu-1'));
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
  const meetingId = await firstMeeting(host, await host.login('thu-ky'));
  await page.goto(`${host.url}/meetings/${meetingId}/minutes`);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Không tải được trang này');
  // The header stays: the delegate can still go elsewhere.
  await expect(page.getByTestId('app-user')).toBeVisible();

  await page.unroute(refuse);
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByTestId('minutes-page')).toBeVisible();
});
