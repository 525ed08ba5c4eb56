import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Numbered in tens (10, 20, ...); becomes PRAGMA user_version once applied. */
  version: number;
  name: string;
  up(db: Database): void;
}
