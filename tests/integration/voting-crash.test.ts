// Crash safety of votes: a host process is killed with SIGKILL in the middle of a vote storm and
// restarted on the same data folder. Every acknowledged vote must be there, none counted twice,
// the audit chain must verify, and sync clients must reconnect and see the final result.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/host/archive/db';
import { resolveConfig } from '../../main/host/config';
import { silentLogger } from '../../main/host/logger';
import { createServices } from '../../main/host/services';
import { tempDataDir } from '../helpers/host';
import { LIVE_ROOT } from '../../shared/sync/live-meeting';
import type { Ballot } from '../../shared/api/schemas/ballots';
import { call, seedLiveMeeting } from './voting-seed';
import type { SeededMeeting } from './voting-seed';

const VOTERS = 100;
const KILL_AFTER_ACKS = 35;
const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];

function startHostProcess(
  dataDir: string,
  port: number,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/cli/host.ts', '--data', dataDir, '--port', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        PHONGHOP_ADMIN_PASSWORD: 'crash-test-admin',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (https?:\/\/[^\s]+)/.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    if (process.env.CRASH_DEBUG) child.stdout?.on('data', (c: Buffer) => process.stderr.write(c));
    child.once('exit', (code) =>
      reject(new Error(`host exited (${code}) before listening:\n${out}`)),
    );
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('kill -9 in the middle of a vote storm', () => {
  it(`keeps every acknowledged vote of ${VOTERS} voters, counts none twice, and the chain verifies`, async () => {
    const dataDir = tempDataDir('phonghop-crash-');
    // Seed users, sessions and the meeting offline, straight into the data folder.
    let m: SeededMeeting;
    {
      const db = openDatabase(path.join(dataDir, 'archive.sqlite'));
      const services = createServices(
        db,
        resolveConfig({ dataDir, announce: () => {} }),
        silentLogger(),
      );
      m = await seedLiveMeeting(services, { voters: VOTERS, prefix: 'crash' });
      services.liveMeeting.stopTimers();
      db.close();
    }

    let host = await startHostProcess(dataDir, 0);
    const port = Number(new URL(host.url).port);
    const base = host.url;
    await Promise.all(
      m.voters.map((v) =>
        call(base, 'POST', `/meetings/${m.meetingId}/attendance`, v.token, { status: 'present' }),
      ),
    );
    const created = await call(base, 'POST', `/meetings/${m.meetingId}/ballots`, m.chair.token, {
      question: 'Phiếu thử tải',
      secret: false,
      rule: 'majority_of_cast',
    });
    expect(created.status).toBe(201);
    const ballotId = (created.body as { id: string }).id;
    expect((await call(base, 'POST', `/ballots/${ballotId}/open`, m.chair.token)).status).toBe(200);

    // Sync clients on the live doc, through the crash and the restart.
    const clients = m.voters.slice(0, 10).map((v) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(
        `${base.replace(/^http/, 'ws')}/sync`,
        `meeting/${m.meetingId}`,
        doc,
        {
          params: { token: v.token },
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          maxBackoffTime: 200,
        },
      );
      return { doc, provider };
    });
    const ballotIn = (doc: Y.Doc) =>
      (doc.getMap<unknown>(LIVE_ROOT).get('ballots') as Ballot[] | undefined)?.find(
        (b) => b.id === ballotId,
      );
    await until(
      () => clients.every((c) => ballotIn(c.doc)?.status === 'open'),
      'clients to see the open ballot',
    );

    // The storm: everyone votes within 1.5 s (votes of one instant share a commit); the host is
    // killed after some acknowledgements, with the rest still arriving.
    const options = ['Tán thành', 'Không tán thành', 'Không biểu quyết'];
    const choiceOf = (i: number) => options[i % 3]!;
    const acked = new Map<string, string>();
    let killing: Promise<void> | null = null;
    const child = host.child;
    const storm = m.voters.map(async (v, i) => {
      await new Promise((r) => setTimeout(r, (i / VOTERS) * 1500));
      try {
        const r = await call(base, 'POST', `/ballots/${ballotId}/votes`, v.token, {
          option: choiceOf(i),
        });
        if (r.status === 200) acked.set(v.id, choiceOf(i));
        if (acked.size >= KILL_AFTER_ACKS && !killing) killing = killHard(child);
      } catch {
        // The connection died with the host: the vote may or may not have committed.
      }
    });
    await Promise.all(storm);
    if (!killing) killing = killHard(child);
    await killing;
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.size).toBeLessThan(VOTERS);

    // The database file after the crash, before the host touches it again.
    {
      const db = new BetterSqlite3(path.join(dataDir, 'archive.sqlite'));
      const participants = db
        .prepare('SELECT user_id FROM ballot_participation WHERE ballot_id = ?')
        .all(ballotId) as Array<{ user_id: string }>;
      const stored = new Map(
        (
          db
            .prepare('SELECT user_id, option_index FROM ballot_choices WHERE ballot_id = ?')
            .all(ballotId) as Array<{ user_id: string; option_index: number }>
        ).map((r) => [r.user_id, options[r.option_index]]),
      );
      const tallies = db
        .prepare('SELECT sum(votes) AS n FROM ballot_tallies WHERE ballot_id = ?')
        .get(ballotId) as { n: number };
      const events = db
        .prepare(
          "SELECT count(*) AS n FROM audit_events WHERE meeting_id = ? AND action = 'ballot.vote'",
        )
        .get(m.meetingId) as { n: number };
      db.close();
      for (const [voter, option] of acked) expect(stored.get(voter), voter).toBe(option);
      expect(participants.length).toBe(stored.size);
      expect(tallies.n).toBe(stored.size);
      expect(events.n).toBe(stored.size);
    }

    host = await startHostProcess(dataDir, port);
    expect(host.url).toBe(base);
    const verify = await call(
      base,
      'GET',
      `/meetings/${m.meetingId}/audit/verify`,
      m.secretary.token,
    );
    expect(verify.body).toMatchObject({ valid: true, firstBroken: null });

    // Every acknowledged vote is there, as cast.
    for (const v of m.voters.filter((x) => acked.has(x.id))) {
      const mine = await call(base, 'GET', `/ballots/${ballotId}`, v.token);
      expect((mine.body as { myVote: unknown }).myVote).toEqual({
        eligible: true,
        voted: true,
        option: acked.get(v.id),
      });
    }
    // The others try again: a vote that committed before the crash is refused, never counted twice.
    const retries = await Promise.all(
      m.voters.map(async (v, i) =>
        acked.has(v.id)
          ? 'acked'
          : (
              await call(base, 'POST', `/ballots/${ballotId}/votes`, v.token, {
                option: choiceOf(i),
              })
            ).status,
      ),
    );
    expect(
      retries.filter((r) => r !== 'acked' && r !== 200 && r !== 409),
      JSON.stringify(retries),
    ).toEqual([]);
    const again = await call(base, 'POST', `/ballots/${ballotId}/votes`, m.voters[0]!.token, {
      option: choiceOf(0),
    });
    expect(again.status).toBe(409);

    const closed = await call(base, 'POST', `/ballots/${ballotId}/close`, m.chair.token);
    const result = (closed.body as Ballot).result!;
    expect(result.cast).toBe(VOTERS);
    expect(result.counts).toEqual({
      'Tán thành': 34,
      'Không tán thành': 33,
      'Không biểu quyết': 33,
    });
    expect(result.votes).toHaveLength(VOTERS);

    // The sync clients reconnected by themselves and show the result.
    await until(
      () => clients.every((c) => ballotIn(c.doc)?.result?.cast === VOTERS),
      'clients to see the result after the restart',
    );
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
    const chain = await call(
      base,
      'GET',
      `/meetings/${m.meetingId}/audit/verify`,
      m.secretary.token,
    );
    expect(chain.body).toMatchObject({ valid: true });

    host.child.kill('SIGTERM');
    await new Promise((r) => host.child.once('exit', r));
  });
});
