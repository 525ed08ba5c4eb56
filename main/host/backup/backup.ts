// Online backup of the whole data folder while the host serves: SQLite's backup API copies a
// consistent snapshot of the database page by page (writers are not blocked for the duration),
// then the snapshot and every file of the data folder (the content store, kept packages, the
// host's keys) go into one ZIP with a manifest of SHA-256 sums. restore.ts reads it back.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import type { Services } from '../services';
import { HOST_VERSION } from '../version';
import { createPackageWriter } from '../archive-package/package-writer';

export const BACKUP_FORMAT = 'phong-hop-khong-giay/backup';
export const BACKUP_SCHEMA_VERSION = 1;
export const DB_FILE = 'archive.sqlite';

/** Files of the data folder that are not data: the live database files, temp and quarantined copies. */
const SKIP =
  /^(archive\.sqlite(-wal|-shm|-journal)?|.*\.bak|.*\.corrupt-.*|tmp\/.*|documents\/tmp\/.*|backups\/.*)$/;

function* walk(root: string, rel = ''): Generator<string> {
  const dir = path.join(root, rel);
  for (const d of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) yield* walk(root, r);
    else if (d.isFile() && !SKIP.test(r)) yield r;
  }
}

/**
 * Writes the backup ZIP to a stream. `db` may be the host's own connection or a read-only one
 * opened by the CLI beside a running host.
 */
export function writeBackup(
  db: Database,
  dataDir: string,
  log?: { error(o: object, m: string): void },
): { stream: Readable; done: Promise<void> } {
  const w = createPackageWriter();
  const out = new PassThrough();
  w.output.pipe(out);
  const tmpDir = path.join(dataDir, 'tmp');
  const snapshot = path.join(tmpDir, `backup-${randomUUID()}.sqlite`);
  const done = (async () => {
    fs.mkdirSync(tmpDir, { recursive: true });
    try {
      await db.backup(snapshot);
      const schema = db.pragma('user_version', { simple: true }) as number;
      w.addStream(DB_FILE, 'database', () => fs.createReadStream(snapshot), { compress: true });
      let files = 0;
      for (const rel of walk(dataDir)) {
        const abs = path.join(dataDir, rel);
        w.addStream(rel, 'file', () => fs.createReadStream(abs, { highWaterMark: 256 * 1024 }), {
          compress: !rel.endsWith('.pdf') && !rel.endsWith('.zip'),
        });
        files++;
      }
      await w.finish((list) => ({
        format: BACKUP_FORMAT,
        schemaVersion: BACKUP_SCHEMA_VERSION,
        createdAt: new Date().toISOString(),
        generator: { app: 'phong-hop-khong-giay', version: HOST_VERSION },
        databaseSchema: schema,
        contents: { files },
        files: list,
      }));
      await new Promise<void>((resolve, reject) => {
        out.on('end', resolve);
        out.on('close', resolve);
        out.on('error', reject);
      });
    } finally {
      fs.rmSync(snapshot, { force: true });
    }
  })();
  done.catch((err: unknown) => {
    log?.error({ err }, 'backup failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return { stream: out, done };
}

/** GET /archive/backup: the backup streamed to the admin's browser. */
export function backupToStream(
  services: Services,
  actorId: string,
): { stream: Readable; filename: string } {
  services.tx(() => services.audit.append('', actorId, 'archive.backup', {}));
  const { stream } = writeBackup(services.db, services.config.dataDir, services.log);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return { stream, filename: `phong-hop-backup-${stamp}.zip` };
}

/** Writes a backup to `file` (the CLI and the tests); the file appears only once complete. */
export async function backupToFile(db: Database, dataDir: string, file: string): Promise<void> {
  const partial = `${file}.part`;
  const { stream, done } = writeBackup(db, dataDir);
  const sink = fs.createWriteStream(partial, { flags: 'wx' });
  try {
    await Promise.all([
      new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        sink.on('error', reject);
        sink.on('finish', resolve);
        stream.pipe(sink);
      }),
      done,
    ]);
    const fd = fs.openSync(partial, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}
