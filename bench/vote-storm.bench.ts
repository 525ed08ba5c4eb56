// Vote storm: 1,000 simulated delegates, each with its own session, its own HTTP
// connection and its own y-websocket connection to `meeting/<m>`, check in; a ballot opens and
// every delegate votes at a random moment within 2 s. Then a crash run: the same storm, the host
// killed with SIGKILL halfway, restarted on the same data folder.
// The host runs as a child process (`tsx main/cli/host.ts`), so its CPU and memory are its own.
//   npm run bench -- vote-storm            (VOTERS=300 npm run bench -- vote-storm for a quick run)
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../main/host/archive/db';
import { resolveConfig } from '../main/host/config';
import { silentLogger } from '../main/host/logger';
import { createServices } from '../main/host/services';
import type { Ballot } from '../shared/api/schemas/ballots';
import { tempDataDir } from '../tests/helpers/host';
import { seedLiveMeeting } from '../tests/integration/voting-seed';
import type { Person, SeededMeeting } from '../tests/integration/voting-seed';
import { percentile, printTable } from './table';
import type { ClientReply, ClientRequest, Condition } from './vote-storm-clients';

const VOTERS = Number(process.env.VOTERS ?? 1000);
const SPREAD_MS = 2000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OPTIONS = ['Tán thành', 'Không tán thành', 'Không biểu quyết'];

// --- the host process -----------------------------------------------------------------------
interface HostProc {
  child: ChildProcess;
  url: string;
  startMs: number;
}
function startHostProcess(dataDir: string, port: number): Promise<HostProc> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      // BENCH_HOST_PROFILE=DIR writes the host's CPU profile there (to see where a storm's time goes).
      ...(process.env.BENCH_HOST_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HOST_PROFILE}`]
        : []),
      '--import',
      'tsx',
      'main/cli/host.ts',
      '--data',
      dataDir,
      '--port',
      String(port),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        PHONGHOP_ADMIN_PASSWORD: 'bench-admin',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /listening on (https?:\/\/[^\s]+)/.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        resolve({ child, url: m[1]!, startMs: performance.now() - t0 });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${out}`)));
  });
}
const killHard = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** CPU seconds (user + system) and memory of a process, from /proc (Linux). */
function procStats(pid: number): { cpuS: number; rssMb: number; peakMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuS: ticks / 100, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

// --- a simulated delegate: own HTTP agent, own sync connection (in the worker) ----------------
// Keep-alive as a browser does: the check-in's connection carries the vote (the host keeps idle
// connections for 60 s, longer than check-in → ballot open here).
interface Delegate {
  person: Person;
  agent: http.Agent;
}
function request(
  d: Delegate,
  base: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: string; hostMs: number }> {
  const url = new URL(`${base}/api/v1${route}`);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        agent: d.agent,
        headers: {
          authorization: `Bearer ${d.person.token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        // Server-Timing: the host's own time for the command, durable commit included.
        const timing = /app;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
        const hostMs = timing ? Number(timing[1]) : NaN;
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, hostMs }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
const delegate = (person: Person): Delegate => ({
  person,
  agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
});

/** The sync clients, in a worker thread. */
function syncClients() {
  // The worker loads the TypeScript module through tsx's API (loader flags do not reach workers).
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const file = JSON.stringify(new URL('./vote-storm-clients.ts', import.meta.url).href);
  const worker = new Worker(
    `import(${api}).then((m) => m.tsImport(${file}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true },
  );
  let nextId = 1;
  const waiting = new Map<number, (at: number) => void>();
  let onConnected: ((ms: number) => void) | undefined;
  worker.on('message', (r: ClientReply) => {
    if (r.kind === 'connected') onConnected?.(r.ms);
    else if (r.kind === 'done') waiting.get(r.id)?.(r.at);
    else throw new Error(`sync clients: ${r.message}`);
  });
  const send = (m: ClientRequest) => worker.postMessage(m);
  return {
    connect(base: string, meetingId: string, tokens: string[]): Promise<number> {
      return new Promise((resolve) => {
        onConnected = resolve;
        send({ kind: 'connect', base, meetingId, tokens });
      });
    },
    /** Resolves with the wall-clock time (performance.timeOrigin based) when every doc shows it. */
    until(c: Condition): Promise<number> {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        send({ kind: 'wait', id, until: c });
      });
    },
    async close(): Promise<void> {
      send({ kind: 'close' });
      await new Promise((r) => worker.once('exit', r));
    },
  };
}
const wallNow = () => performance.timeOrigin + performance.now();

async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function seed(dataDir: string): Promise<SeededMeeting> {
  const db = openDatabase(path.join(dataDir, 'archive.sqlite'));
  const services = createServices(
    db,
    resolveConfig({ dataDir, announce: () => {} }),
    silentLogger(),
  );
  const m = await seedLiveMeeting(services, { voters: VOTERS, prefix: 'bench' });
  services.liveMeeting.stopTimers();
  db.close();
  return m;
}

