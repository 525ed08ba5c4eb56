// Export of annotations through the real host: annotations are written over sync with the stock
// y-websocket client, then GET annotated.pdf must hold real PDF annotation objects that pdf.js
// parses and poppler renders, and annotations.jsonld a W3C Web Annotation collection; layers
// and access are respected (private notes only for their owner, confidential papers only for
// listed users).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Annotation } from '../../shared/annotations/model';
import {
  addReply,
  annotationsMap,
  putAnnotation,
  readAnnotations,
} from '../../shared/annotations/ydoc';
import { packInk } from '../../shared/annotations/ink-points';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { connect, until } from './sync-helpers';
import type { Client } from './sync-helpers';

interface Paper {
  id: string;
  title: string;
  confidential: boolean;
}

let host: TestHost;
let t1: string;
let t2: string;
let u1: string;
let paper: Paper;
let secret: Paper;
const clients: Client[] = [];

const style = { color: '#ff0000', width: 4, opacity: 1 };
function base(id: string, author: string, page = 1) {
  return {
    id,
    author,
    authorName: 'Lê Minh Đức',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    documentVersion: 'v1',
    page,
    style,
  };
}

beforeAll(async () => {
  host = await startTestHost({ demo: true });
  t1 = await host.login('dai-bieu-1');
  t2 = await host.login('dai-bieu-2');
  u1 = ((await (await host.api('GET', '/me', { token: t1 })).json()) as { id: string }).id;
  const meetings = (await (await host.api('GET', '/meetings', { token: t1 })).json()) as Array<{
    id: string;
  }>;
  const detail = (await (
    await host.api('GET', `/meetings/${meetings[0]!.id}`, { token: t1 })
  ).json()) as { documents: Paper[] };
  paper = detail.documents.find((d) => !d.confidential)!;
  secret = detail.documents.find((d) => d.confidential)!;
  expect(paper && secret).toBeTruthy();

  // Shared layer: one of each kind, written by delegate 1.
  const shared = connect(host, `annotations/${paper.id}`, t1);
  const mine = connect(host, `notes/${paper.id}/${u1}`, t1);
  clients.push(shared, mine);
  await Promise.all([shared.synced, mine.synced]);
  const items: Annotation[] = [
    {
      // Written whole as one binary value (annotation-bytes.ts, what the viewer writes), its
      // points packed; far-1 below is stored in the oldest form, a JSON object with a point list.
      ...base('ink-1', u1),
      kind: 'ink',
      points: packInk([
        [100, 700, 0.5],
        [200, 650, 0.6],
        [300, 700, 0.5],
      ]),
    },
    {
      ...base('hl-1', u1),
      kind: 'highlight',
      mode: 'highlight',
      quads: [[72, 760, 300, 760, 72, 745, 300, 745]],
      text: 'Báo cáo tình hình',
    },
    {
      ...base('ul-1', u1),
      kind: 'highlight',
      mode: 'underline',
      quads: [[72, 600, 200, 600, 72, 588, 200, 588]],
      text: 'gạch chân',
    },
    { ...base('note-1', u1), kind: 'note', at: [400, 700], text: 'Đề nghị làm rõ số liệu quý III' },
    { ...base('rect-1', u1), kind: 'shape', shape: 'rect', from: [100, 300], to: [250, 400] },
    { ...base('arrow-1', u1), kind: 'shape', shape: 'arrow', from: [300, 300], to: [450, 420] },
    { ...base('far-1', u1, 999), kind: 'ink', points: [[1, 1, 0.5]] },
  ];
  for (const a of items)
    if (a.id === 'far-1') annotationsMap(shared.doc).set(a.id, a);
    else putAnnotation(shared.doc, a);
  addReply(shared.doc, {
    id: 'reply-1',
    annotationId: 'note-1',
    author: u1,
    authorName: 'Phạm Thu Hà',
    createdAt: 1_700_000_100_000,
    text: 'Đồng ý, cần bổ sung',
  });
  putAnnotation(mine.doc, {
    ...base('private-1', u1),
    kind: 'note',
    at: [100, 100],
    text: 'Ghi chú riêng của tôi',
  });

  // Relayed means persisted: wait until a second client of each doc has everything.
  const watchShared = connect(host, `annotations/${paper.id}`, t2);
  const watchMine = connect(host, `notes/${paper.id}/${u1}`, t1);
  clients.push(watchShared, watchMine);
  await until(
    () =>
      readAnnotations(watchShared.doc).length === items.length &&
      watchShared.doc.getMap('replies').size === 1,
    'shared layer relayed',
  );
  await until(() => readAnnotations(watchMine.doc).length === 1, 'private layer relayed');
  // The host relays and stores the forms as written.
  expect(annotationsMap(watchShared.doc).get('ink-1')).toBeInstanceOf(Uint8Array);
  expect(annotationsMap(watchShared.doc).get('far-1')).not.toBeInstanceOf(Uint8Array);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await host?.stop(true);
});

