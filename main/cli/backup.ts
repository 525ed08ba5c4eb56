// Online backup beside a running host: `npm run backup -- --data DIR --out FILE.zip`.
// Opens the database read-only (WAL lets it read while the host writes) and uses SQLite's backup
// API for a consistent snapshot, then adds the content store and the rest of the data folder.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { backupToFile, DB_FILE } from '../host/backup/backup';
import { defaultDataDir } from '../host/config';
import { parseArgs } from './args';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { data: 'string', out: 'string' });
  const dataDir = path.resolve(typeof args.data === 'string' ? args.data : defaultDataDir());
  const dbFile = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(dbFile)) {
    console.error(`No archive in ${dataDir} (${DB_FILE} is missing).`);
    return 2;
  }
  const out = path.resolve(
    typeof args.out === 'string'
      ? args.out
      : `phong-hop-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.zip`,
  );
  if (fs.existsSync(out)) {
    console.error(`${out} already exists; choose another file.`);
    return 2;
  }
  const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    await backupToFile(db, dataDir, out);
  } finally {
    db.close();
  }
  console.log(`Backup written: ${out} (${fs.statSync(out).size} bytes)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
