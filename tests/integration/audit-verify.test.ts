// The audit chain over HTTP and offline: a tampered event is named by GET /audit/verify and by
// the audit-verify CLI run on the data folder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { call, seedLiveMeeting } from './voting-seed';
import type { SeededMeeting } from './voting-seed';

const root = path.resolve(import.meta.dirname, '../..');
let host: TestHost;
let m: SeededMeeting;

function runCli(dataDir: string): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'main/cli/audit-verify.ts'), '--data', dataDir],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  host = await startTestHost();
  m = await seedLiveMeeting(host.services, { voters: 3, prefix: 'au' });
  for (const v of m.voters)
    await call(host.url, 'POST', `/meetings/${m.meetingId}/attendance`, v.token, {
      status: 'present',
    });
  const b = (
    await call(host.url, 'POST', `/meetings/${m.meetingId}/ballots`, m.chair.token, {
      question: 'Q',
      secret: false,
      rule: 'majority_of_cast',
    })
  ).body as { id: string };
  await call(host.url, 'POST', `/ballots/${b.id}/open`, m.chair.token);
  await call(host.url, 'POST', `/ballots/${b.id}/votes`, m.voters[0]!.token, {
    option: 'Tán thành',
  });
  await call(host.url, 'POST', `/ballots/${b.id}/close`, m.chair.token);
});
afterAll(async () => {
  await host.stop(true);
});

describe('audit chain', () => {
  it('lists every change with who, what, when and the previous hash', async () => {
    const r = await call(host.url, 'GET', `/meetings/${m.meetingId}/audit`, m.voters[1]!.token);
    expect(r.status).toBe(200);
    const events = r.body as Array<{
      seq: number;
      action: string;
      actorId: string;
      prevHash: string;
      hash: string;
      at: string;
    }>;
    expect(events.map((e) => e.action)).toEqual([
      'meeting.create',
      'attendance.mark',
      'attendance.mark',
      'attendance.mark',
      'ballot.create',
      'ballot.open',
      'ballot.vote',
      'ballot.close',
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(events[6]!.actorId).toBe(m.voters[0]!.id);
    const page = await call(
      host.url,
      'GET',
      `/meetings/${m.meetingId}/audit?after=6&limit=1`,
      m.voters[1]!.token,
    );
    expect((page.body as Array<{ seq: number }>).map((e) => e.seq)).toEqual([7]);
    const bad = await call(
      host.url,
      'GET',
      `/meetings/${m.meetingId}/audit?limit=abc`,
      m.voters[1]!.token,
    );
    expect(bad.status).toBe(400);
    const outsider = await call(
      host.url,
      'GET',
      `/meetings/${m.meetingId}/audit/verify`,
      m.outsider.token,
    );
    expect(outsider.status).toBe(404);
  });

  it('verifies online and offline, then names the first tampered event', async () => {
    const good = await call(
      host.url,
      'GET',
      `/meetings/${m.meetingId}/audit/verify`,
      m.voters[1]!.token,
    );
    expect(good.body).toMatchObject({ valid: true, count: 8, firstBroken: null });
    await host.stop();

    const clean = runCli(host.dataDir);
    expect(clean.status, clean.out).toBe(0);
    expect(clean.out).toContain(`OK      ${m.meetingId}: 8 events`);

    // Someone edits a vote in the file: the chain no longer matches from that event on.
    const db = new BetterSqlite3(path.join(host.dataDir, 'archive.sqlite'));
    db.prepare(
      "UPDATE audit_events SET payload = replace(payload, 'Tán thành', 'Không tán thành') WHERE meeting_id = ? AND seq = 7",
    ).run(m.meetingId);
    db.close();

    const broken = runCli(host.dataDir);
    expect(broken.status, broken.out).toBe(1);
    expect(broken.out).toContain(
      `BROKEN  ${m.meetingId}: event 7: event content does not match its hash`,
    );

    host = await startTestHost({ dataDir: host.dataDir });
    const online = await call(
      host.url,
      'GET',
      `/meetings/${m.meetingId}/audit/verify`,
      m.voters[1]!.token,
    );
    expect(online.body).toMatchObject({ valid: false, firstBroken: { seq: 7 } });
  });

  it('the CLI refuses a folder without an archive', () => {
    const r = runCli(path.join(host.dataDir, 'nowhere'));
    expect(r.status).toBe(2);
    expect(r.out).toContain('No archive');
  });
});
