import { defineConfig } from '@playwright/test';
// Debian's Chromium: the project cannot download Playwright's own browser builds here.
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'vi-VN',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  outputDir: '../../test-results',
});
