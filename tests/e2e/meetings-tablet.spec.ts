// The secretary's editor on a tablet: reorder by finger (touch events → pointer events), every
// control named for assistive technology, the shipped Noto Sans in use, targets at least 44px.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './fixtures';

const TABLET = { width: 768, height: 1024 };

async function openDemoEditor(page: Page): Promise<void> {
  await page.getByTestId('meeting-card').first().getByRole('link').click();
  await page.getByTestId('meeting-edit').click();
  await expect(page.getByTestId('editor-item')).toHaveCount(5);
}

/** The fonts the browser drew the first text node containing `text` with (Chromium's own account). */
async function fontsDrawing(page: Page, text: string): Promise<string[]> {
  const found = await page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (n.textContent?.includes(t) && n.parentElement) {
        n.parentElement.setAttribute('data-font-probe', '');
        return true;
      }
    return false;
  }, text);
  if (!found) return [];
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '[data-font-probe]',
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return [...new Set(fonts.map((f) => f.familyName))];
  } finally {
    await cdp.detach();
  }
}

/** Controls without an accessible name (label, aria-label, text), as "tag#testid" strings. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, a[href]',
    )) {
      const labelled =
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        ((el instanceof HTMLInputElement ||
          el instanceof HTMLSelectElement ||
          el instanceof HTMLTextAreaElement) &&
          el.labels &&
          el.labels.length > 0) ||
        (el.textContent ?? '').trim();
      if (!labelled) out.push(`${el.tagName.toLowerCase()}#${el.dataset.testid ?? ''}`);
    }
    return out;
  });
}

/** Visible buttons, links and fields smaller than 44px in either direction. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'main button, main select, main input:not([type=checkbox]), header button, .btn',
    )) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) continue;
      if (r.height < 44 || r.width < 44)
        out.push(
          `${el.tagName.toLowerCase()}#${el.dataset.testid ?? el.textContent?.trim()} ${r.width}x${r.height}`,
        );
    }
    return out;
  });
}

test('on a tablet the secretary reorders by finger and the delegate sees it', async ({
  browser,
  host,
}) => {
  const context = await browser.newContext({ viewport: TABLET, hasTouch: true, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(host.url + '/');
  await page.getByTestId('login-username').fill('thu-ky');
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-user')).toBeVisible();
  await openDemoEditor(page);

  const { page: delegate } = await signIn(browser, host, 'dai-bieu-4', { viewport: TABLET });
  await delegate.getByTestId('meeting-card').first().getByRole('link').click();
  await expect(delegate.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced');

  const titles = page.getByTestId('editor-item-title');
  const before = await titles.allInnerTexts();
  // Touches land only inside the viewport: bring the list to the top of the screen.
  await page.getByTestId('agenda-editor').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const handle = (await page.getByTestId('drag-handle').nth(3).boundingBox())!;
  const top = (await page.getByTestId('editor-item').first().boundingBox())!;
  const cdp = await context.newCDPSession(page);
  const x = handle.x + handle.width / 2;
  const y0 = handle.y + handle.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= 10; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x, y: y0 + ((top.y + 4 - y0) * i) / 10 }],
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

  const expected = [before[3]!, before[0]!, before[1]!, before[2]!, before[4]!];
  await expect(titles).toHaveText(expected);
  await expect(delegate.getByTestId('agenda-item-title')).toHaveText(expected);
  await delegate.context().close();
  await context.close();
});

test('the editor and meeting page name every control, use Noto Sans and have 44px targets', async ({
  loginAs,
}) => {
  const { page } = await loginAs('thu-ky', { viewport: TABLET });
  // Every letter of a Vietnamese title is drawn with the shipped font (no fallback for ư, ờ, ỳ…),
  // from its Latin and Vietnamese subsets only.
  await expect.poll(() => fontsDrawing(page, 'Phiên họp thường kỳ')).toEqual(['Noto Sans']);
  const fontFiles = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => r.name)
      .filter((n) => n.includes('.woff2')),
  );
  expect(fontFiles.some((f) => f.includes('noto-sans-vietnamese-400'))).toBe(true);
  expect(fontFiles.some((f) => f.includes('noto-sans-latin-400'))).toBe(true);
  expect(fontFiles.filter((f) => f.includes('latin-ext'))).toEqual([]);
  const family = await page
    .getByTestId('app-user')
    .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toContain('Noto Sans');

  await page.getByTestId('meeting-card').first().getByRole('link').click();
  await expect(page.getByTestId('agenda-item')).toHaveCount(5);
  expect(await unnamedControls(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);

  await page.getByTestId('meeting-edit').click();
  await expect(page.getByTestId('editor-item')).toHaveCount(5);
  await page.getByTestId('agenda-add-presenter').selectOption('__other__');
  expect(await unnamedControls(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);

  // Keyboard only: Tab reaches the first item's handle, Alt+ArrowDown moves it.
  const first = await page.getByTestId('editor-item-title').first().innerText();
  await page.getByTestId('drag-handle').first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('editor-item-title').nth(1)).toHaveText(first);
  await expect(page.getByTestId('agenda-announcement')).toContainText(first);
});