async function setup(base: string, m: SeededMeeting) {
  const chair = delegate(m.chair);
  const delegates = m.voters.map(delegate);
  const clients = syncClients();
  const syncMs = await clients.connect(
    base,
    m.meetingId,
    m.voters.map((v) => v.token),
  );
  const t0 = wallNow();
  await inBatches(delegates, 100, (d) =>
    request(d, base, 'POST', `/meetings/${m.meetingId}/attendance`, { status: 'present' }),
  );
  const checkInMs = wallNow() - t0;
  const tAcked = wallNow();
  const checkInSeenMs = (await clients.until({ what: 'present', n: VOTERS })) - tAcked;
  return { chair, delegates, clients, syncMs, checkInMs, checkInSeenMs };
}

// --- run 1: the storm ------------------------------------------------------------------------
async function storm() {
  const dataDir = tempDataDir('phonghop-bench-');
  const m = await seed(dataDir);
  const host = await startHostProcess(dataDir, 0);
  const pid = host.child.pid!;
  const { chair, delegates, clients, syncMs, checkInMs, checkInSeenMs } = await setup(host.url, m);

  const created = await request(chair, host.url, 'POST', `/meetings/${m.meetingId}/ballots`, {
    question: 'Bench',
    secret: true,
    rule: 'majority_of_cast',
  });
  const ballotId = (JSON.parse(created.body) as { id: string }).id;
  const before = procStats(pid);
  // This thread only sends the votes; its event-loop delay bounds what the latencies mean.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const tOpen = performance.now();
  await request(chair, host.url, 'POST', `/ballots/${ballotId}/open`);
  const latencies: number[] = [];
  const hostTimes: number[] = [];
  let acked = 0;
  let refused = 0;
  await Promise.all(
    delegates.map(async (d, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * SPREAD_MS));
      const t = performance.now();
      const r = await request(d, host.url, 'POST', `/ballots/${ballotId}/votes`, {
        option: OPTIONS[i % 3],
      });
      latencies.push(performance.now() - t);
      if (Number.isFinite(r.hostMs)) hostTimes.push(r.hostMs);
      if (r.status === 200) acked++;
      else refused++;
    }),
  );
  const tLastAck = wallNow();
  const stormMs = performance.now() - tOpen;
  lag.disable();
  const after = procStats(pid);
  const turnoutSeen = (await clients.until({ what: 'turnout', ballotId, cast: acked })) - tLastAck;

  const tClose = wallNow();
  const closed = await request(chair, host.url, 'POST', `/ballots/${ballotId}/close`);
  const closeAckMs = wallNow() - tClose;
  const resultSeenMs = (await clients.until({ what: 'result', ballotId })) - tClose;
  const result = (JSON.parse(closed.body) as Ballot).result!;
  const end = procStats(pid);

  latencies.sort((a, b) => a - b);
  hostTimes.sort((a, b) => a - b);
  printTable(
    `Vote storm: ${VOTERS} delegates, each with its own HTTP agent and sync connection, votes spread over ${SPREAD_MS} ms (secret ballot)`,
    [
      { measure: 'host start until listening (ms)', value: host.startMs },
      { measure: 'sync connections ready, 100 at a time (ms)', value: syncMs },
      { measure: 'check-in of all, 100 at a time (ms)', value: checkInMs },
      { measure: '  … last ack → every client shows all present (ms)', value: checkInSeenMs },
      { measure: 'votes acknowledged (200)', value: acked },
      { measure: 'votes refused', value: refused },
      { measure: 'votes counted at close', value: result.cast },
      { measure: 'acknowledged = counted', value: acked === result.cast ? 'yes' : 'NO' },
      { measure: 'cast latency p50 (ms)', value: percentile(latencies, 50) },
      { measure: 'cast latency p95 (ms)  [goal < 50]', value: percentile(latencies, 95) },
      { measure: 'cast latency max (ms)', value: latencies[latencies.length - 1]! },
      { measure: '  host time per vote p50 (ms, Server-Timing)', value: percentile(hostTimes, 50) },
      { measure: '  host time per vote p95 (ms, Server-Timing)', value: percentile(hostTimes, 95) },
      { measure: 'storm duration, open → last ack (ms)', value: stormMs },
      { measure: 'voting thread event-loop delay p99 (ms)', value: lag.percentile(99) / 1e6 },
      { measure: 'last ack → turnout on every client (ms)', value: turnoutSeen },
      { measure: 'close acknowledged (ms)', value: closeAckMs },
      { measure: 'close → result on every client (ms)  [goal < 1000]', value: resultSeenMs },
      {
        measure: 'host CPU during storm (% of one core)',
        value: (100 * (after.cpuS - before.cpuS)) / (stormMs / 1000),
      },
      { measure: 'host RSS after storm (MB)', value: end.rssMb },
      { measure: 'host peak RSS (MB)', value: end.peakMb },
    ],
  );
  await clients.close();
  chair.agent.destroy();
  for (const d of delegates) d.agent.destroy();
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// --- run 2: kill -9 halfway through the storm ---------------------------------------------------
async function crash() {
  const dataDir = tempDataDir('phonghop-bench-crash-');
  const m = await seed(dataDir);
  let host = await startHostProcess(dataDir, 0);
  const port = Number(new URL(host.url).port);
  const { chair, delegates, clients } = await setup(host.url, m);
  const created = await request(chair, host.url, 'POST', `/meetings/${m.meetingId}/ballots`, {
    question: 'Crash',
    secret: false,
    rule: 'majority_of_cast',
  });
  const ballotId = (JSON.parse(created.body) as { id: string }).id;
  await request(chair, host.url, 'POST', `/ballots/${ballotId}/open`);

  const acked = new Map<string, string>();
  let lost = 0;
  const victim = host.child;
  let killed: Promise<void> | undefined;
  await Promise.all(
    delegates.map(async (d, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * SPREAD_MS));
      try {
        const r = await request(d, host.url, 'POST', `/ballots/${ballotId}/votes`, {
          option: OPTIONS[i % 3],
        });
        if (r.status === 200) acked.set(d.person.id, OPTIONS[i % 3]!);
        if (acked.size >= VOTERS / 2) killed ??= killHard(victim);
      } catch {
        lost++;
      }
    }),
  );
  await (killed ?? killHard(victim));

  const db = new BetterSqlite3(path.join(dataDir, 'archive.sqlite'), { readonly: true });
  const stored = new Map(
    (
      db
        .prepare('SELECT user_id, option_index FROM ballot_choices WHERE ballot_id = ?')
        .all(ballotId) as Array<{ user_id: string; option_index: number }>
    ).map((r) => [r.user_id, OPTIONS[r.option_index]]),
  );
  const tally = (
    db.prepare('SELECT sum(votes) AS n FROM ballot_tallies WHERE ballot_id = ?').get(ballotId) as {
      n: number;
    }
  ).n;
  const voteEvents = (
    db
      .prepare(
        "SELECT count(*) AS n FROM audit_events WHERE meeting_id = ? AND action = 'ballot.vote'",
      )
      .get(m.meetingId) as { n: number }
  ).n;
  db.close();
  const missing = [...acked].filter(([id, option]) => stored.get(id) !== option).length;

  host = await startHostProcess(dataDir, port);
  const restartMs = host.startMs;
  const tListening = wallNow();
  const reconnectMs = (await clients.until({ what: 'connected' })) - tListening;
  const sawStateMs =
    (await clients.until({ what: 'turnout', ballotId, cast: stored.size })) - tListening;
  const tVerify = performance.now();
  const verify = JSON.parse(
    (await request(chair, host.url, 'GET', `/meetings/${m.meetingId}/audit/verify`)).body,
  ) as { valid: boolean; count: number };
  const verifyMs = performance.now() - tVerify;
  const retried = await Promise.all(
    delegates
      .filter((d) => !acked.has(d.person.id))
      .map((d, i) =>
        request(d, host.url, 'POST', `/ballots/${ballotId}/votes`, { option: OPTIONS[i % 3] }),
      ),
  );
  const closed = JSON.parse(
    (await request(chair, host.url, 'POST', `/ballots/${ballotId}/close`)).body,
  ) as Ballot;
  const doubled =
    (closed.result?.cast ?? 0) - new Set(closed.result?.votes?.map((v) => v.userId)).size;

  printTable(
    `Crash: SIGKILL after ${VOTERS / 2} acknowledged votes, restart on the same folder (named ballot)`,
    [
      { measure: 'votes acknowledged before the kill', value: acked.size },
      { measure: 'requests cut by the kill (outcome unknown to the client)', value: lost },
      { measure: 'votes in the file after the kill', value: stored.size },
      { measure: 'acknowledged votes missing or different', value: missing },
      {
        measure: 'tally sum = votes = audit vote events',
        value: tally === stored.size && voteEvents === stored.size ? 'yes' : 'NO',
      },
      { measure: 'restart until listening (ms)', value: restartMs },
      {
        measure: 'audit chain verifies (events)',
        value: `${verify.valid ? 'yes' : 'NO'} (${verify.count})`,
      },
      { measure: 'audit verify (ms)', value: verifyMs },
      { measure: 'all clients reconnected and synced (ms after listening)', value: reconnectMs },
      { measure: 'all clients show the stored turnout (ms after listening)', value: sawStateMs },
      {
        measure: 'retries: accepted / refused as already voted',
        value: `${retried.filter((r) => r.status === 200).length} / ${retried.filter((r) => r.status === 409).length}`,
      },
      { measure: 'votes counted twice', value: doubled },
      {
        measure: 'final count = voters',
        value: closed.result?.cast === VOTERS ? 'yes' : `NO (${closed.result?.cast})`,
      },
    ],
  );
  await clients.close();
  chair.agent.destroy();
  for (const d of delegates) d.agent.destroy();
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await storm();
// BENCH_STORM_ONLY=1 skips the crash run.
if (!process.env.BENCH_STORM_ONLY) await crash();
