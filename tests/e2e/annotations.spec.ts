// Collaborative annotation on real Chromium against a real host, each person on their own browser
// context (their own tablet): shared strokes reach the other delegate, private notes never do,
// follow mode moves the follower's page, and strokes drawn offline merge after reconnecting.
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { encodeAnnotation, readStoredAnnotation } from '../../shared/annotations/annotation-bytes';
import { inkPoints, packInk } from '../../shared/annotations/ink-points';
import { annotationsMap } from '../../shared/annotations/ydoc';
import { expect, test } from './fixtures';
import type { TestHost } from '../helpers/host';

interface Paper {
  id: string;
  pages: number;
  confidential: boolean;
}

/** The stock y-websocket client on one of the host's docs, as an outside program would use it. */
function stockClient(host: TestHost, name: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${host.url.replace(/^http/, 'ws')}/sync`, name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}

function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
}

async function demoPaper(host: TestHost): Promise<{ meetingId: string; paper: Paper }> {
  const token = await host.login('dai-bieu-1', 'demo');
  const meetings = (await (await host.api('GET', '/meetings', { token })).json()) as Array<{
    id: string;
  }>;
  const meetingId = meetings[0]!.id;
  const detail = (await (await host.api('GET', `/meetings/${meetingId}`, { token })).json()) as {
    documents: Paper[];
  };
  // The longest paper everyone may see, so page moves are visible.
  const paper = detail.documents
    .filter((d) => !d.confidential)
    .sort((a, b) => b.pages - a.pages)[0]!;
  return { meetingId, paper };
}

async function openPaper(page: Page, host: TestHost, meetingId: string, paperId: string) {
  await page.goto(`${host.url}/meetings/${meetingId}/documents/${paperId}`);
  await expect(page.locator('.pdf-page[data-page-number="1"]')).toHaveAttribute(
    'data-painted',
    'true',
  );
  await expect(page.getByTestId('annot-layer-1')).toBeVisible();
}

/** Draws one stroke near the top of `pageNumber` (inside the window) with the mouse. */
async function drawStroke(page: Page, pageNumber: number, dy = 0) {
  const box = (await page.getByTestId(`annot-layer-${pageNumber}`).boundingBox())!;
  const y = box.y + 100 + dy;
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), y + (i % 2) * 8);
  await page.mouse.up();
}

async function useSharedPen(page: Page) {
  await page.getByTestId('annot-target').selectOption('shared');
  await page.getByTestId('tool-pen').click();
}

test("two delegates draw on the same page and see each other's strokes", async ({
  host,
  loginAs,
}) => {
  const { meetingId, paper } = await demoPaper(host);
  const a = (await loginAs('dai-bieu-1')).page;
  const b = (await loginAs('dai-bieu-2')).page;
  await openPaper(a, host, meetingId, paper.id);
  await openPaper(b, host, meetingId, paper.id);
  // Presence: each sees the other on page 1.
  await expect(a.getByTestId('peer').filter({ hasText: 'Phạm Thu Hà' })).toBeVisible();
  await expect(b.getByTestId('peer').filter({ hasText: 'Lê Minh Đức' })).toBeVisible();

  await useSharedPen(a);
  await useSharedPen(b);
  await drawStroke(a, 1);
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '1');
  await drawStroke(b, 1, 40);
  await expect(a.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '2');
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '2');

  // Undo only takes back one's own stroke, and the other side sees it go.
  await a.getByTestId('annot-undo').click();
  await expect(a.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '1');
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '1');
  await expect(a.getByTestId('annot-undo')).toBeDisabled();
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '1');
  await a.getByTestId('annot-redo').click();
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '2');

  // What the host stored is each stroke as one binary value (shared/annotations/annotation-bytes.ts)
  // with its points packed (ink-points.ts), as a stock y-websocket client reads it, and the host's
  // Web Annotation export decodes it.
  const token = await host.login('dai-bieu-1', 'demo');
  const { doc, provider } = stockClient(host, `annotations/${paper.id}`, token);
  try {
    await synced(provider);
    const values = [...annotationsMap(doc).values()];
    expect(values).toHaveLength(2);
    for (const v of values) {
      expect(v).toBeInstanceOf(Uint8Array);
      const s = readStoredAnnotation(v);
      expect(s?.kind).toBe('ink');
      if (s?.kind === 'ink') expect(inkPoints(s.points).length).toBeGreaterThan(2);
    }
  } finally {
    provider.destroy();
    doc.destroy();
  }
  const exported = (await (
    await host.api('GET', `/documents/${paper.id}/annotations.jsonld`, { token })
  ).json()) as { items: Array<{ target: { selector?: { refinedBy?: { value: string } } } }> };
  const polylines = exported.items.filter((i) =>
    /<polyline [^>]*points="[\d.,-]+( [\d.,-]+){2,}"/.test(
      i.target.selector?.refinedBy?.value ?? '',
    ),
  );
  expect(polylines).toHaveLength(2);
});

test('a private note is never visible to the other delegate', async ({ host, loginAs }) => {
  const { meetingId, paper } = await demoPaper(host);
  const a = (await loginAs('dai-bieu-1')).page;
  const b = (await loginAs('dai-bieu-2')).page;
  await openPaper(a, host, meetingId, paper.id);
  await openPaper(b, host, meetingId, paper.id);

  // A private note (the default layer) with text.
  await a.getByTestId('annot-target').selectOption('private');
  await a.getByTestId('tool-note').click();
  const box = (await a.getByTestId('annot-layer-1').boundingBox())!;
  await a.mouse.click(box.x + box.width / 2, box.y + 60);
  await a.getByTestId('note-text').fill('Ý kiến riêng: cần đối chiếu số liệu');
  await a.getByTestId('note-text').blur();
  await expect(a.getByTestId('note-icon')).toHaveCount(1);
  await expect(a.getByTestId('note-item')).toHaveAttribute('data-layer', 'private');

  // Then a shared stroke: once it has reached the other delegate, so would have the note.
  await useSharedPen(a);
  await drawStroke(a, 1, 60);
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '1');
  await expect(b.getByTestId('note-icon')).toHaveCount(0);
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-count', '1');
  await expect(b.getByText('Ý kiến riêng')).toHaveCount(0);
  // A reload does not bring it either; the author still has it after a reload.
  await b.reload();
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '1');
  await expect(b.getByTestId('note-icon')).toHaveCount(0);
  await a.reload();
  await expect(a.getByTestId('note-icon')).toHaveCount(1);

  // Sharing it is one action; then the other delegate sees it.
  await a.getByTestId('note-share').click();
  await expect(b.getByTestId('note-icon')).toHaveCount(1);
  await expect(b.getByTestId('note-item')).toContainText('Ý kiến riêng: cần đối chiếu số liệu');
});

test("follow mode moves the follower's page with the presenter", async ({ host, loginAs }) => {
  const { meetingId, paper } = await demoPaper(host);
  expect(paper.pages).toBeGreaterThan(1);
  const chair = (await loginAs('chu-toa')).page;
  const d = (await loginAs('dai-bieu-3')).page;
  await openPaper(chair, host, meetingId, paper.id);
  await openPaper(d, host, meetingId, paper.id);

  await chair.getByTestId('present-toggle').click();
  await expect(d.getByTestId('presenter-status')).toContainText('Nguyễn Văn Hùng');
  await d.getByTestId('follow-toggle').click();

  const last = paper.pages;
  await chair.getByTestId('page-input').fill(String(last));
  await chair.getByTestId('page-input').press('Enter');
  await expect(chair.getByTestId('pdf-scroller')).toHaveAttribute(
    'data-current-page',
    String(last),
  );
  await expect(d.getByTestId('pdf-scroller')).toHaveAttribute('data-current-page', String(last));

  // Detach with one tap: the presenter moves on, the delegate stays.
  await d.getByTestId('follow-toggle').click();
  await chair.getByTestId('page-input').fill('1');
  await chair.getByTestId('page-input').press('Enter');
  await expect(chair.getByTestId('pdf-scroller')).toHaveAttribute('data-current-page', '1');
  await expect(d.getByTestId('presenter-status')).toContainText('1');
  await expect(d.getByTestId('pdf-scroller')).toHaveAttribute('data-current-page', String(last));
});

test('strokes drawn offline are kept and merge after reconnecting', async ({ host, loginAs }) => {
  const { meetingId, paper } = await demoPaper(host);
  const a = await loginAs('dai-bieu-1');
  const b = (await loginAs('dai-bieu-2')).page;
  await openPaper(a.page, host, meetingId, paper.id);
  await openPaper(b, host, meetingId, paper.id);
  await useSharedPen(a.page);
  await useSharedPen(b);

  await a.context.setOffline(true);
  await expect(a.page.getByTestId('annot-offline')).toBeVisible();
  await drawStroke(a.page, 1);
  await drawStroke(a.page, 1, 40);
  await expect(a.page.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '2');
  // Meanwhile the other delegate draws online.
  await drawStroke(b, 1, 80);
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '1');

  await a.context.setOffline(false);
  await expect(a.page.getByTestId('annot-offline')).toHaveCount(0);
  await expect(b.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '3');
  await expect(a.page.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '3');
});

test("a large shared layer from the host is kept in the tablet's offline copy", async ({
  host,
  loginAs,
}) => {
  const { meetingId, paper } = await demoPaper(host);
  // 600 pen strokes, each one binary value as the viewer writes them (~150 KB): the host's first
  // sync is a large update, which the viewer applies without re-encoding and stores through the
  // offline-store worker, and whose values it decodes only for the page it draws.
  const token = await host.login('dai-bieu-2', 'demo');
  const { doc, provider } = stockClient(host, `annotations/${paper.id}`, token);
  try {
    await synced(provider);
    doc.transact(() => {
      for (let i = 0; i < 600; i++)
        annotationsMap(doc).set(
          `s${i}`,
          encodeAnnotation({
            id: `s${i}`,
            kind: 'ink',
            author: 'seed',
            authorName: 'Đại biểu',
            createdAt: 1_700_000_000_000 + i,
            updatedAt: 1_700_000_000_000 + i,
            documentVersion: '',
            page: 1,
            style: { color: '#1565c0', width: 1.5, opacity: 1 },
            points: packInk(
              Array.from({ length: 24 }, (_, k): [number, number, number] => [
                40 + (i % 20) * 25 + k * 0.7,
                80 + Math.floor(i / 20) * 22 + Math.sin(k) * 4,
                (k % 7) / 7,
              ]),
            ),
          }),
        );
    });
    // Wait until the host has it all: a second client sees every stroke.
    const check = new Y.Doc();
    const watcher = new WebsocketProvider(
      `${host.url.replace(/^http/, 'ws')}/sync`,
      `annotations/${paper.id}`,
      check,
      {
        params: { token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    );
    await expect.poll(() => annotationsMap(check).size).toBe(600);
    watcher.destroy();
  } finally {
    provider.destroy();
    doc.destroy();
  }

  const a = await loginAs('dai-bieu-1');
  await openPaper(a.page, host, meetingId, paper.id);
  await expect(a.page.getByTestId('annot-layer-1')).toHaveAttribute('data-ink-count', '600');
  // The offline copy (y-indexeddb's records, written off the main thread) holds the whole layer:
  // read back and applied to a fresh doc, as y-indexeddb does when the paper opens offline.
  const stored = () =>
    a.page.evaluate(async (suffix) => {
      const db = (await indexedDB.databases()).find((d) => d.name?.endsWith(suffix));
      if (!db?.name) return [];
      const conn = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(db.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const all = await new Promise<Uint8Array[]>((resolve, reject) => {
          const req = conn.transaction('updates').objectStore('updates').getAll();
          req.onsuccess = () => resolve(req.result as Uint8Array[]);
          req.onerror = () => reject(req.error);
        });
        return all.map((u) => Array.from(u));
      } finally {
        conn.close();
      }
    }, `:annotations/${paper.id}`);
  const strokesIn = (updates: number[][]) => {
    const copy = new Y.Doc();
    for (const u of updates) Y.applyUpdate(copy, Uint8Array.from(u));
    return [...annotationsMap(copy).values()].filter((v) => readStoredAnnotation(v)?.kind === 'ink')
      .length;
  };
  await expect.poll(async () => strokesIn(await stored())).toBe(600);
});
