import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchAnswer } from '../../shared/api/schemas/search';
import { CorruptDatabaseError } from '../../main/host/backup/integrity';
import { restoreBackup, RestoreError } from '../../main/host/backup/restore';
import { startTestHost, tempDataDir } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { json } from './documents-helpers';
import { buildMeeting, readZip, writeZip } from './export-helpers';
import type { ArchivedWorld } from './export-helpers';

let host: TestHost;
let w: ArchivedWorld;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-backup-'));

function cli(script: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', `main/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  host = await startTestHost();
  w = await buildMeeting(host);
});
afterAll(async () => {
  await host?.stop(true);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  let backupFile: string;

  it('backs up over HTTP while the host keeps serving writes', async () => {
    const admin = await host.login('admin');
    const writes = Array.from({ length: 10 }, (_, i) =>
      host.api('POST', `/meetings/${w.meetingId}/agenda`, {
        token: w.tokens.secretary,
        body: { title: `Mục bổ sung ${i}` },
      }),
    );
    const res = await host.api('GET', '/archive/backup', { token: admin });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    for (const r of await Promise.all(writes)) expect(r.status).toBe(201);
    const files = await readZip(bytes);
    expect(files.has('archive.sqlite')).toBe(true);
    expect(files.has(`documents/${w.report.sha256.slice(0, 2)}/${w.report.sha256}.pdf`)).toBe(true);
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8')).format).toBe(
      'phong-hop-khong-giay/backup',
    );
    backupFile = path.join(tmp, 'http-backup.zip');
    fs.writeFileSync(backupFile, bytes);
    const delegate = await host.api('GET', '/archive/backup', { token: w.tokens['delegate-a'] });
    expect(delegate.status).toBe(403);
  });

  it('backs up with the CLI beside the running host', () => {
    const out = path.join(tmp, 'cli-backup.zip');
    const r = cli('backup', ['--data', host.dataDir, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    backupFile = out;
  });

  it('restores onto an empty folder, and the restored host serves the same archive', async () => {
    const dir = path.join(tmp, 'restored');
    const r = cli('restore', ['--from', backupFile, '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const restored = await startTestHost({ dataDir: dir });
    try {
      const token = await restored.login('delegate-a', 'pw-123456');
      const res = await restored.api('GET', `/documents/${w.report.id}/file`, { token });
      expect(res.status).toBe(200);
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(w.reportBytes))).toBe(
        0,
      );
      const found = await json<SearchAnswer>(
        await restored.api('GET', '/search?q=ngan+sach', { token }),
        200,
      );
      expect(found.hits.some((h) => h.documentId === w.report.id)).toBe(true);
    } finally {
      await restored.stop();
    }
  });

  it('refuses to restore onto a folder that is not empty', async () => {
    await expect(restoreBackup(backupFile, host.dataDir)).rejects.toThrow(RestoreError);
    const r = cli('restore', ['--from', backupFile, '--data', host.dataDir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not empty/);
  });

  it('refuses a damaged backup and leaves no folder behind', async () => {
    const files = await readZip(fs.readFileSync(backupFile));
    const paper = [...files.keys()].find((f) => f.endsWith('.pdf'))!;
    files.set(paper, Buffer.concat([files.get(paper)!, Buffer.from('x')]));
    const bad = path.join(tmp, 'bad.zip');
    fs.writeFileSync(bad, await writeZip(files));
    const dir = path.join(tmp, 'never');
    await expect(restoreBackup(bad, dir)).rejects.toThrow(/checksum/);
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('restoring'))).toEqual([]);
  });
});

describe('integrity check on start', () => {
  it('quarantines a corrupt database unchanged and refuses to start with a clear message', async () => {
    const dir = tempDataDir();
    const first = await startTestHost({ dataDir: dir });
    await first.stop();
    const file = path.join(dir, 'archive.sqlite');
    const fd = fs.openSync(file, 'r+');
    // Overwrite b-tree pages in the middle of the file (the header stays, so SQLite opens it).
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 4096 / 2) * 4096);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(file);

    const err = await startTestHost({ dataDir: dir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CorruptDatabaseError);
    const quarantined = (err as CorruptDatabaseError).quarantinedAs;
    expect((err as Error).message).toMatch(/damaged/);
    expect((err as Error).message).toContain(quarantined);
    expect(fs.existsSync(file)).toBe(false);
    expect(Buffer.compare(fs.readFileSync(quarantined), damaged)).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('also quarantines a file that is not a database at all', async () => {
    const dir = tempDataDir();
    fs.writeFileSync(path.join(dir, 'archive.sqlite'), Buffer.from('not a database '.repeat(1000)));
    await expect(startTestHost({ dataDir: dir })).rejects.toThrow(CorruptDatabaseError);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('archive.sqlite.corrupt-'))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
