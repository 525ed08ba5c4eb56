// The meeting pages in real Chromium against a real host serving the built renderer:
// - how long a delegate's tablet takes from opening the meeting link to a live agenda;
// - how long an agenda reorder by the secretary (PUT /agenda/order) takes to show on every open
//   delegate page (host projection → y-websocket → Yjs → React → DOM), with 10 pages open;
// - what the renderer bundle weighs on the wire (gzip), since tablets fetch it over room Wi-Fi.
// Needs `npm run build:renderer` first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/chromium';
import { startTestHost } from '../tests/helpers/host';
import { percentile, printTable } from './table';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../dist/renderer');
const PAGES = 10;
const REORDERS = 20;
const COLD_OPENS = 5;
const DELEGATES = ['dai-bieu-1', 'dai-bieu-2', 'dai-bieu-3', 'dai-bieu-4', 'dai-bieu-5', 'chu-toa'];

function stats(label: string, values: number[]): Record<string, string | number> {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    measure: label,
    n: sorted.length,
    'p50 ms': percentile(sorted, 50),
    'p95 ms': percentile(sorted, 95),
    'max ms': sorted[sorted.length - 1] ?? NaN,
  };
}

function bundleRows(): Array<Record<string, string | number>> {
  const assets = path.join(RENDERER_DIR, 'assets');
  const rows: Array<Record<string, string | number>> = [];
  for (const ext of ['.js', '.css', '.ttf']) {
    const files = fs.readdirSync(assets).filter((f) => f.endsWith(ext));
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(assets, f));
      raw += bytes.length;
      gz += zlib.gzipSync(bytes, { level: 6 }).length;
    }
    rows.push({
      kind: ext.slice(1),
      files: files.length,
      'raw KiB': raw / 1024,
      'gzip KiB': gz / 1024,
    });
  }
  return rows;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error('Build the renderer first: npm run build:renderer');
  const host = await startTestHost({ demo: true, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const secretary = await host.login('thu-ky');
    const meetings = (await (
      await host.api('GET', '/meetings', { token: secretary })
    ).json()) as Array<{ id: string }>;
    const meetingId = meetings[0]!.id;
    const url = `${host.url}/meetings/${meetingId}`;

    // Signed in the way the app keeps a session: the token in sessionStorage.
    const openPage = async (username: string): Promise<{ page: Page; ms: number }> => {
      const token = await host.login(username);
      const context = await browser.newContext({
        viewport: { width: 800, height: 1100 },
        locale: 'vi-VN',
      });
      await context.addInitScript({
        content: `sessionStorage.setItem('phonghop.token', ${JSON.stringify(token)});`,
      });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(url);
      await page.locator('[data-testid="sync-status"][data-phase="synced"]').waitFor();
      await page.getByTestId('agenda-item-title').first().waitFor();
      return { page, ms: performance.now() - t0 };
    };

    const cold: number[] = [];
    for (let i = 0; i < COLD_OPENS; i++) {
      const { page, ms } = await openPage(DELEGATES[i % DELEGATES.length]!);
      cold.push(ms);
      await page.context().close();
    }

    const pages: Page[] = [];
    for (let i = 0; i < PAGES; i++)
      pages.push((await openPage(DELEGATES[i % DELEGATES.length]!)).page);

    const agenda = (await (
      await host.api('GET', `/meetings/${meetingId}`, { token: secretary })
    ).json()) as {
      agenda: Array<{ id: string; title: string; position: number }>;
    };
    let order = [...agenda.agenda].sort((a, b) => a.position - b.position);
    const http: number[] = [];
    const live: number[] = [];
    for (let round = 0; round < REORDERS; round++) {
      order = [...order.slice(1), order[0]!];
      const expected = order.map((i) => i.title).join('\n');
      // Each page resolves a promise with its clock reading when its DOM first shows the order.
      // (Page scripts are passed as text: they run in the browser, not in this Node process.)
      const watch = `window.__shown = new Promise((resolve) => {
        const want = ${JSON.stringify(expected)};
        const obs = new MutationObserver(() => {
          const got = [...document.querySelectorAll('[data-testid="agenda-item-title"]')].map((e) => e.textContent).join('\\n');
          if (got === want) { obs.disconnect(); resolve(Date.now()); }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      }); 0`;
      await Promise.all(pages.map((p) => p.evaluate(watch)));
      const sent = Date.now();
      const t0 = performance.now();
      const res = await host.api('PUT', `/meetings/${meetingId}/agenda/order`, {
        token: secretary,
        body: order.map((i) => i.id),
      });
      http.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`reorder failed: ${res.status} ${await res.text()}`);
      const shown = await Promise.all(pages.map((p) => p.evaluate<number>('window.__shown')));
      for (const at of shown) live.push(at - sent);
    }

    printTable('Meeting page (Chromium, built renderer, real host)', [
      stats(`open meeting → live agenda (cold context)`, cold),
      stats('PUT agenda/order answer', http),
      stats(`reorder → shown on each of ${PAGES} delegate pages`, live),
    ]);
    printTable('Renderer bundle (dist/renderer/assets)', bundleRows());
  } finally {
    await browser.close();
    await host.stop(true);
  }
}

// Exit explicitly (a host shutdown waiting on already-closed sockets must not hold the run),
// after stdout has drained: the runner's output may be a pipe.
const exit = (code: number) => process.stdout.write('', () => process.exit(code));
main().then(
  () => exit(0),
  (err: unknown) => {
    console.error(err);
    exit(1);
  },
);
