import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportAnswer } from '../../shared/api/schemas/archive';
import type { AuditVerifyReport } from '../../shared/api/schemas/audit';
import type { SearchAnswer } from '../../shared/api/schemas/search';
import type { Meeting } from '../../shared/api/schemas/meetings';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { json } from './documents-helpers';
import {
  buildMeeting,
  craftZip,
  downloadExport,
  readZip,
  repack,
  writeZip,
} from './export-helpers';
import type { ArchivedWorld } from './export-helpers';

let source: TestHost;
let target: TestHost;
let w: ArchivedWorld;
let pkg: Buffer;
let files: Map<string, Buffer>;
let admin: string;

beforeAll(async () => {
  source = await startTestHost();
  target = await startTestHost();
  w = await buildMeeting(source);
  pkg = await downloadExport(source, w.tokens.secretary!, w.meetingId);
  files = await readZip(pkg);
  admin = await target.login('admin');
});
afterAll(async () => {
  await source?.stop(true);
  await target?.stop(true);
});

function importZip(bytes: Buffer, token = admin) {
  return target.api('POST', '/archive/import', {
    token,
    raw: bytes,
    headers: { 'content-type': 'application/zip' },
  });
}

/** Every file under the data folder (papers, kept packages, temp areas), for "nothing left behind". */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .filter((f) => !f.startsWith('archive.sqlite'))
    .sort();
}
function meetingCount(): number {
  return (target.services.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number })
    .n;
}

/** The package is refused with `code`, and the target host is exactly as before. */
async function expectRefused(bytes: Buffer, status: number, code: string) {
  const before = { files: filesUnder(target.dataDir), meetings: meetingCount() };
  const res = await importZip(bytes);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(res.status).toBe(status);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(filesUnder(target.dataDir)).toEqual(before.files);
  expect(meetingCount()).toBe(before.meetings);
}

const file = (name: string, text: string) => ({ name, data: Buffer.from(text) });