async function annotationsOf(bytes: Uint8Array, page = 1) {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    return (await (await pdf.getPage(page)).getAnnotations()) as Array<Record<string, unknown>>;
  } finally {
    await pdf.destroy();
  }
}

function contentsOf(a: Record<string, unknown>): string {
  return ((a.contentsObj as { str?: string } | undefined)?.str ?? '').normalize('NFC');
}

describe('GET /documents/:d/annotated.pdf', () => {
  let exported: Uint8Array;

  it('writes real Ink, Highlight, Underline, Text+Popup, Square and Line annotations that pdf.js reads', async () => {
    const res = await host.api('GET', `/documents/${paper.id}/annotated.pdf?layers=shared,mine`, {
      token: t1,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-annotations-written')).toBe('7');
    expect(res.headers.get('x-annotations-skipped')).toBe('1');
    exported = new Uint8Array(await res.arrayBuffer());
    const annots = await annotationsOf(exported);
    const bySubtype = (s: string) => annots.filter((a) => a.subtype === s);
    expect(bySubtype('Ink')).toHaveLength(1);
    expect((bySubtype('Ink')[0]!.inkLists as unknown[]).length).toBe(1);
    expect(bySubtype('Highlight')).toHaveLength(1);
    expect(contentsOf(bySubtype('Highlight')[0]!)).toBe('Báo cáo tình hình');
    expect(bySubtype('Underline')).toHaveLength(1);
    expect(bySubtype('Square')).toHaveLength(1);
    expect(bySubtype('Line')).toHaveLength(1);
    const texts = bySubtype('Text');
    const note = texts.find((a) => contentsOf(a) === 'Đề nghị làm rõ số liệu quý III')!;
    expect(note).toBeTruthy();
    expect((note.titleObj as { str: string }).str.normalize('NFC')).toBe('Lê Minh Đức');
    expect(texts.some((a) => contentsOf(a) === 'Ghi chú riêng của tôi')).toBe(true);
    const reply = texts.find((a) => contentsOf(a) === 'Đồng ý, cần bổ sung')!;
    expect(reply.inReplyTo).toBe(note.id);
    expect(bySubtype('Popup').length).toBeGreaterThanOrEqual(2);
    const ink = bySubtype('Ink')[0]!;
    expect(Array.from(ink.color as Uint8ClampedArray)).toEqual([255, 0, 0]);
    // Decoded from the packed form: the stroke's three points, as stored.
    const [line] = ink.inkLists as Float32Array[];
    expect(Array.from(line!)).toEqual([100, 700, 200, 650, 300, 700]);
  });

  it('is a valid PDF for poppler, whose renderer draws the ink stroke', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annot-export-'));
    try {
      const file = path.join(dir, 'out.pdf');
      fs.writeFileSync(file, exported);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+\d+/);
      execFileSync('pdftotext', [file, path.join(dir, 'out.txt')]);
      // Render page 1 at 72 dpi (1 px = 1 pt) and look for the red stroke around (200, 650).
      execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', file, path.join(dir, 'raw')]);
      const ppmName = fs.readdirSync(dir).find((f) => f.startsWith('raw') && f.endsWith('.ppm'))!;
      const ppm = fs.readFileSync(path.join(dir, ppmName));
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!;
      const [w, h] = [Number(header[1]), Number(header[2])];
      const offset = header[0].length;
      let red = 0;
      for (let y = h - 712; y < h - 640; y++)
        for (let x = 95; x < 305; x++) {
          const i = offset + (y * w + x) * 3;
          if (ppm[i]! > 200 && ppm[i + 1]! < 80 && ppm[i + 2]! < 80) red++;
        }
      expect(red).toBeGreaterThan(50);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves out the private layer when only shared is asked, and never shows one user another's notes", async () => {
    const sharedOnly = await annotationsOf(
      new Uint8Array(
        await (
          await host.api('GET', `/documents/${paper.id}/annotated.pdf?layers=shared`, { token: t1 })
        ).arrayBuffer(),
      ),
    );
    expect(sharedOnly.some((a) => contentsOf(a) === 'Ghi chú riêng của tôi')).toBe(false);
    const other = await annotationsOf(
      new Uint8Array(
        await (
          await host.api('GET', `/documents/${paper.id}/annotated.pdf?layers=shared,mine`, {
            token: t2,
          })
        ).arrayBuffer(),
      ),
    );
    expect(other.some((a) => contentsOf(a) === 'Ghi chú riêng của tôi')).toBe(false);
    expect(other.some((a) => a.subtype === 'Ink')).toBe(true);
    const mineOnly = await annotationsOf(
      new Uint8Array(
        await (
          await host.api('GET', `/documents/${paper.id}/annotated.pdf?layers=mine`, { token: t2 })
        ).arrayBuffer(),
      ),
    );
    expect(mineOnly.filter((a) => a.subtype !== 'Link')).toHaveLength(0);
  });

  it('refuses bad layer lists, strangers and unlisted readers of a confidential paper', async () => {
    const bad = await host.api('GET', `/documents/${paper.id}/annotated.pdf?layers=everyone`, {
      token: t1,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation');
    expect((await host.api('GET', `/documents/${paper.id}/annotated.pdf`)).status).toBe(401);
    expect(
      (await host.api('GET', `/documents/${secret.id}/annotated.pdf`, { token: t2 })).status,
    ).toBe(404);
    expect(
      (await host.api('GET', `/documents/${secret.id}/annotations.jsonld`, { token: t2 })).status,
    ).toBe(404);
    expect(
      (await host.api('GET', `/documents/${secret.id}/annotated.pdf`, { token: t1 })).status,
    ).toBe(200);
    expect((await host.api('GET', `/documents/nope/annotated.pdf`, { token: t1 })).status).toBe(
      404,
    );
  });
});

describe('GET /documents/:d/annotations.jsonld', () => {
  it('is a W3C Web Annotation collection with page selectors, bodies and replies', async () => {
    const res = await host.api(
      'GET',
      `/documents/${paper.id}/annotations.jsonld?layers=shared,mine`,
      { token: t1 },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      '@context': unknown;
      type: string;
      total: number;
      items: Array<Record<string, unknown>>;
    };
    expect(body['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(body.type).toBe('AnnotationCollection');
    expect(body.total).toBe(9); // 7 shared (one on a page the paper lacks) + 1 reply + 1 private
    const note = body.items.find((i) => String(i.id).endsWith('#annotation-note-1'))!;
    expect(note.motivation).toBe('commenting');
    expect((note.body as { value: string }).value).toBe('Đề nghị làm rõ số liệu quý III');
    const selector = (
      note.target as { selector: { type: string; value: string; refinedBy: { type: string } } }
    ).selector;
    expect(selector.type).toBe('FragmentSelector');
    expect(selector.value).toMatch(/^page=1&viewrect=/);
    expect(selector.refinedBy.type).toBe('SvgSelector');
    const reply = body.items.find((i) => i.motivation === 'replying')!;
    expect(reply.target).toBe(note.id);
    // The packed stroke's points, decoded exactly (hundredths of a point).
    const ink = body.items.find((i) => String(i.id).endsWith('#annotation-ink-1'))!;
    const svg = (ink.target as { selector: { refinedBy: { value: string } } }).selector.refinedBy;
    expect(svg.value).toContain('points="100,700 200,650 300,700"');
    const other = (await (
      await host.api('GET', `/documents/${paper.id}/annotations.jsonld`, { token: t2 })
    ).json()) as { total: number };
    expect(other.total).toBe(8);
  });
});
