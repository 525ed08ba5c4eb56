import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../shared/api/schemas/archive';
import type { AuditEvent, AuditVerifyReport } from '../../shared/api/schemas/audit';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { buildMeeting, downloadExport, readZip, repack, sha256 } from './export-helpers';
import { connect, until } from './sync-helpers';
import { putAnnotation } from '../../shared/annotations/ydoc';
import type { InkAnnotation } from '../../shared/annotations/model';
import type { ArchivedWorld } from './export-helpers';

let host: TestHost;
let w: ArchivedWorld;
let pkg: Buffer;
let files: Map<string, Buffer>;
let manifest: Manifest;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-export-'));

beforeAll(async () => {
  host = await startTestHost();
  w = await buildMeeting(host);
  pkg = await downloadExport(host, w.tokens.secretary!, w.meetingId);
  files = await readZip(pkg);
  manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
});
afterAll(async () => {
  await host?.stop(true);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function verifyCli(file: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'main/cli/verify-package.ts', file, '--lang', 'en'],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

describe('meeting export', () => {
  it('lists every file in a versioned manifest with its SHA-256', () => {
    expect(manifest.format).toBe('phong-hop-khong-giay/meeting-archive');
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.meeting.id).toBe(w.meetingId);
    const inZip = [...files.keys()].filter((f) => f !== 'manifest.json').sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(inZip);
    for (const f of manifest.files) {
      expect(sha256(files.get(f.path)!), f.path).toBe(f.sha256);
      expect(files.get(f.path)!.length).toBe(f.size);
    }
  });

  it('holds the papers as uploaded, ballots, attendance, the audit chain and the records', async () => {
    expect(
      Buffer.compare(files.get(`papers/${w.report.id}.pdf`)!, Buffer.from(w.reportBytes)),
    ).toBe(0);
    expect(files.has(`papers/${w.secret.id}.pdf`)).toBe(true);
    const ballots = JSON.parse(files.get('ballots.json')!.toString('utf8')) as Array<{
      question: string;
    }>;
    expect(ballots.map((b) => b.question)).toContain('Thông qua kế hoạch đầu tư công trung hạn');
    const attendance = JSON.parse(files.get('attendance.json')!.toString('utf8')) as Array<{
      username: string;
      status: string;
    }>;
    expect(attendance).toContainEqual(
      expect.objectContaining({ username: 'delegate-a', status: 'present' }),
    );
    const audit = JSON.parse(files.get('audit.json')!.toString('utf8')) as {
      verification: AuditVerifyReport;
      events: AuditEvent[];
    };
    expect(audit.verification.valid).toBe(true);
    expect(audit.events.length).toBe(manifest.audit.count);
    expect(audit.events.at(-1)!.hash).toBe(manifest.audit.head);
    const server = (await (
      await host.api('GET', `/meetings/${w.meetingId}/audit/verify`, { token: w.tokens.secretary })
    ).json()) as AuditVerifyReport;
    expect(server.valid).toBe(true);
    expect(files.get('records/meetings.jsonl')!.toString('utf8')).toContain(w.meetingId);
    expect(files.has('records/documents.jsonl')).toBe(true);
    const users = files.get('users.json')!.toString('utf8');
    expect(users).toContain('delegate-a');
    expect(users).not.toMatch(/password|scrypt/);
    expect(manifest.notIncluded.some((n) => n.startsWith('minutes'))).toBe(true);
  });

  it('is only for the secretary (and admins)', async () => {
    expect(
      (await host.api('GET', `/meetings/${w.meetingId}/export`, { token: w.tokens['delegate-a'] }))
        .status,
    ).toBe(403);
    expect(
      (await host.api('GET', `/meetings/${w.meetingId}/export`, { token: w.tokens.outsider }))
        .status,
    ).toBe(404);
    const admin = await host.login('admin');
    expect(
      (await host.api('GET', `/meetings/${w.meetingId}/export`, { token: admin })).status,
    ).toBe(200);
  });

  it('verifies offline with the CLI, and the CLI catches a tampered file', async () => {
    const good = path.join(tmp, 'good.zip');
    fs.writeFileSync(good, pkg);
    const ok = verifyCli(good);
    expect(ok.stdout).toContain('RESULT: VALID');
    expect(ok.stdout).toMatch(/\[OK\] checksums/);
    expect(ok.stdout).toMatch(/\[OK\] audit/);
    expect(ok.status).toBe(0);

    const tampered = new Map(files);
    const meeting = tampered
      .get('meeting.json')!
      .toString('utf8')
      .replace('Họp thử tài liệu', 'Họp đã bị sửa');
    tampered.set('meeting.json', Buffer.from(meeting));
    const bad = path.join(tmp, 'bad.zip');
    const { writeZip } = await import('./export-helpers');
    fs.writeFileSync(bad, await writeZip(tampered));
    const r = verifyCli(bad);
    expect(r.stdout).toContain('package_checksum_mismatch');
    expect(r.stdout).toContain('meeting.json');
    expect(r.status).toBe(1);

    // A forged audit event with sums recomputed: the checksums pass, the hash chain does not.
    const forged = path.join(tmp, 'forged.zip');
    fs.writeFileSync(
      forged,
      await repack(files, (f) => {
        const a = JSON.parse(f.get('audit.json')!.toString('utf8')) as { events: AuditEvent[] };
        a.events[0]!.payload = { title: 'sửa lịch sử' };
        f.set('audit.json', Buffer.from(JSON.stringify(a)));
      }),
    );
    const r2 = verifyCli(forged);
    expect(r2.stdout).toContain('package_audit_invalid');
    expect(r2.status).toBe(1);
  });

  it('includes the shared annotation layer as W3C Web Annotation and as an annotated PDF', async () => {
    const client = connect(host, `annotations/${w.report.id}`, w.tokens['delegate-a']);
    await client.synced;
    const ink: InkAnnotation = {
      id: 'ink-1',
      kind: 'ink',
      author: w.users['delegate-a']!,
      authorName: 'delegate-a',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      documentVersion: w.report.sha256,
      page: 2,
      style: { color: '#d32f2f', width: 2, opacity: 1 },
      points: [
        [100, 500, 0.5],
        [200, 520, 0.6],
      ],
    };
    putAnnotation(client.doc, ink);
    const stored = () =>
      host.services.db
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM ydoc_updates WHERE doc = ?')
        .get(`annotations/${w.report.id}`)!.n;
    await until(() => stored() > 0, 'the annotation to be persisted');
    client.destroy();

    const again = await readZip(await downloadExport(host, w.tokens.secretary!, w.meetingId));
    const jsonld = JSON.parse(again.get(`annotations/${w.report.id}.jsonld`)!.toString('utf8')) as {
      type: string;
      items?: Array<{ type: string; target: unknown }>;
    };
    expect(JSON.stringify(jsonld)).toContain('"Annotation"');
    expect(JSON.stringify(jsonld)).toContain('page=2');
    const annotated = again.get(`annotated/${w.report.id}.pdf`)!;
    expect(annotated.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(annotated.toString('latin1')).toContain('/Ink');
    const m = JSON.parse(again.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(m.contents.annotatedPapers).toBe(1);
  });
});
