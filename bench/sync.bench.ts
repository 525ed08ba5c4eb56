// Sync server under a drawing workload: 50 stock y-websocket clients on one annotations doc, each
// drawing strokes (every stroke grows over several frames, one update per frame). Measures how
// long an update takes to reach the other 49 clients, throughput, and the host's CPU and memory;
// then the same workload against the stock @y/websocket-server 0.1.1 (in memory, no auth, no
// persistence) for comparison. Each server runs in its own child process so its CPU is its own.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { percentile, printTable } from './table';

// SYNC_BENCH_CLIENTS overrides the client count for quick local runs.
const CLIENTS = Number(process.env.SYNC_BENCH_CLIENTS ?? 50);
const STROKES = 10;
const FRAMES_PER_STROKE = 8;
const FRAME_MS = 16;
const PAUSE_BETWEEN_STROKES_MS = 120;
/**
 * A delegate annotating a paper: a stroke, then reading or thinking before the next one. Fifty
 * people drawing without pause is a stress test of the load generator itself: all fifty clients
 * share this one process, and each frame must be applied by the 49 others here (≈150,000 applies a
 * second), so that scenario measures this process's queue more than either server.
 */
const PEN_PAUSE_MS: readonly [number, number] = [1500, 4500];
const DOC = 'annotations/bench-paper';

type ServerKind = 'ours' | 'stock';
interface Ready {
  type: 'ready';
  url: string;
  tokens: string[];
}
interface Stats {
  type: 'stats';
  cpuMicros: number;
  rss: number;
  heapUsed: number;
}

// ---------------------------------------------------------------- server side (child process)

