// The host's commands write beside a second connection (the sync writer thread). A command's
// transaction must take the write lock when it begins: a deferred one that read first and then
// wrote after the other connection committed would fail at once (SQLITE_BUSY_SNAPSHOT) and answer
// 500 instead of waiting its turn.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

describe('command transactions and a second connection', () => {
  let host: TestHost;
  let other: Database.Database;

  beforeAll(async () => {
    host = await startTestHost({ demo: true });
    other = new Database(path.join(host.dataDir, 'archive.sqlite'));
    other.pragma('busy_timeout = 0');
  });
  afterAll(async () => {
    other.close();
    await host.stop(true);
  });

  it('holds the write lock from the start of services.tx', () => {
    const seen = host.services.tx(() => {
      // Nothing written yet inside the transaction, and still the other connection must wait.
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        return 'locked it';
      } catch (err) {
        return (err as { code?: string }).code ?? 'error';
      }
    });
    expect(seen).toBe('SQLITE_BUSY');
  });

  it('commands keep succeeding beside a second connection that commits in between', async () => {
    const token = await host.login('thu-ky');
    const meetingId = host.services.meetings.listAll()[0]!.id;
    // The other connection commits between the commands, as the sync writer thread does.
    for (let i = 0; i < 20; i++) {
      other.exec('BEGIN IMMEDIATE; COMMIT;');
      const res = await host.api('POST', `/meetings/${meetingId}/agenda`, {
        token,
        body: { title: `Mục ${i}` },
      });
      expect(res.status).toBe(201);
    }
  });
});
