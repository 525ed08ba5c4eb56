// Our viewer against pdf.js's own generic viewer (pdfjs-dist/web/pdf_viewer.mjs), same Chromium,
// same files: a generated 500-page paper and freeculture.pdf (352 pages).
// - open: navigation start → first page on screen (ours includes the app, sign-in check and the
//   meeting fetch; the generic viewer is a bare page). Ours shows the host's picture of page 1
//   (drawn at import, see page-preview.ts) until pdf.js has drawn the page, so its first page is
//   on screen before pdf.js could draw it; "pdf.js drawn" is when pdf.js's own drawing is there
//   (text selectable soon after). The generic viewer has only the latter;
// - page flip: next page requested → that page painted and shown (p50/p95 over every page);
// - memory after flipping through the whole paper: main-thread JS heap after GC, and canvas
//   backing stores still held in the DOM (ours releases off-screen pages).
// Needs `npm run build:renderer` first. To compare builds in one run (timings on a shared machine
// only compare within a run), name them: VIEWER_BENCH_RENDERERS="before=/tmp/a,after=dist/renderer".
// The open time is the median of VIEWER_BENCH_OPENS opens (default 5), each in a fresh context,
// after one unmeasured open of each viewer.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { startTestHost } from '../tests/helpers/host';
import type { TestHost } from '../tests/helpers/host';
import { sample } from '../tests/helpers/samples';
import { percentile, printTable } from './table';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  demoMeeting,
  generatedPaper,
  memoryOf,
  rendererBuilds,
  signInWithToken,
  uploadPaper,
  ourFlip,
} from './viewer-bench-support';

const here = path.dirname(fileURLToPath(import.meta.url));
const PDFJS_DIR = path.resolve(here, '../node_modules/pdfjs-dist');
const FREECULTURE = sample('freeculture.pdf');
const VIEWPORT = { width: 1280, height: 900 };
const OPENS = Math.max(1, Number(process.env.VIEWER_BENCH_OPENS ?? 5));
/** VIEWER_BENCH_FLIPS=0: opens only (to compare open times quickly); flip and memory columns empty. */
const FLIP = process.env.VIEWER_BENCH_FLIPS !== '0';

interface Result {
  openMs: number;
  /** Navigation start → page 1 drawn by pdf.js (for ours; the same as openMs for the generic). */
  drawnMs: number;
  flips: number[];
  /** JS heap after GC once the first ten pages were shown (the baseline for the whole paper). */
  heap10MiB: number;
  heapMiB: number;
  canvasMiB: number;
}

