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
    // A table of its own for the other connection to commit rows to.
    other.exec('CREATE TABLE lock_probe (x INTEGER)');
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

  it('a transaction that reads, meets a commit by the other connection, then writes, commits', () => {
    const meetingId = host.services.meetings.listAll()[0]!.id;
    const before = host.services.meetings.agenda(meetingId).length;
    host.services.tx(() => {
      host.services.meetings.agenda(meetingId); // a read: a deferred transaction's snapshot starts
      try {
        // The sync writer thread committing now; it must wait (busy), not slip in between.
        other.exec('INSERT INTO lock_probe VALUES (1)');
      } catch {
        // SQLITE_BUSY: the lock is held, as it should be.
      }
      host.services.meetings.addAgendaItem(meetingId, { title: 'Mục thêm' });
    });
    expect(host.services.meetings.agenda(meetingId).length).toBe(before + 1);
  });
});
