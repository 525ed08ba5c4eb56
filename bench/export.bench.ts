// Export and import of one meeting with 1 GB of papers (BENCH_EXPORT_MB to change), through the
// real HTTP API of two hosts (two data folders): time, throughput and peak memory. The papers are
// generated straight into the first host's content store. Memory is sampled while the bytes flow;
// both hosts and the client share this process, so the peak covers all three.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { startHost } from '../main/host/host';
import { silentLogger } from '../main/host/logger';
import { printTable } from './table';

const TOTAL_MB = Number(process.env.BENCH_EXPORT_MB ?? 1024);
const PAPER_MB = Math.min(100, TOTAL_MB);
const PAPERS = Math.max(1, Math.round(TOTAL_MB / PAPER_MB));
process.env.PHONGHOP_ADMIN_PASSWORD = 'bench-admin-password';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-bench-export-'));
const mb = (n: number) => n / 1024 / 1024;

function sampler() {
  let peakRss = 0;
  let peakHeap = 0;
  const take = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
  };
  take();
  const timer = setInterval(take, 20);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakRss, peakHeap };
    },
  };
}

async function main() {
  const base = { port: 0, bind: '127.0.0.1', announce: () => {}, rendererDir: null };
  const a = await startHost({ ...base, dataDir: path.join(root, 'a') }, silentLogger());
  const b = await startHost({ ...base, dataDir: path.join(root, 'b') }, silentLogger());
  try {
    const s = a.services;
    const admin = s.users.findByUsername('admin')!;
    const meeting = s.meetings.create({
      title: 'Kỳ họp thứ 12 Hội đồng nhân dân tỉnh (hồ sơ lớn)',
      startsAt: '2026-11-20T08:00:00+07:00',
      createdBy: admin.id,
    });
    s.meetings.replaceParticipants(meeting.id, [
      { userId: admin.id, role: 'secretary', canVote: false },
    ]);
    s.meetings.setStatus(meeting.id, 'published');
    s.tx(() => s.audit.append(meeting.id, admin.id, 'meeting.create', { title: meeting.title }));

    // Papers: a PDF header and incompressible bytes, written and hashed in 4 MB chunks.
    const tGen = performance.now();
    const insert = s.db
      .prepare(`INSERT INTO documents (id, lineage_id, meeting_id, version, title, filename, sha256, size, pages, uploaded_by, uploaded_at)
      VALUES (?, ?, ?, 1, ?, ?, ?, ?, 1, ?, ?)`);
    for (let i = 0; i < PAPERS; i++) {
      const tmp = path.join(root, `paper-${i}.tmp`);
      const hash = createHash('sha256');
      const fd = fs.openSync(tmp, 'w');
      const head = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
      fs.writeSync(fd, head);
      hash.update(head);
      let left = PAPER_MB * 1024 * 1024 - head.length;
      while (left > 0) {
        const chunk = randomBytes(Math.min(left, 4 * 1024 * 1024));
        fs.writeSync(fd, chunk);
        hash.update(chunk);
        left -= chunk.length;
      }
      fs.closeSync(fd);
      const sha = hash.digest('hex');
      const target = path.join(s.config.dataDir, 'documents', sha.slice(0, 2), `${sha}.pdf`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(tmp, target);
      const id = randomUUID();
      insert.run(
        id,
        id,
        meeting.id,
        `Hồ sơ trình kỳ họp, tập ${i + 1}`,
        `tap-${i + 1}.pdf`,
        sha,
        fs.statSync(target).size,
        admin.id,
        new Date().toISOString(),
      );
    }
    const genSeconds = (performance.now() - tGen) / 1000;

    const login = async (url: string) =>
      (
        (await (
          await fetch(`${url}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
          })
        ).json()) as { token: string }
      ).token;

    // Export: stream the package to a file.
    global.gc?.();
    const before = process.memoryUsage().rss;
    const pkg = path.join(root, 'package.zip');
    const tokenA = await login(a.url);
    let m = sampler();
    let t = performance.now();
    const res = await fetch(`${a.url}/api/v1/meetings/${meeting.id}/export`, {
      headers: { authorization: `Bearer ${tokenA}` },
    });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), fs.createWriteStream(pkg));
    const exportSeconds = (performance.now() - t) / 1000;
    const exportMem = m.stop();
    const pkgBytes = fs.statSync(pkg).size;

    // Import on the second host: stream the file up.
    global.gc?.();
    const beforeImport = process.memoryUsage().rss;
    const tokenB = await login(b.url);
    m = sampler();
    t = performance.now();
    // node:http with pipe() keeps backpressure (Node 20's Readable.toWeb for a fetch body does not).
    const { status, text } = await new Promise<{ status: number; text: string }>(
      (resolve, reject) => {
        const req = http.request(`${b.url}/api/v1/archive/import`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokenB}`,
            'content-type': 'application/zip',
            'content-length': String(pkgBytes),
          },
        });
        req.on('error', reject);
        req.on('response', (r) => {
          let body = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, text: body }));
        });
        fs.createReadStream(pkg, { highWaterMark: 1024 * 1024 }).pipe(req);
      },
    );
    const answer = JSON.parse(text) as {
      checks?: Array<{ name: string; ok: boolean }>;
      error?: unknown;
    };
    const importSeconds = (performance.now() - t) / 1000;
    const importMem = m.stop();
    if (status !== 200) throw new Error(`import answered ${status}: ${text}`);

    printTable(
      `Meeting package with ${PAPERS} papers, ${TOTAL_MB} MB (generated in ${genSeconds.toFixed(1)} s)`,
      [
        {
          step: 'export (GET, streamed to file)',
          MB: mb(pkgBytes),
          seconds: exportSeconds,
          'MB/s': mb(pkgBytes) / exportSeconds,
          'RSS before MB': mb(before),
          'peak RSS MB': mb(exportMem.peakRss),
          'peak JS+buffers MB': mb(exportMem.peakHeap),
        },
        {
          step: 'import (POST, verify, commit)',
          MB: mb(pkgBytes),
          seconds: importSeconds,
          'MB/s': mb(pkgBytes) / importSeconds,
          'RSS before MB': mb(beforeImport),
          'peak RSS MB': mb(importMem.peakRss),
          'peak JS+buffers MB': mb(importMem.peakHeap),
        },
      ],
    );
    console.log(
      `import checks: ${(answer.checks ?? []).map((c) => `${c.name}=${c.ok ? 'ok' : 'FAIL'}`).join(', ')}`,
    );
  } finally {
    await a.close();
    await b.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(root, { recursive: true, force: true });
  process.exit(1);
});
