// A paper carrying 10,000 ink strokes in its shared layer, opened in the viewer (real Chromium,
// real host, strokes seeded over sync with the stock y-websocket client):
// - page painted: navigation start → first page on screen;
// - strokes drawn: → page 1's annotation layer shows all its strokes;
// - interactive after paint: from page painted to the end of the last long main-thread task
//   (Long Tasks API, ≥ 50 ms) or the strokes being drawn, whichever is later (goal < 300 ms);
// - doc received → drawn: from the viewer's mark as the shared doc's entries are filed (decoded,
//   but still inside the sync's task: the provider's re-encoding of the update and its IndexedDB
//   write come after and count here) to page 1's strokes drawn;
// - a new stroke: pointer down → the stroke is in the layer (with 10,000 others present);
// - JS heap after GC.
// Two layouts: strokes spread over a 50-page paper, and all 10,000 on page 1 (worst case).
// Strokes are stored as this version writes them: each one binary value (annotation-bytes.ts)
// with its points packed. BENCH_INK=packed seeds JSON objects with packed points (the form before,
// and the newest a build from before the binary form can read); BENCH_INK=json seeds JSON objects
// with point lists (the oldest form, the only one a build from before packed points can read).
// Needs `npm run build:renderer` first (BENCH_RENDERER_DIR=<dir> serves another build instead;
// BENCH_PROFILE=<dir> saves renderer CPU profiles of the first open and of the new stroke).
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import type { Annotation } from '../shared/annotations/model';
import { annotationsMap } from '../shared/annotations/ydoc';
import { packInk } from '../shared/annotations/ink-points';
import { encodeAnnotation } from '../shared/annotations/annotation-bytes';
import { startTestHost } from '../tests/helpers/host';
import type { TestHost } from '../tests/helpers/host';
import { printTable } from './table';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  RENDERER_DIR as BUILT_RENDERER,
  demoMeeting,
  generatedPaper,
  memoryOf,
  signInWithToken,
  uploadPaper,
} from './viewer-bench-support';

const STROKES = Number(process.env.BENCH_STROKES ?? 10_000);
/** Another build to serve (before/after comparisons while dist/renderer is being rebuilt). */
const RENDERER_DIR = process.env.BENCH_RENDERER_DIR ?? BUILT_RENDERER;
const RUNS = 3;
const INK =
  process.env.BENCH_INK === 'json' || process.env.BENCH_INK === 'packed'
    ? process.env.BENCH_INK
    : 'binary';

/** A pen stroke of 24 points with pressure, somewhere on an A4 page (seeded, reproducible). */
function stroke(i: number, page: number, author: string): Annotation {
  let seed = i * 2654435761;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const x0 = 40 + rnd() * 480;
  const y0 = 60 + rnd() * 720;
  const points: Array<[number, number, number]> = [];
  for (let k = 0; k < 24; k++)
    points.push([
      Math.round((x0 + k * 3 + rnd() * 2) * 100) / 100,
      Math.round((y0 + Math.sin(k / 3) * 6) * 100) / 100,
      Math.round((0.3 + rnd() * 0.5) * 100) / 100,
    ]);
  const t = 1_700_000_000_000 + i;
  return {
    id: `s${i}`,
    kind: 'ink',
    author,
    authorName: 'Đại biểu',
    createdAt: t,
    updatedAt: t,
    documentVersion: '',
    page,
    style: { color: '#1565c0', width: 1.5, opacity: 1 },
    points: INK === 'json' ? points : packInk(points),
  };
}

