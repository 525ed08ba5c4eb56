// Integrity check on start: PRAGMA quick_check before the host uses the database. A damaged file
// is never deleted or overwritten: it is moved aside (with its -wal and -shm files) under a name
// that says what happened, and the host refuses to start with a message saying how to recover.
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export class CorruptDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly quarantinedAs: string,
    readonly detail: string,
  ) {
    super(
      `The archive database ${file} is damaged (${detail}). It was moved aside, unchanged, to ${quarantinedAs}. ` +
        'Restore the latest backup onto an empty data folder (npm run restore -- --from BACKUP.zip --data DIR), ' +
        'or start with an empty folder; keep the damaged copy for recovery.',
    );
  }
}

/** Returns null when the file is sound (or absent), else the reason it is not. */
export function checkDatabaseFile(file: string): string | null {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return null;
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length === 0 ? null : problems.slice(0, 3).join('; ');
  } catch (err) {
    return (err as Error).message;
  } finally {
    db?.close();
  }
}

/** Checks `file`; a damaged one is renamed to `<file>.corrupt-<time>` and CorruptDatabaseError thrown. */
export function quarantineIfCorrupt(file: string): void {
  const problem = checkDatabaseFile(file);
  if (!problem) return;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.corrupt-${stamp}`;
  fs.renameSync(file, target);
  for (const side of ['-wal', '-shm'])
    if (fs.existsSync(file + side)) fs.renameSync(file + side, target + side);
  throw new CorruptDatabaseError(file, target, problem);
}
