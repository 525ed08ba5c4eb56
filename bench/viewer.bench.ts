// Our viewer against pdf.js's own generic viewer (pdfjs-dist/web/pdf_viewer.mjs), same Chromium,
// same files: a generated 500-page paper and freeculture.pdf (352 pages).
// - open: navigation start → first page painted (ours includes the app, sign-in check and the
//   meeting fetch; the generic viewer is a bare page);
// - page flip: next page requested → that page painted and shown (p50/p95 over every page);
// - memory after flipping through the whole paper: main-thread JS heap after GC, and canvas
//   backing stores still held in the DOM (ours releases off-screen pages).
// Needs `npm run build:renderer` first.
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
  RENDERER_DIR,
  demoMeeting,
  generatedPaper,
  memoryOf,
  signInWithToken,
  uploadPaper,
} from './viewer-bench-support';

const here = path.dirname(fileURLToPath(import.meta.url));
const PDFJS_DIR = path.resolve(here, '../node_modules/pdfjs-dist');
const FREECULTURE = sample('freeculture.pdf');
const VIEWPORT = { width: 1280, height: 900 };

interface Result {
  openMs: number;
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

async function runGeneric(browser: Browser, base: string, file: string): Promise<Result> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/generic.html?file=${encodeURIComponent(file)}`);
    await page.waitForFunction(
      () => (globalThis as unknown as { firstPainted?: number }).firstPainted !== undefined,
      null,
      { timeout: 120_000 },
    );
    const openMs = await page.evaluate(
      () => (globalThis as unknown as { firstPainted: number }).firstPainted,
    );
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
    return { openMs, flips, heap10MiB, ...(await memoryOf(page)) };
  } finally {
    await context.close();
  }
}

// In-page code as text: the bench runs through tsx, whose helper names would not exist in the page.
const OUR_FLIP = `async (k) => {
  const scroller = document.querySelector('[data-testid="pdf-scroller"]');
  const shown = () => {
    const el = document.querySelector('.pdf-page[data-page-number="' + k + '"]');
    return el && el.dataset.painted === 'true' && scroller.dataset.currentPage === String(k);
  };
  const t0 = performance.now();
  scroller.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
  if (!shown())
    await new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        if (shown()) { mo.disconnect(); resolve(); }
      });
      mo.observe(scroller, { subtree: true, attributes: true, attributeFilter: ['data-painted', 'data-current-page'] });
    });
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
}`;

async function ourFlip(page: Page, n: number): Promise<number> {
  return (await page.evaluate(`(${OUR_FLIP})(${n})`)) as number;
}

async function runOurs(
  browser: Browser,
  host: TestHost,
  token: string,
  meetingId: string,
  documentId: string,
  pages: number,
): Promise<Result> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  try {
    await signInWithToken(page, host, token);
    await page.goto(`${host.url}/meetings/${meetingId}/documents/${documentId}`);
    await page
      .locator('.pdf-page[data-page-number="1"][data-painted="true"]')
      .waitFor({ timeout: 120_000 });
    // Time of the first paint relative to navigation start (the viewer's User Timing mark).
    const openMs = (await page.evaluate(
      `performance.getEntriesByName('pdf-page-painted-1')[0].startTime`,
    )) as number;
    const flips: number[] = [];
    await page.getByTestId('pdf-scroller').focus();
    let heap10MiB = NaN;
    for (let n = 2; n <= pages; n++) {
      flips.push(await ourFlip(page, n));
      if (n === 10) heap10MiB = (await memoryOf(page)).heapMiB;
    }
    return { openMs, flips, heap10MiB, ...(await memoryOf(page)) };
  } finally {
    await context.close();
  }
}

function row(viewer: string, paper: string, r: Result): Record<string, string | number> {
  const sorted = [...r.flips].sort((a, b) => a - b);
  return {
    viewer,
    paper,
    'open→painted ms': r.openMs,
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
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error('Build the renderer first: npm run build:renderer');
  const long = await generatedPaper(500);
  const freeculture = new Uint8Array(fs.readFileSync(FREECULTURE));
  const host = await startTestHost({ demo: true, rendererDir: RENDERER_DIR });
  const generic = await genericServer({ '/long.pdf': long, '/freeculture.pdf': freeculture });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  const rows: Array<Record<string, string | number>> = [];
  try {
    const secretary = await host.login('thu-ky');
    const meetingId = await demoMeeting(host, secretary);
    const longId = await uploadPaper(host, secretary, meetingId, 'phu-luc-500-trang.pdf', long);
    const freeId = await uploadPaper(host, secretary, meetingId, 'freeculture.pdf', freeculture);
    const delegate = await host.login('dai-bieu-1');
    for (const [name, id, bytes, file] of [
      ['generated 500 p', longId, long, '/long.pdf'],
      ['freeculture 352 p', freeId, freeculture, '/freeculture.pdf'],
    ] as const) {
      const pages = await PDFPages(bytes);
      rows.push(row('ours', name, await runOurs(browser, host, delegate, meetingId, id, pages)));
      rows.push(row('pdf.js generic', name, await runGeneric(browser, generic.url, file)));
    }
  } finally {
    await browser.close();
    generic.close();
    await host.stop(true);
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
