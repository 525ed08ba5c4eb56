// Helpers for the archive package tests: read a ZIP into memory, write one back with yazl, and
// hand-craft ZIPs that yazl refuses to make (traversal names, symlinks, duplicates, lying sizes).
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { expect } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { generatePaper } from '../../main/host/documents/generate-pdf';
import type { TestHost } from '../helpers/host';
import type { DocumentSummary } from '../../shared/api/schemas/meetings';
import type { Manifest } from '../../shared/api/schemas/archive';
import { json, setUpMeeting, upload } from './documents-helpers';
import type { PapersWorld } from './documents-helpers';

export async function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, z) =>
      err || !z ? reject(err ?? new Error('zip')) : resolve(z),
    ),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('entry'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return out;
}

export async function writeZip(
  files: Iterable<[string, Buffer]>,
  compress = true,
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of files) zip.addBuffer(data, name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Unix mode in the high 16 bits of the external attributes (e.g. 0o120777 for a symlink). */
  mode?: number;
  /** Sizes written into the headers instead of the real ones. */
  declaredSize?: number;
}

/** A stored (uncompressed) ZIP written byte by byte, so any name or attribute can be forged. */
export function craftZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = zlib.crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(size, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface ArchivedWorld extends PapersWorld {
  report: DocumentSummary;
  reportBytes: Uint8Array;
  secret: DocumentSummary;
}

/** A published meeting with two papers (one confidential), attendance and a ballot. */
export async function buildMeeting(host: TestHost): Promise<ArchivedWorld> {
  const w = await setUpMeeting(host);
  const tok = (n: string) => w.tokens[n]!;
  const reportBytes = await generatePaper({
    title: 'Báo cáo tình hình quý III',
    pages: [['Tăng trưởng kinh tế đạt 7,5%.'], ['Thu ngân sách vượt kế hoạch đề ra tại Đà Nẵng.']],
  });
  const secretBytes = await generatePaper({
    title: 'Phương án nhân sự',
    pages: [['Phương án bổ nhiệm cán bộ.']],
  });
  const report = await json<DocumentSummary>(
    await upload(host, tok('secretary'), w.meetingId, reportBytes, {
      filename: 'bao-cao.pdf',
      agendaItemId: w.agendaId,
    }),
    201,
  );
  const secret = await json<DocumentSummary>(
    await upload(host, tok('secretary'), w.meetingId, secretBytes, {
      filename: 'nhan-su.pdf',
      confidential: 'true',
    }),
    201,
  );
  await json(
    await host.api('POST', `/meetings/${w.meetingId}/publish`, { token: tok('secretary') }),
    200,
  );
  const att = await host.api('POST', `/meetings/${w.meetingId}/attendance`, {
    token: tok('delegate-a'),
    body: { status: 'present' },
  });
  expect([200, 201]).toContain(att.status);
  const ballot = await host.api('POST', `/meetings/${w.meetingId}/ballots`, {
    token: tok('chair'),
    body: {
      question: 'Thông qua kế hoạch đầu tư công trung hạn',
      secret: false,
      rule: 'majority_of_cast',
    },
  });
  expect([200, 201]).toContain(ballot.status);
  return { ...w, report, reportBytes, secret };
}

export async function downloadExport(
  host: TestHost,
  token: string,
  meetingId: string,
): Promise<Buffer> {
  const res = await host.api('GET', `/meetings/${meetingId}/export`, { token });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

export const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Rewrites a package after `change`, with a manifest whose sums match the new files. */
export async function repack(
  files: Map<string, Buffer>,
  change: (files: Map<string, Buffer>, manifest: Manifest) => void,
): Promise<Buffer> {
  const copy = new Map(files);
  const manifest = JSON.parse(copy.get('manifest.json')!.toString('utf8')) as Manifest;
  copy.delete('manifest.json');
  change(copy, manifest);
  manifest.files = [...copy.entries()].map(([p, data]) => ({
    path: p,
    sha256: sha256(data),
    size: data.length,
    kind: manifest.files.find((f) => f.path === p)?.kind ?? 'file',
  }));
  copy.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  return writeZip(copy);
}
