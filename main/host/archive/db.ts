import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/types';
import { migrations as allMigrations } from './migrations';
import { quarantineIfCorrupt } from '../backup/integrity';

export type { Database };

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The archive was written by a newer version of the app (schema ${found}; this app knows up to ${supported}). ` +
        'Refusing to open it so that nothing is lost: upgrade the app.',
    );
  }
}

export interface OpenOptions {
  /** For tests of the runner itself; production uses every known migration. */
  migrations?: readonly Migration[];
  /** Called with the backup path before a migration changes an existing database. */
  onBackup?: (backupPath: string) => void;
}

/**
 * Opens (creating if needed) the archive database and brings its schema up to date.
 * WAL lets readers work while a vote is being written; synchronous=FULL makes every commit
 * durable before it is acknowledged (votes, signatures and audit events must survive a crash).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const migrations = options.migrations ?? allMigrations;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // A damaged file is moved aside (never deleted or overwritten) and the open refused.
  quarantineIfCorrupt(file);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file, existed, migrations, options.onBackup);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

function migrate(
  db: Database,
  file: string,
  existed: boolean,
  migrations: readonly Migration[],
  onBackup?: (backupPath: string) => void,
): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (current > latest) throw new NewerDatabaseError(current, latest);
  const pending = migrations
    .filter((m) => m.version > current)
    .sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  if (existed && current > 0) {
    // A copy of the whole file before any schema change: a failed or regretted upgrade can be undone.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const backup = `${file}.v${current}.${Date.now()}.bak`;
    fs.copyFileSync(file, backup);
    onBackup?.(backup);
  }
  const apply = db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  apply();
}