async function serveOurs(): Promise<void> {
  const { startHost } = await import('../main/host/host');
  const { silentLogger } = await import('../main/host/logger');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-bench-sync-'));
  process.env.PHONGHOP_ADMIN_PASSWORD = 'bench-admin-password';
  const host = await startHost(
    { dataDir, port: 0, bind: '127.0.0.1', announce: () => {}, rendererDir: null },
    silentLogger(),
  );
  const s = host.services;
  const chair = s.users.create({
    username: 'bench-chair',
    displayName: 'Chair',
    passwordHash: 'x',
    isAdmin: false,
    canCreateMeetings: true,
  });
  const meeting = s.meetings.create({
    title: 'Bench',
    startsAt: new Date().toISOString(),
    createdBy: chair.id,
  });
  const users = Array.from({ length: CLIENTS }, (_, i) =>
    s.users.create({
      username: `bench-${i}`,
      displayName: `Đại biểu ${i}`,
      passwordHash: 'x',
      isAdmin: false,
      canCreateMeetings: false,
    }),
  );
  s.meetings.replaceParticipants(meeting.id, [
    { userId: chair.id, role: 'chair', canVote: true },
    ...users.map((u) => ({ userId: u.id, role: 'delegate' as const, canVote: true })),
  ]);
  s.meetings.setStatus(meeting.id, 'published');
  // The paper exists for this run only: every participant may see it.
  const realPapers = s.papers;
  s.papers = {
    ...realPapers,
    meetingOf: (d) => (d === 'bench-paper' ? meeting.id : realPapers.meetingOf(d)),
    canSee: (d, userId) =>
      d === 'bench-paper'
        ? s.meetings.roleOf(meeting.id, userId) !== undefined
        : realPapers.canSee(d, userId),
  };
  const tokens = users.map((u) => s.sessions.create(u.id).token);
  serveControl({ type: 'ready', url: host.url, tokens }, async () => {
    await host.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
}

async function serveStock(): Promise<void> {
  const { setupWSConnection } = (await import('@y/websocket-server/utils')) as {
    setupWSConnection: (
      conn: WebSocket,
      req: http.IncomingMessage,
      opts?: { docName?: string; gc?: boolean },
    ) => void;
  };
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_req, res) => res.end('stock'));
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      setupWSConnection(ws, req, {
        docName: (req.url ?? '/').slice('/sync/'.length).split('?')[0],
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  serveControl(
    { type: 'ready', url, tokens: Array.from({ length: CLIENTS }, () => 'none') },
    async () => {
      server.closeAllConnections();
      server.close();
    },
  );
}

function serveControl(ready: Ready, stop: () => Promise<void>): void {
  process.on('message', (msg: string) => {
    if (msg === 'stats') {
      const cpu = process.cpuUsage();
      const mem = process.memoryUsage();
      const stats: Stats = {
        type: 'stats',
        cpuMicros: cpu.user + cpu.system,
        rss: mem.rss,
        heapUsed: mem.heapUsed,
      };
      process.send!(stats);
    } else if (msg === 'stop') {
      void stop().then(() => process.exit(0));
    }
  });
  process.send!(ready);
}

// ---------------------------------------------------------------- clients (parent process)

function startServer(kind: ServerKind): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(fileURLToPath(import.meta.url), [kind], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (msg: Ready) => resolve({ child, ready: msg }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function ask(child: ChildProcess): Promise<Stats> {
  return new Promise((resolve) => {
    child.once('message', (msg: Stats) => resolve(msg));
    child.send('stats');
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Result {
  server: string;
  updates: number;
  deliveries: number;
  seconds: number;
  latencies: number[];
  hostCpuPercent: number;
  hostRssMb: number;
  hostHeapMb: number;
}

interface Workload {
  drawers: number;
  /** Pause between two strokes of one client, min and max (uniform). */
  pauseMs: readonly [number, number];
}

async function runWorkload(kind: ServerKind, { drawers, pauseMs }: Workload): Promise<Result> {
  const { child, ready } = await startServer(kind);
  const clients = ready.tokens.map((token) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${ready.url.replace(/^http/, 'ws')}/sync`, DOC, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    return { doc, provider };
  });
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve) =>
          c.provider.synced ? resolve() : c.provider.once('sync', () => resolve()),
        ),
    ),
  );

  const latencies: number[] = [];
  let finals = 0;
  for (const c of clients) {
    const strokes = c.doc.getMap<{ sentAt: number; final: boolean }>('annotations');
    strokes.observe((event, tr) => {
      if (tr.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const v = strokes.get(key);
        if (!v) continue;
        latencies.push(now - v.sentAt);
        if (v.final) finals++;
      }
    });
  }
  await sleep(500); // awareness announcements of 50 clients settle first
  const before = await ask(child);
  const t0 = performance.now();
  let updates = 0;
  await Promise.all(
    clients.slice(0, drawers).map(async (c, ci) => {
      const strokes = c.doc.getMap<unknown>('annotations');
      const pause = () => pauseMs[0] + Math.random() * (pauseMs[1] - pauseMs[0]);
      await sleep(Math.random() * pause());
      for (let s = 0; s < STROKES; s++) {
        const id = `c${ci}-s${s}`;
        const points: number[][] = [];
        for (let f = 0; f < FRAMES_PER_STROKE; f++) {
          for (let p = 0; p < 4; p++) points.push([100 + f * 10 + p, 200 + ci, 0.5]);
          strokes.set(id, {
            id,
            kind: 'ink',
            page: 1,
            points: [...points],
            sentAt: performance.now(),
            final: f === FRAMES_PER_STROKE - 1,
          });
          updates++;
          await sleep(FRAME_MS);
        }
        await sleep(pause());
      }
    }),
  );
  const expectedFinals = drawers * STROKES * (CLIENTS - 1);
  while (finals < expectedFinals) await sleep(5);
  const seconds = (performance.now() - t0) / 1000;
  const after = await ask(child);
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  return {
    server:
      kind === 'ours'
        ? 'phonghop sync (SQLite, per-message auth)'
        : '@y/websocket-server 0.1.1 (memory)',
    updates,
    deliveries: latencies.length,
    seconds,
    latencies: latencies.sort((a, b) => a - b),
    hostCpuPercent: ((after.cpuMicros - before.cpuMicros) / 1e6 / seconds) * 100,
    hostRssMb: after.rss / 1024 / 1024,
    hostHeapMb: after.heapUsed / 1024 / 1024,
  };
}

async function scenario(title: string, w: Workload): Promise<void> {
  const results: Result[] = [];
  for (const kind of ['ours', 'stock'] as const) results.push(await runWorkload(kind, w));
  const rows = results.map((r) => ({
    server: r.server,
    'updates sent': r.updates,
    deliveries: r.deliveries,
    seconds: r.seconds,
    'latency p50 ms': percentile(r.latencies, 50),
    'latency p95 ms': percentile(r.latencies, 95),
    'latency max ms': r.latencies[r.latencies.length - 1] ?? NaN,
    'deliveries/s': r.deliveries / r.seconds,
    'host CPU %': r.hostCpuPercent,
    'host RSS MB': r.hostRssMb,
    'host heap MB': r.hostHeapMb,
  }));
  printTable(
    `Sync: ${CLIENTS} clients on one annotations doc, ${w.drawers} of them drawing ${STROKES} strokes × ${FRAMES_PER_STROKE} frames (${FRAME_MS} ms apart), ${w.pauseMs[0]}–${w.pauseMs[1]} ms between strokes: ${title}`,
    rows,
  );
  const [ours, stock] = results as [Result, Result];
  printTable('Ratio ours / stock (lower is better for latency and CPU)', [
    {
      'latency p50': percentile(ours.latencies, 50) / percentile(stock.latencies, 50),
      'latency p95': percentile(ours.latencies, 95) / percentile(stock.latencies, 95),
      'deliveries/s': ours.deliveries / ours.seconds / (stock.deliveries / stock.seconds),
      'host CPU': ours.hostCpuPercent / stock.hostCpuPercent,
      'host RSS': ours.hostRssMb / stock.hostRssMb,
    },
  ]);
}

async function main(): Promise<void> {
  // Everyone annotating at a person's pace; everyone drawing without pause (the clients' own
  // process saturates first: a throughput test); a few drawing while all watch.
  await scenario('all annotating', { drawers: CLIENTS, pauseMs: PEN_PAUSE_MS });
  await scenario('stress, no pause', {
    drawers: CLIENTS,
    pauseMs: [PAUSE_BETWEEN_STROKES_MS, PAUSE_BETWEEN_STROKES_MS],
  });
  await scenario('a few drawing', {
    drawers: Math.min(5, CLIENTS),
    pauseMs: [PAUSE_BETWEEN_STROKES_MS, PAUSE_BETWEEN_STROKES_MS],
  });
}

// Fifty providers in one process each add an exit listener.
process.setMaxListeners(200);
const role = process.argv[2];
if (role === 'ours') await serveOurs();
else if (role === 'stock') await serveStock();
else await main();
