// Hostile and broken uploads: every sample either imports or is refused with a clear error, the
// host stays up, and a refused or cut-off upload leaves nothing behind.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/api/schemas/meetings';
import { generatePaper } from '../../main/host/documents/generate-pdf';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { expectError, json, setUpMeeting, upload } from './documents-helpers';
import type { PapersWorld } from './documents-helpers';

import { SAMPLES } from '../helpers/samples';
const manifest = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'manifest.json'), 'utf8')) as Array<{
  file: string;
  password?: string | null;
}>;

let host: TestHost;
let w: PapersWorld;
let secretary: string;
let goodPdf: Uint8Array;

function rowCount(): number {
  return (host.services.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}
function tmpFiles(): string[] {
  return fs.readdirSync(path.join(host.dataDir, 'documents', 'tmp'));
}
function storedFiles(): string[] {
  const root = path.join(host.dataDir, 'documents');
  return fs
    .readdirSync(root)
    .filter((d) => d !== 'tmp')
    .flatMap((d) => fs.readdirSync(path.join(root, d)));
}
async function stillServes(): Promise<void> {
  const doc = await json<DocumentSummary>(
    await upload(host, secretary, w.meetingId, goodPdf, { filename: 'van-chay.pdf' }),
    201,
  );
  expect(doc.pages).toBe(1);
}

beforeAll(async () => {
  // A small limit so the size test needs no 200 MB file.
  host = await startTestHost({ maxUploadBytes: 8 * 1024 * 1024 });
  w = await setUpMeeting(host);
  secretary = w.tokens.secretary!;
  goodPdf = await generatePaper({ title: 'Tài liệu hợp lệ', pages: [['Nội dung hợp lệ.']] });
});
afterAll(async () => host?.stop(true));

describe('every sample PDF imports or is refused clearly', () => {
  // Sequential: the parser runs at most two at a time anyway, and the machine is shared.
  it.each(manifest.map((m) => [m.file, m.password ?? null] as const))(
    '%s',
    async (file, password) => {
      const bytes = fs.readFileSync(path.join(SAMPLES, file));
      const before = rowCount();
      const res = await upload(host, secretary, w.meetingId, bytes, { filename: file });
      if (res.status === 201) {
        const doc = (await res.json()) as DocumentSummary;
        expect(doc.size).toBe(bytes.length);
        if (password) expect(doc.encrypted).toBe(true);
        if (!doc.encrypted) expect(doc.pages).toBeGreaterThan(0);
        expect(rowCount()).toBe(before + 1);
        const back = await host.api('GET', `/documents/${doc.id}/file`, { token: secretary });
        expect(back.status).toBe(200);
        expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);
      } else {
        const error = await expectError(res, 422, 'document_corrupt');
        expect(error.message).toMatch(/PDF/);
        expect(rowCount()).toBe(before);
      }
      expect(tmpFiles()).toEqual([]);
    },
  );

  it('the broken ones are refused, the host is still up and other uploads work', async () => {
    const res = await upload(
      host,
      secretary,
      w.meetingId,
      fs.readFileSync(path.join(SAMPLES, 'freeculture.pdf')).subarray(0, 20_000),
    );
    await expectError(res, 422, 'document_corrupt');
    await stillServes();
  });
});

describe('not a PDF', () => {
  it('refuses an empty file', async () => {
    await expectError(
      await upload(host, secretary, w.meetingId, new Uint8Array(0)),
      400,
      'document_empty',
    );
  });

  it('refuses a ZIP (.docx) named .pdf', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(3000, 1)]);
    const e = await expectError(
      await upload(host, secretary, w.meetingId, zip, { filename: 'bao-cao.pdf' }),
      415,
      'document_is_zip',
    );
    expect(e.message).toContain('ZIP');
  });

  it('refuses an HTML page named .pdf, even one that mentions %PDF-', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body>%PDF-1.7 Đăng nhập</body></html>');
    await expectError(await upload(host, secretary, w.meetingId, html), 415, 'document_is_html');
  });

  it('refuses other bytes', async () => {
    await expectError(
      await upload(host, secretary, w.meetingId, Buffer.alloc(5000, 0x41)),
      415,
      'document_not_pdf',
    );
    expect(tmpFiles()).toEqual([]);
    await stillServes();
  });

  it('answers in English when asked', async () => {
    const res = await host.api('POST', `/meetings/${w.meetingId}/documents`, {
      token: secretary,
      raw: new Uint8Array(0),
      headers: { 'accept-language': 'en-US' },
    });
    const e = await expectError(res, 400, 'document_empty');
    expect(e.message).toContain('empty');
  });
});

describe('size limit', () => {
  it('refuses a file over the limit with 413 before storing it', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(9 * 1024 * 1024, 0x20)]);
    const before = storedFiles().length;
    const e = await expectError(
      await upload(host, secretary, w.meetingId, big),
      413,
      'payload_too_large',
    );
    expect(e.message).toContain('8 MB');
    expect(storedFiles().length).toBe(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('also when the length is not declared (chunked upload)', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(Buffer.from('%PDF-1.7\n'));
        if (sent >= 10) controller.close();
        else controller.enqueue(chunk);
        sent++;
      },
    });
    const res = await fetch(`${host.url}/api/v1/meetings/${w.meetingId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectError(res, 413, 'payload_too_large');
    expect(tmpFiles()).toEqual([]);
    await stillServes();
  });
});

describe('an upload cut off mid-way', () => {
  it('leaves no temp file and no row, and the host keeps serving', async () => {
    const before = rowCount();
    const storedBefore = storedFiles().length;
    const url = new URL(host.url);
    const partial = Buffer.from(goodPdf).subarray(0, Math.floor(goodPdf.length / 2));
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST /api/v1/meetings/${w.meetingId}/documents?filename=cut.pdf HTTP/1.1\r\n` +
            `Host: ${url.host}\r\nAuthorization: Bearer ${secretary}\r\nContent-Type: application/pdf\r\n` +
            `Content-Length: ${goodPdf.length}\r\n\r\n`,
        );
        socket.write(partial, () => {
          // Wait until the host has started writing the temp file, then hang up.
          const waitForTemp = () => {
            if (tmpFiles().length > 0) socket.destroy();
            else setTimeout(waitForTemp, 10);
          };
          waitForTemp();
        });
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // The host notices the hang-up asynchronously; wait until the temp file is gone.
    while (tmpFiles().length > 0) await new Promise((r) => setTimeout(r, 20));
    expect(rowCount()).toBe(before);
    expect(storedFiles().length).toBe(storedBefore);
    await stillServes();
  });
});

describe('scripts in a PDF', () => {
  it('evaljs.pdf imports, is flagged as carrying scripts, and none of them runs on the host', async () => {
    const marker = '__evaljsRan';
    const doc = await json<DocumentSummary>(
      await upload(
        host,
        secretary,
        w.meetingId,
        fs.readFileSync(path.join(SAMPLES, 'evaljs.pdf')),
        { filename: 'evaljs.pdf' },
      ),
      201,
    );
    const detail = await json<{ hasScripts: boolean; pages: number }>(
      await host.api('GET', `/documents/${doc.id}`, { token: secretary }),
      200,
    );
    expect(detail.hasScripts).toBe(true);
    expect(detail.pages).toBe(2);
    // Parsing happens in a separate process with eval off; nothing leaked into the host either.
    expect(marker in globalThis).toBe(false);
  });
});
