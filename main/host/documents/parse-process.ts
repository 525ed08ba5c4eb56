// The child process that opens an uploaded PDF with pdf.js. It runs apart from the host (own V8
// heap with a size cap, killed on a deadline by pdf-parser.ts) so that a hostile or merely huge
// file cannot stall, exhaust or crash the host. pdf.js runs with eval off and without its
// scripting sandbox: nothing in the file is ever executed.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PagePreview, ParseAnswer, ParseRequest, ParseResult } from './parse-protocol';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
const asDir = (p: string) => path.join(pdfjsRoot, p) + path.sep;

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

async function parse(req: ParseRequest): Promise<ParseResult> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await fs.readFile(req.file));
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: asDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asDir('standard_fonts'),
    wasmUrl: asDir('wasm'),
    iccUrl: asDir('iccs'),
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') return { ok: true, encrypted: true };
    if (name === 'InvalidPDFException')
      return { ok: false, reason: 'corrupt', detail: String((err as Error).message) };
    return { ok: false, reason: 'corrupt', detail: String((err as Error).message ?? err) };
  }
  try {
    const pages = doc.numPages;
    if (pages < 1) return { ok: false, reason: 'corrupt', detail: 'no pages' };
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: unknown };
    const dcTitle = meta?.metadata?.get('dc:title');
    const rawTitle =
      typeof dcTitle === 'string' && dcTitle.trim()
        ? dcTitle
        : typeof info.Title === 'string'
          ? info.Title
          : '';
    const title = rawTitle.replace(/\s+/g, ' ').trim().slice(0, 500) || null;

    const text: string[] = [];
    for (let n = 1; n <= (req.picturesOnly ? 0 : pages); n++) {
      // A page that fails to parse keeps an empty text: the rest of the paper is still readable.
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        let out = '';
        for (const item of content.items as TextItemLike[]) {
          if (typeof item.str === 'string') out += item.str;
          if (item.hasEOL) out += '\n';
        }
        text.push(out.replace(/[ \t]+\n/g, '\n').trim());
        page.cleanup();
      } catch {
        text.push('');
      }
    }

    let pictures: FirstPagePictures = { thumbnail: null, preview: null };
    try {
      pictures = await renderFirstPage(doc, req.thumbnailWidth, req.previewWidth);
    } catch {
      // No pictures: the paper still imports (the viewer draws it with pdf.js alone).
    }
    const scripts = await doc.getJSActions().catch(() => null);
    const fieldScripts = await doc.hasJSActions().catch(() => false);
    return {
      ok: true,
      encrypted: false,
      pages,
      title,
      text,
      thumbnail: pictures.thumbnail,
      preview: pictures.preview,
      hasScripts: fieldScripts || (scripts !== null && Object.keys(scripts).length > 0),
    };
  } finally {
    await doc.destroy();
  }
}

// The canvases come from pdf.js's own Node factory (@napi-rs/canvas); the DOM types do not apply.
interface CanvasLike {
  toBuffer(mime: 'image/png'): Buffer;
  toBuffer(mime: 'image/webp', quality: number): Buffer;
}
interface ContextLike {
  imageSmoothingQuality: string;
  drawImage(image: CanvasLike, x: number, y: number, w: number, h: number): void;
}
interface CanvasFactoryLike {
  create(w: number, h: number): { canvas: CanvasLike; context: ContextLike };
}

interface FirstPagePictures {
  thumbnail: Uint8Array | null;
  preview: PagePreview | null;
}

/** WebP quality of the preview: text stays crisp, a page is ~100–200 kB. */
const PREVIEW_QUALITY = 80;

/**
 * Page 1, drawn once: at `previewWidth` as a WebP preview, and scaled down from that to the PNG
 * thumbnail (one pdf.js render instead of two). Without a preview width, only the thumbnail.
 */
async function renderFirstPage(
  doc: PDFDocumentProxy,
  thumbnailWidth: number,
  previewWidth: number,
): Promise<FirstPagePictures> {
  const page = await doc.getPage(1);
  const base = page.getViewport({ scale: 1 });
  if (!(base.width > 0 && base.height > 0)) return { thumbnail: null, preview: null };
  const width = Math.max(thumbnailWidth, previewWidth);
  const viewport = page.getViewport({ scale: width / base.width });
  // Very tall first pages would make a huge bitmap; cap the height.
  const cap = (w: number, h: number) => Math.max(1, Math.min(Math.ceil(h), w * 4));
  const factory = doc.canvasFactory as CanvasFactoryLike;
  const drawn = factory.create(Math.ceil(viewport.width), cap(width, viewport.height));
  await page.render({
    canvas: drawn.canvas as never,
    canvasContext: drawn.context as never,
    viewport,
    background: 'white',
  }).promise;
  page.cleanup();
  const preview: PagePreview | null =
    previewWidth > 0
      ? {
          image: new Uint8Array(drawn.canvas.toBuffer('image/webp', PREVIEW_QUALITY)),
          contentType: 'image/webp',
          pageWidth: base.width,
          pageHeight: base.height,
        }
      : null;
  if (width === thumbnailWidth)
    return { thumbnail: new Uint8Array(drawn.canvas.toBuffer('image/png')), preview };
  const tw = thumbnailWidth;
  const th = cap(tw, (viewport.height * tw) / width);
  const thumb = factory.create(tw, th);
  thumb.context.imageSmoothingQuality = 'high';
  thumb.context.drawImage(drawn.canvas, 0, 0, tw, Math.ceil((viewport.height * tw) / width));
  return { thumbnail: new Uint8Array(thumb.canvas.toBuffer('image/png')), preview };
}

/**
 * The channel to the host. In Electron's utility process (the desktop app) it is
 * `process.parentPort`, whose messages arrive as events with `data`; in a Node fork it is the
 * IPC channel. Typed here by shape, so this file never imports Electron.
 */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function isParentPort(value: unknown): value is ParentPortLike {
  const port = value as Partial<Record<keyof ParentPortLike, unknown>> | null | undefined;
  return typeof port?.on === 'function' && typeof port.postMessage === 'function';
}

function listen(handle: (req: ParseRequest) => Promise<ParseAnswer>): void {
  const port: unknown = 'parentPort' in process ? process.parentPort : null;
  if (isParentPort(port)) {
    port.on('message', (e) => {
      void handle(e.data as ParseRequest).then((answer) => port.postMessage(answer));
    });
    return;
  }
  process.on('message', (msg: ParseRequest) => {
    void handle(msg).then((answer) => process.send?.(answer));
  });
  // The host went away (a Node fork only: Electron ends its utility processes itself).
  process.on('disconnect', () => process.exit(0));
}

// One file at a time, for as long as the host keeps this process (it recycles it after a while,
// and kills it on any failure or deadline).
listen(async (req) => {
  const result = await parse(req).catch((err: unknown): ParseResult => ({
    ok: false,
    reason: 'corrupt',
    detail: String((err as Error)?.message ?? err),
  }));
  return { id: req.id, result };
});
