// Restores a backup onto an empty data folder. The ZIP is checked like any untrusted package
// (safe-zip.ts), extracted beside the target, every file compared with the manifest, the database
// checked with PRAGMA integrity_check, and only then renamed into place: a failed restore leaves
// no half-restored folder behind.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../api/api-error';
import { checkEntryName, extractEntry, openChecked, readEntry } from '../archive-package/safe-zip';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, DB_FILE } from './backup';

interface BackupManifest {
  format: string;
  schemaVersion: number;
  files: Array<{ path: string; sha256: string; size: number }>;
}

export class RestoreError extends Error {}

function isEmptyDir(dir: string): boolean {
  return (
    !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0)
  );
}

export async function restoreBackup(
  backupFile: string,
  dataDir: string,
): Promise<{ files: number }> {
  if (!isEmptyDir(dataDir))
    throw new RestoreError(
      `Refusing to restore into ${dataDir}: the folder is not empty. Restore onto an empty or new folder.`,
    );
  const staging = `${path.resolve(dataDir)}.restoring-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    const { zip, entries } = await openChecked(backupFile, {
      maxEntries: 1_000_000,
      maxTotalBytes: 1024 ** 4,
      maxEntryBytes: 256 * 1024 ** 3,
      maxRatio: 1000,
      ratioFloorBytes: 16 * 1024 * 1024,
    });
    try {
      const me = entries.find((e) => e.name === 'manifest.json');
      if (!me) throw new RestoreError('Not a backup: manifest.json is missing.');
      const manifest = JSON.parse(
        (await readEntry(zip, me, 256 * 1024 * 1024)).toString('utf8'),
      ) as BackupManifest;
      if (manifest.format !== BACKUP_FORMAT)
        throw new RestoreError('Not a backup of this application.');
      if (manifest.schemaVersion > BACKUP_SCHEMA_VERSION)
        throw new RestoreError(
          `The backup was written by a newer version (format ${manifest.schemaVersion}); upgrade the app first.`,
        );
      const listed = new Map(manifest.files.map((f) => [checkEntryName(f.path), f]));
      let files = 0;
      for (const e of entries) {
        if (e === me) continue;
        const want = listed.get(e.name);
        if (!want) throw new RestoreError(`${e.name} is not listed in the manifest.`);
        const dest = path.join(staging, ...e.name.split('/'));
        // checkEntryName already refused '..' and absolute names; this is the belt to those braces.
        if (!dest.startsWith(staging + path.sep))
          throw new RestoreError(`${e.name} points outside the data folder.`);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        const got = await extractEntry(zip, e, dest);
        if (got.sha256 !== want.sha256 || got.size !== want.size)
          throw new RestoreError(`${e.name} does not match its checksum.`);
        listed.delete(e.name);
        files++;
      }
      if (listed.size > 0)
        throw new RestoreError(
          `The backup is incomplete: ${[...listed.keys()].slice(0, 5).join(', ')} missing.`,
        );
      const dbFile = path.join(staging, DB_FILE);
      if (!fs.existsSync(dbFile)) throw new RestoreError('The backup holds no database.');
      const db = new BetterSqlite3(dbFile, { fileMustExist: true });
      try {
        const result = db.pragma('integrity_check', { simple: true });
        if (result !== 'ok')
          throw new RestoreError(`The database in the backup is damaged: ${String(result)}`);
      } finally {
        db.close();
      }
      if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir);
      fs.renameSync(staging, dataDir);
      return { files };
    } finally {
      zip.close();
    }
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (err instanceof ApiError)
      throw new RestoreError(
        `The backup file is not safe to restore (${err.code}${err.params.name ? `: ${err.params.name}` : ''}).`,
      );
    throw err;
  }
}
