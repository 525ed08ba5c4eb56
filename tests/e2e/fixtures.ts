// Each test gets its own host (own data folder, port 0, demo seeded) serving the built renderer.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

const here = path.dirname(fileURLToPath(import.meta.url));
export const RENDERER_DIR = path.resolve(here, '../../dist/renderer');

/** The URL path of the built chunk for a source module (from Vite's manifest), e.g. a lazy page. */
export function builtChunk(source: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(RENDERER_DIR, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, { file: string }>;
  const entry = manifest[source];
  if (!entry) throw new Error(`${source} is not in the build manifest`);
  return `/${entry.file}`;
}

/**
 * Holds back the page's requests for a built chunk (see builtChunk) until the returned function is
 * called, to see what the app shows while that code is on its way. Block the service worker in
 * the context: it would answer for the file before the hold could.
 */
export async function holdChunk(page: Page, source: string): Promise<() => void> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = builtChunk(source);
  await page.route(
    (url) => url.pathname === held,
    async (route) => {
      await released;
      await route.continue();
    },
  );
  return release;
}

export interface Fixtures {
  host: TestHost;
  /** A new browser context (its own storage, like another tablet) signed in as `username`. */
  loginAs: (
    username: string,
    opts?: {
      lang?: 'vi' | 'en';
      password?: string;
      viewport?: { width: number; height: number };
      /** No service worker (it answers for the app's files before a test's page.route can). */
      blockServiceWorkers?: boolean;
    },
  ) => Promise<{ context: BrowserContext; page: Page }>;
}

export async function signIn(
  browser: Browser,
  host: TestHost,
  username: string,
  opts: Parameters<Fixtures['loginAs']>[1] = {},
) {
  const context = await browser.newContext({
    locale: opts.lang === 'en' ? 'en-US' : 'vi-VN',
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    ...(opts.blockServiceWorkers ? { serviceWorkers: 'block' as const } : {}),
  });
  const page = await context.newPage();
  await page.goto(host.url + '/');
  if (opts.lang === 'en') await page.getByTestId('lang-en').click();
  await page.getByTestId('login-username').fill(username);
  await page
    .getByTestId('login-password')
    .fill(opts.password ?? (username === 'admin' ? 'admin-test-password' : 'demo'));
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-user')).toBeVisible();
  return { context, page };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
      throw new Error(
        'The renderer is not built: run `npm run build:renderer` before the e2e tests.',
      );
    const host = await startTestHost({ demo: true, rendererDir: RENDERER_DIR });
    await use(host);
    await host.stop(true);
  },
  loginAs: async ({ browser, host }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (username, opts) => {
      const session = await signIn(browser, host, username, opts);
      contexts.push(session.context);
      return session;
    });
    for (const c of contexts) await c.close();
  },
});

export { expect };