async function seed(
  host: TestHost,
  token: string,
  documentId: string,
  author: string,
  pageOf: (i: number) => number,
): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${host.url.replace(/^http/, 'ws')}/sync`,
    `annotations/${documentId}`,
    doc,
    {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  await new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
  const map = annotationsMap(doc);
  // Batches of 500 strokes keep each update well under the host's 2 MiB message cap.
  for (let from = 0; from < STROKES; from += 500) {
    doc.transact(() => {
      for (let i = from; i < Math.min(STROKES, from + 500); i++)
        map.set(
          `s${i}`,
          INK === 'binary'
            ? encodeAnnotation(stroke(i, pageOf(i), author))
            : stroke(i, pageOf(i), author),
        );
    });
    await new Promise((r) => setTimeout(r, 20));
  }
  // A second client seeing every stroke means the host has persisted and relayed them all.
  const check = new Y.Doc();
  const watcher = new WebsocketProvider(
    `${host.url.replace(/^http/, 'ws')}/sync`,
    `annotations/${documentId}`,
    check,
    {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  while (annotationsMap(check).size < STROKES) await new Promise((r) => setTimeout(r, 50));
  watcher.destroy();
  provider.destroy();
}

const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

/**
 * performance.now() in the page when page 1's layer shows at least `n` annotations (checked every
 * frame). At least: each run's timed stroke stays in the shared layer for the next run.
 */
async function whenCount(page: Page, n: number): Promise<number> {
  // A string evaluated over CDP: the app's CSP forbids eval, which waitForFunction would need.
  return (await page.evaluate(`new Promise((resolve) => {
    const tick = () => {
      const l = document.querySelector('[data-testid="annot-layer-1"]');
      if (l && Number(l.dataset.count) >= ${n}) resolve(performance.now());
      else requestAnimationFrame(tick);
    };
    tick();
  })`)) as number;
}

type Measured = Awaited<ReturnType<typeof measure>>;

async function measure(
  browser: Browser,
  host: TestHost,
  token: string,
  meetingId: string,
  documentId: string,
  onPage1: number,
  profileTo: string | null,
) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
  });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  try {
    await signInWithToken(page, host, token);
    if (process.env.BENCH_VERBOSE) page.on('console', (m) => console.log('page:', m.text()));
    // BENCH_PROFILE=<dir>: a CPU profile of the renderer from opening the paper to the end of
    // trailing work (open in Chromium DevTools → Performance), to see where the time goes.
    const cdp = profileTo ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${host.url}/meetings/${meetingId}/documents/${documentId}`);
    const drawnAt = await whenCount(page, onPage1);
    if (process.env.BENCH_VERBOSE) console.log('drawn at', drawnAt);
    await page.locator('.pdf-page[data-page-number="1"][data-painted="true"]').waitFor();
    await page.waitForTimeout(1500); // let trailing work show up as long tasks
    const saveProfile = async (file: string) => {
      if (!cdp) return;
      const { profile } = await cdp.send('Profiler.stop');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
    };
    if (profileTo) await saveProfile(profileTo);
    const paintedAt = (await page.evaluate(
      `performance.getEntriesByName('pdf-page-painted-1')[0].startTime`,
    )) as number;
    // When the shared doc's contents arrived (the viewer's own mark; the last one, as the
    // private doc marks too): from there to drawn is the annotation code, before it the sync.
    const receivedAt = (await page.evaluate(
      `Math.max(0, ...performance.getEntriesByName('annotations-received').map((e) => e.startTime))`,
    )) as number;
    const tasks = (await page.evaluate('window.__longTasks')) as Array<[number, number]>;
    const lastTaskEnd = Math.max(0, ...tasks.map(([s, d]) => s + d));
    const longest = Math.max(0, ...tasks.filter(([s]) => s + 0 >= paintedAt - 1).map(([, d]) => d));
    // One more stroke with the pen tool, timed in the page from pointer down to the layer's count.
    await page.getByTestId('annot-target').selectOption('shared');
    await page.getByTestId('tool-pen').click();
    await page.evaluate(
      `document.querySelector('[data-testid="annot-layer-1"]').addEventListener('pointerdown', () => { window.__down = performance.now(); }, { capture: true, once: true })`,
    );
    const before = Number(await page.getByTestId('annot-layer-1').getAttribute('data-count'));
    await cdp?.send('Profiler.start');
    const box = (await page.getByTestId('annot-layer-1').boundingBox())!;
    await page.mouse.move(box.x + 100, box.y + 120);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++)
      await page.mouse.move(box.x + 100 + k * 10, box.y + 120 + (k % 2) * 5);
    const upAt = (await page.evaluate('performance.now()')) as number;
    await page.mouse.up();
    if (process.env.BENCH_VERBOSE) {
      await page.waitForTimeout(500);
      console.log(
        'count now',
        await page.getByTestId('annot-layer-1').getAttribute('data-count'),
        'expected',
        before + 1,
      );
    }
    const strokeDone = await whenCount(page, before + 1);
    if (profileTo) await saveProfile(profileTo.replace(/\.cpuprofile$/, '-stroke.cpuprofile'));
    const mem = await memoryOf(page);
    return {
      paintedAt,
      drawnAt,
      interactive: Math.max(drawnAt, lastTaskEnd) - paintedAt,
      receivedToDrawn: receivedAt > 0 ? drawnAt - receivedAt : NaN,
      longest,
      commit: strokeDone - upAt,
      heap: mem.heapMiB,
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error('Build the renderer first: npm run build:renderer');
  const host = await startTestHost({ demo: true, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  const rows: Array<Record<string, string | number>> = [];
  try {
    const secretary = await host.login('thu-ky');
    const meetingId = await demoMeeting(host, secretary);
    const token = await host.login('dai-bieu-1');
    const me = ((await (await host.api('GET', '/me', { token })).json()) as { id: string }).id;
    const paper = await generatedPaper(50);
    const layouts = [
      {
        name: `${STROKES} over 50 pages`,
        pageOf: (i: number) => 1 + (i % 50),
        onPage1: Math.ceil(STROKES / 50),
      },
      { name: `${STROKES} on page 1`, pageOf: () => 1, onPage1: STROKES },
    ];
    for (const l of layouts) {
      const id = await uploadPaper(host, secretary, meetingId, `phu-luc-${l.onPage1}.pdf`, paper);
      const t0 = performance.now();
      await seed(host, token, id, me, l.pageOf);
      const seedMs = performance.now() - t0;
      if (process.env.BENCH_VERBOSE) console.log(`seeded ${l.name} in ${Math.round(seedMs)} ms`);
      const runs: Measured[] = [];
      for (let r = 0; r < RUNS; r++)
        runs.push(
          await measure(
            browser,
            host,
            token,
            meetingId,
            id,
            l.onPage1,
            process.env.BENCH_PROFILE && r === 0
              ? path.join(process.env.BENCH_PROFILE, `${l.onPage1}-on-page-1.cpuprofile`)
              : null,
          ),
        );
      const med = (f: (x: (typeof runs)[number]) => number) =>
        [...runs.map(f)].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
      rows.push({
        layout: l.name,
        'seed s': seedMs / 1000,
        'page painted ms': med((x) => x.paintedAt),
        'strokes drawn ms': med((x) => x.drawnAt),
        'interactive after paint ms': med((x) => x.interactive),
        'longest task ms': med((x) => x.longest),
        'doc received → drawn ms': med((x) => x.receivedToDrawn),
        'new stroke ms': med((x) => x.commit),
        'heap MiB': med((x) => x.heap),
      });
    }
  } finally {
    await browser.close();
    await host.stop(true);
  }
  printTable(
    `Viewer with ${STROKES.toLocaleString('en')} strokes, ${INK} values (median of ${RUNS} cold opens, Chromium 1280×900)`,
    rows,
  );
}

await main();
// Sync clients' timers may outlive the run; leave once the table is out (stdout may be a pipe).
process.stdout.write('', () => process.exit(0));
