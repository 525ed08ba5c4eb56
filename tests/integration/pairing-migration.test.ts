// Migration 0060 (security): host identity, pairing codes, login throttling; STRICT tables, and
// secrets kept only as hashes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/host/archive/db';
import { migrations } from '../../main/host/archive/migrations';
import { tempDataDir } from '../helpers/host';

describe('migration 0060-security', () => {
  it('is listed and creates STRICT tables with hashed secrets only', () => {
    expect(migrations.map((m) => m.version)).toContain(60);
    const dir = tempDataDir();
    const db = openDatabase(path.join(dir, 'archive.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(60);
    const tables = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('host_identity','pairing_codes','login_throttle')",
      )
      .all();
    expect(tables.map((t) => t.name).sort()).toEqual([
      'host_identity',
      'login_throttle',
      'pairing_codes',
    ]);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('pairing_codes')")
      .all()
      .map((c) => c.name);
    expect(columns).toEqual(
      expect.arrayContaining(['code_hash', 'token_hash', 'expires_at', 'used_at']),
    );
    expect(columns).not.toContain('code');
    expect(columns).not.toContain('token');
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
