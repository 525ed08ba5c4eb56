// Opening a paper by its address: page 1 is on screen as the host's picture of it (drawn at
// import) before pdf.js has even loaded, in exactly the place pdf.js then draws it; pdf.js's
// drawing takes over and the picture is gone. pdf.js's code is held back here to make the
// order certain.
import { expect, holdChunk, test } from './fixtures';

test('page 1 shows its preview until pdf.js draws it, in the same place', async ({
  host,
  loginAs,
}) => {
  test.setTimeout(120_000);
  const token = await host.login('thu-ky', 'demo');
  const meetingId = (
    (await (await host.api('GET', '/meetings', { token })).json()) as Array<{ id: string }>
  )[0]!.id;
  const detail = (await (await host.api('GET', `/meetings/${meetingId}`, { token })).json()) as {
    documents: Array<{ id: string; pages: number; confidential: boolean }>;
  };
  const paper = detail.documents
    .filter((d) => !d.confidential)
    .sort((a, b) => b.pages - a.pages)[0]!;
  expect(paper.pages).toBeGreaterThan(1);

  // No service worker: it would answer for pdf.js's file before the hold below could.
  const { page } = await loginAs('dai-bieu-1', { blockServiceWorkers: true });
  const release = await holdChunk(page, 'src/features/viewer/pdfjs.ts');
  // Not until "load": the held file may be one the page preloads.
  await page.goto(`${host.url}/meetings/${meetingId}/documents/${paper.id}`, {
    waitUntil: 'commit',
  });

  const first = page.locator('.pdf-page[data-page-number="1"]');
  const preview = first.locator('canvas.pdf-preview');
  await expect(preview).toBeVisible();
  await expect(first).toHaveAttribute('data-painted', 'false');
  // A real picture of the page, not an empty box.
  const size = await preview.evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  expect(size[0]).toBe(1200);
  expect(size[1]).toBeGreaterThan(1500);
  const before = await first.boundingBox();
  // The viewer is already laid out: the whole paper's length, the annotation tools.
  await expect(page.getByTestId('pdf-scroller')).toBeVisible();
  expect(await page.locator('.pdf-page').count()).toBeGreaterThan(1);

  release();
  await expect(first).toHaveAttribute('data-painted', 'true');
  await expect(preview).toHaveCount(0);
  await expect(first.locator('canvas.pdf-canvas')).toHaveCount(1);
  const after = await first.boundingBox();
  expect(Math.abs(after!.x - before!.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(after!.y - before!.y)).toBeLessThanOrEqual(1);
  expect(Math.abs(after!.width - before!.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('page-indicator')).toHaveText(`Trang 1 / ${paper.pages}`);
  // Both marks are there, and the page was on screen first.
  const marks = (await page.evaluate(`[
    performance.getEntriesByName('pdf-page-shown-1')[0].startTime,
    performance.getEntriesByName('pdf-page-painted-1')[0].startTime,
  ]`)) as [number, number];
  expect(marks[0]).toBeLessThan(marks[1]);
});