const GENERIC_HTML = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/pdfjs/web/pdf_viewer.css">
<style>body{margin:0}#viewerContainer{position:absolute;inset:0;overflow:auto;background:#525659}</style></head>
<body><div id="viewerContainer"><div id="viewer" class="pdfViewer"></div></div>
<script type="module">
import * as pdfjsLib from '/pdfjs/build/pdf.mjs';
pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
globalThis.pdfjsLib = pdfjsLib;
const { EventBus, PDFViewer, PDFLinkService } = await import('/pdfjs/web/pdf_viewer.mjs');
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const viewer = new PDFViewer({ container: document.getElementById('viewerContainer'), eventBus, linkService });
linkService.setViewer(viewer);
eventBus.on('pagesinit', () => { viewer.currentScaleValue = 'page-width'; });
eventBus.on('pagerendered', (e) => { if (e.pageNumber === 1 && !window.firstPainted) window.firstPainted = performance.now(); });
window.flip = async (n) => {
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    const h = (e) => { if (e.pageNumber === n) { eventBus.off('pagerendered', h); resolve(); } };
    eventBus.on('pagerendered', h);
  });
  viewer.currentPageNumber = n;
  if (viewer.getPageView(n - 1).renderingState !== 3) await done;
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
};
const doc = await pdfjsLib.getDocument({ url: new URL(location).searchParams.get('file'), isEvalSupported: false }).promise;
window.numPages = doc.numPages;
viewer.setDocument(doc);
linkService.setDocument(doc);
</script></body></html>`;

function genericServer(
  files: Record<string, Uint8Array>,
): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/generic.html') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(GENERIC_HTML);
      return;
    }
    const file = files[url.pathname];
    if (file) {
      res.setHeader('content-type', 'application/pdf');
      res.end(file);
      return;
    }
    if (url.pathname.startsWith('/pdfjs/')) {
      const p = path.join(PDFJS_DIR, path.normalize(url.pathname.slice('/pdfjs/'.length)));
      if (p.startsWith(PDFJS_DIR) && fs.existsSync(p) && fs.statSync(p).isFile()) {
        const ext = path.extname(p);
        res.setHeader(
          'content-type',
          ext === '.mjs'
            ? 'text/javascript'
            : ext === '.css'
              ? 'text/css'
              : ext === '.svg'
                ? 'image/svg+xml'
                : 'application/octet-stream',
        );
        res.end(fs.readFileSync(p));
        return;
      }
    }
    res.statusCode = 404;
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  );
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

interface Opened {
  shown: number;
  drawn: number;
}

/** Opens `OPENS` times, each in a fresh context; flips through the paper in the last one. */
async function openAndFlip(
  browser: Browser,
  open: (page: Page) => Promise<Opened>,
  flipAll: (page: Page) => Promise<Omit<Result, 'openMs' | 'drawnMs'>>,
): Promise<Result> {
  const opens: Opened[] = [];
  for (let run = 1; run <= OPENS; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      opens.push(await open(page));
      if (run === OPENS)
        return {
          openMs: median(opens.map((o) => o.shown)),
          drawnMs: median(opens.map((o) => o.drawn)),
          ...(FLIP
            ? await flipAll(page)
            : { flips: [], heap10MiB: NaN, heapMiB: NaN, canvasMiB: NaN }),
        };
    } finally {
      await context.close();
    }
  }
  throw new Error('unreachable');
}

async function openGeneric(page: Page, base: string, file: string): Promise<Opened> {
  await page.goto(`${base}/generic.html?file=${encodeURIComponent(file)}`);
  await page.waitForFunction(
    () => (globalThis as unknown as { firstPainted?: number }).firstPainted !== undefined,
    null,
    { timeout: 120_000 },
  );
  const at = await page.evaluate(
    () => (globalThis as unknown as { firstPainted: number }).firstPainted,
  );
  return { shown: at, drawn: at };
}

async function openOurs(
  page: Page,
  host: TestHost,
  token: string,
  meetingId: string,
  documentId: string,
): Promise<Opened> {
  await signInWithToken(page, host, token);
  await page.goto(`${host.url}/meetings/${meetingId}/documents/${documentId}`);
  await page
    .locator('.pdf-page[data-page-number="1"][data-painted="true"]')
    .waitFor({ timeout: 120_000 });
  // Relative to navigation start (the viewer's User Timing marks): page 1 first on screen
  // (its preview, or pdf.js's drawing if that came first), and drawn by pdf.js.
  return (await page.evaluate(`({
    shown: performance.getEntriesByName('pdf-page-shown-1')[0].startTime,
    drawn: performance.getEntriesByName('pdf-page-painted-1')[0].startTime,
  })`)) as Opened;
}

/** One open in a context of its own, not measured. */
async function warmUp(browser: Browser, open: (page: Page) => Promise<unknown>): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  try {
    await open(await context.newPage());
  } finally {
    await context.close();
  }
}

async function runGeneric(browser: Browser, base: string, file: string): Promise<Result> {
  return openAndFlip(
    browser,
    (page) => openGeneric(page, base, file),
    async (page) => {
      const pages = await page.evaluate(
        () => (globalThis as unknown as { numPages: number }).numPages,
      );
      const flips: number[] = [];
      let heap10MiB = NaN;
      for (let n = 2; n <= pages; n++) {
        flips.push(
          await page.evaluate(
            (k) => (globalThis as unknown as { flip: (n: number) => Promise<number> }).flip(k),
            n,
          ),
        );
        if (n === 10) heap10MiB = (await memoryOf(page)).heapMiB;
      }
      return { flips, heap10MiB, ...(await memoryOf(page)) };
    },
  );
}

async function runOurs(
  browser: Browser,
  host: TestHost,
  token: string,
  meetingId: string,
  documentId: string,
  pages: number,
): Promise<Result> {
  return openAndFlip(
    browser,
    (page) => openOurs(page, host, token, meetingId, documentId),
    async (page) => {
      const flips: number[] = [];
      await page.getByTestId('pdf-scroller').focus();
      let heap10MiB = NaN;
      for (let n = 2; n <= pages; n++) {
        flips.push(await ourFlip(page, n));
        if (n === 10) heap10MiB = (await memoryOf(page)).heapMiB;
      }
      return { flips, heap10MiB, ...(await memoryOf(page)) };
    },
  );
}

function row(viewer: string, paper: string, r: Result): Record<string, string | number> {
  const sorted = [...r.flips].sort((a, b) => a - b);
  return {
    viewer,
    paper,
    [`open→first page shown ms (median of ${OPENS})`]: r.openMs,
    'open→pdf.js drawn ms': r.drawnMs,
    flips: sorted.length,
    'flip p50 ms': percentile(sorted, 50),
    'flip p95 ms': percentile(sorted, 95),
    'heap after 10 p MiB': r.heap10MiB,
    'heap after all MiB': r.heapMiB,
    'all / 10': r.heapMiB / r.heap10MiB,
    'canvas MiB': r.canvasMiB,
  };
}

async function main(): Promise<void> {
  const builds = rendererBuilds();
  for (const b of builds)
    if (!fs.existsSync(path.join(b.dir, 'index.html')))
      throw new Error(`No renderer in ${b.dir}: npm run build:renderer`);
  const long = await generatedPaper(500);
  const freeculture = new Uint8Array(fs.readFileSync(FREECULTURE));
  // One host per build: a host serves one renderer folder.
  const hosts: TestHost[] = [];
  for (const b of builds) hosts.push(await startTestHost({ demo: true, rendererDir: b.dir }));
  const generic = await genericServer({ '/long.pdf': long, '/freeculture.pdf': freeculture });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  const rows: Array<Record<string, string | number>> = [];
  try {
    const setups = [];
    for (const host of hosts) {
      const secretary = await host.login('thu-ky');
      const meetingId = await demoMeeting(host, secretary);
      setups.push({
        host,
        meetingId,
        ids: [
          await uploadPaper(host, secretary, meetingId, 'phu-luc-500-trang.pdf', long),
          await uploadPaper(host, secretary, meetingId, 'freeculture.pdf', freeculture),
        ],
        delegate: await host.login('dai-bieu-1'),
      });
    }
    const papers = [
      ['generated 500 p', long, '/long.pdf'],
      ['freeculture 352 p', freeculture, '/freeculture.pdf'],
    ] as const;
    // One unmeasured open of each viewer first: the browser's own start-up (its network service,
    // the first renderer processes) is then paid by neither, whichever is measured first.
    for (const s of setups)
      await warmUp(browser, (page) => openOurs(page, s.host, s.delegate, s.meetingId, s.ids[1]!));
    await warmUp(browser, (page) => openGeneric(page, generic.url, '/freeculture.pdf'));
    for (const [p, [name, bytes, file]] of papers.entries()) {
      const pages = await PDFPages(bytes);
      for (const [i, b] of builds.entries()) {
        const s = setups[i]!;
        const id = s.ids[p]!;
        rows.push(
          row(b.label, name, await runOurs(browser, s.host, s.delegate, s.meetingId, id, pages)),
        );
      }
      rows.push(row('pdf.js generic', name, await runGeneric(browser, generic.url, file)));
    }
  } finally {
    await browser.close();
    generic.close();
    for (const host of hosts) await host.stop(true);
  }
  printTable(
    `Viewer: ours vs pdf.js generic viewer (Chromium, ${VIEWPORT.width}×${VIEWPORT.height}, fit width)`,
    rows,
  );
}

async function PDFPages(bytes: Uint8Array): Promise<number> {
  const { PDFDocument } = await import('pdf-lib');
  return (await PDFDocument.load(bytes, { ignoreEncryption: true })).getPageCount();
}

await main();