describe('import refusals (nothing is left behind)', () => {
  it('refuses a path traversal entry', async () => {
    await expectRefused(
      craftZip([file('manifest.json', '{}'), file('papers/../../evil.txt', 'x')]),
      400,
      'package_path_traversal',
    );
    await expectRefused(craftZip([file('..\\evil.txt', 'x')]), 400, 'package_path_traversal');
  });

  it('refuses absolute paths', async () => {
    await expectRefused(craftZip([file('/etc/cron.d/evil', 'x')]), 400, 'package_absolute_path');
    await expectRefused(craftZip([file('C:/Windows/evil.txt', 'x')]), 400, 'package_absolute_path');
  });

  it('refuses symlinks', async () => {
    await expectRefused(
      craftZip([{ name: 'papers/link.pdf', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]),
      400,
      'package_symlink',
    );
  });

  it('refuses duplicate entries', async () => {
    await expectRefused(
      craftZip([file('meeting.json', '{}'), file('meeting.json', '{"x":1}')]),
      400,
      'package_duplicate_entry',
    );
    await expectRefused(
      craftZip([file('Meeting.json', '{}'), file('meeting.json', '{}')]),
      400,
      'package_duplicate_entry',
    );
  });

  it('refuses zip bombs by compression ratio and by total size', async () => {
    const bomb = await writeZip([['papers/zeros.pdf', Buffer.alloc(20 * 1024 * 1024)]]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expectRefused(bomb, 400, 'package_compression_ratio');
    // Sizes claimed in the headers add up past the limit: refused before a byte is inflated.
    const claims = Array.from({ length: 5 }, (_, i) => ({
      name: `papers/${i}.pdf`,
      data: Buffer.from('%PDF'),
      declaredSize: 0xfffffff0,
    }));
    await expectRefused(craftZip(claims), 413, 'package_too_large');
  });

  it('refuses a file whose checksum does not match the manifest', async () => {
    const tampered = new Map(files);
    tampered.set(
      `papers/${w.report.id}.pdf`,
      Buffer.concat([tampered.get(`papers/${w.report.id}.pdf`)!, Buffer.from('\n%extra')]),
    );
    await expectRefused(await writeZip(tampered), 400, 'package_checksum_mismatch');
  });

  it('refuses a manifest from a newer schema', async () => {
    await expectRefused(
      await repack(files, (_f, m) => (m.schemaVersion = 99)),
      400,
      'package_newer_schema',
    );
  });

  it('refuses missing manifests, unlisted files, and what is not a ZIP', async () => {
    const noManifest = new Map(files);
    noManifest.delete('manifest.json');
    await expectRefused(await writeZip(noManifest), 400, 'package_manifest_missing');
    const extra = new Map(files);
    extra.set('extra.txt', Buffer.from('not listed'));
    await expectRefused(await writeZip(extra), 400, 'package_file_unlisted');
    await expectRefused(Buffer.from('this is not a zip file at all'), 400, 'package_invalid');
    await expectRefused(zlib.gzipSync(pkg), 400, 'package_invalid');
  });

  it('refuses rows that would land in another meeting, and takes back papers already stored', async () => {
    const other = await repack(files, (f) => {
      const lines = f.get('records/agenda_items.jsonl')!.toString('utf8').trim().split('\n');
      const row = JSON.parse(lines[0]!) as Record<string, unknown>;
      row.id = 'injected-item';
      row.meeting_id = 'some-other-meeting';
      lines.push(JSON.stringify(row));
      f.set('records/agenda_items.jsonl', Buffer.from(`${lines.join('\n')}\n`));
    });
    await expectRefused(other, 400, 'package_records_invalid');
  });

  it('refuses a broken audit chain', async () => {
    const forged = await repack(files, (f) => {
      const a = JSON.parse(f.get('audit.json')!.toString('utf8')) as {
        events: Array<{ action: string }>;
      };
      a.events[0]!.action = 'meeting.delete';
      f.set('audit.json', Buffer.from(JSON.stringify(a)));
    });
    await expectRefused(forged, 400, 'package_audit_invalid');
  });

  it('is for admins only', async () => {
    const delegateOnTarget = await target.api('POST', '/users', {
      token: admin,
      body: { username: 'nv', password: 'pw-123456', displayName: 'NV' },
    });
    expect(delegateOnTarget.status).toBe(201);
    const t = await target.login('nv', 'pw-123456');
    expect((await importZip(pkg, t)).status).toBe(403);
  });
});

describe('import on a second host', () => {
  let answer: ImportAnswer;

  it('verifies the package in full and makes it a read-only archived meeting', async () => {
    answer = await json<ImportAnswer>(await importZip(pkg), 200);
    expect(answer.meetingId).toBe(w.meetingId);
    expect(answer.checks.map((c) => [c.name, c.ok])).toEqual(
      expect.arrayContaining([
        ['checksums', true],
        ['audit', true],
      ]),
    );
    const list = await json<Meeting[]>(await target.api('GET', '/meetings', { token: admin }), 200);
    expect(list.find((m) => m.id === w.meetingId)?.status).toBe('archived');
    // Read-only: the archived meeting refuses changes.
    const patch = await target.api('PATCH', `/meetings/${w.meetingId}`, {
      token: admin,
      body: { title: 'Sửa' },
    });
    expect(((await patch.json()) as { error: { code: string } }).error.code).toBe('meeting_locked');
    const agenda = await target.api('POST', `/meetings/${w.meetingId}/agenda`, {
      token: admin,
      body: { title: 'Thêm' },
    });
    expect(agenda.status).toBe(409);
  });

  it('serves the same paper bytes and a valid audit chain there', async () => {
    const res = await target.api('GET', `/documents/${w.report.id}/file`, { token: admin });
    expect(res.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(w.reportBytes))).toBe(
      0,
    );
    const audit = await json<AuditVerifyReport>(
      await target.api('GET', `/meetings/${w.meetingId}/audit/verify`, { token: admin }),
      200,
    );
    expect(audit.valid).toBe(true);
    const fromSource = await json<AuditVerifyReport>(
      await source.api('GET', `/meetings/${w.meetingId}/audit/verify`, {
        token: w.tokens.secretary,
      }),
      200,
    );
    expect(audit.head).toBe(fromSource.head);
  });

  it('finds the imported text by search', async () => {
    const a = await json<SearchAnswer>(
      await target.api('GET', '/search?q=ngan+sach', { token: admin }),
      200,
    );
    expect(a.hits.some((h) => h.documentId === w.report.id && h.page === 2)).toBe(true);
  });

  it('refuses the same package twice', async () => {
    await expectRefused(pkg, 409, 'package_already_imported');
  });
});
