// Shared by the viewer benchmarks: a generated long paper, uploading it to a host, signing a
// browser page in with a token, and measuring a page's JS heap and canvas memory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import type { TestHost } from '../tests/helpers/host';

export { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/chromium';

/** The built renderer the host serves to the browser (`npm run build:renderer`). */
export const RENDERER_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../dist/renderer',
);

/**
 * The renderer builds to measure: VIEWER_BENCH_RENDERERS="label=dir,label=dir" (to compare a
 * change with what it replaces in the same run), else the one in dist/renderer as "ours".
 */
export function rendererBuilds(): Array<{ label: string; dir: string }> {
  const spec = process.env.VIEWER_BENCH_RENDERERS;
  if (!spec) return [{ label: 'ours', dir: RENDERER_DIR }];
  return spec.split(',').map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw new Error(`VIEWER_BENCH_RENDERERS: "${item}" is not label=dir`);
    return { label: item.slice(0, at), dir: path.resolve(item.slice(at + 1)) };
  });
}

/** An A4 paper of `pages` pages of text (Helvetica: ASCII only), about the size of a budget annex. */
export async function generatedPaper(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const words =
    'ngan sach dau tu cong trung han ke hoach phat trien kinh te xa hoi tinh thanh pho du an trong diem'.split(
      ' ',
    );
  for (let p = 1; p <= pages; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Phu luc ${p}: Danh muc du an`, { x: 56, y: 780, size: 16, font: bold });
    for (let l = 0; l < 45; l++) {
      const line = Array.from(
        { length: 12 },
        (_, i) => words[(p * 7 + l * 3 + i) % words.length],
      ).join(' ');
      page.drawText(`${l + 1}. ${line}`, { x: 56, y: 750 - l * 15, size: 10, font });
    }
  }
  return pdf.save();
}

export async function uploadPaper(
  host: TestHost,
  token: string,
  meetingId: string,
  filename: string,
  bytes: Uint8Array,
): Promise<string> {
  const res = await host.api(
    'POST',
    `/meetings/${meetingId}/documents?filename=${encodeURIComponent(filename)}`,
    {
      token,
      raw: bytes,
      headers: { 'content-type': 'application/pdf' },
    },
  );
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`upload ${filename}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function demoMeeting(host: TestHost, token: string): Promise<string> {
  const list = (await (await host.api('GET', '/meetings', { token })).json()) as Array<{
    id: string;
  }>;
  return list[0]!.id;
}

/** Puts the session token where the renderer keeps it, so navigation lands signed in. */
export async function signInWithToken(page: Page, host: TestHost, token: string): Promise<void> {
  await page.goto(`${host.url}/`);
  await page.evaluate(`sessionStorage.setItem('phonghop.token', ${JSON.stringify(token)})`);
}

/** JS heap after a full GC (main thread) and the bytes held by canvases in the DOM. */
export async function memoryOf(page: Page): Promise<{ heapMiB: number; canvasMiB: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  // A string expression: this file is type-checked without the DOM library.
  const canvasBytes = await page.evaluate<number>(
    "[...document.querySelectorAll('canvas')].reduce((n, c) => n + c.width * c.height * 4, 0)",
  );
  return { heapMiB: usedSize / 2 ** 20, canvasMiB: canvasBytes / 2 ** 20 };
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

/** Our viewer's page flip: PageDown → the next page painted and current, one frame later (ms). */
export async function ourFlip(page: Page, n: number): Promise<number> {
  return (await page.evaluate(`(${OUR_FLIP})(${n})`)) as number;
}
