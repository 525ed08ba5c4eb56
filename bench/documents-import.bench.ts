// Host-side import of a generated 500-page Vietnamese PDF: upload over HTTP, sandboxed parse
// (text of every page + first-page thumbnail), content-addressed store, one SQLite transaction.
// Reports wall time and peak memory of the host process and of the parse process.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateLongPaper } from '../main/host/documents/generate-pdf';
import { startHost } from '../main/host/host';
import { silentLogger } from '../main/host/logger';
import { printTable } from './table';

const MB = 1024 * 1024;

/** Peak resident set (VmHWM) of this process's children, in MB (Linux /proc). */
function childrenPeakMb(): number {
  let out = '';
  try {
    out = execFileSync('ps', ['--ppid', String(process.pid), '-o', 'pid='], { encoding: 'utf8' });
  } catch {
    return NaN;
  }
  let peak = 0;
  for (const pid of out.split(/\s+/).filter(Boolean)) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // The child exited between ps and the read.
    }
  }
  return peak;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-bench-'));
  process.env.PHONGHOP_ADMIN_PASSWORD = 'bench-password';
  const host = await startHost(
    { dataDir, port: 0, bind: '127.0.0.1', announce: () => {}, rendererDir: null },
    silentLogger(),
  );
  const api = (method: string, route: string, token?: string, body?: Uint8Array, json?: unknown) =>
    fetch(`${host.url}/api/v1${route}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(json ? { 'content-type': 'application/json' } : {}),
      },
      body: json ? JSON.stringify(json) : body,
    });
  const { token } = (await (
    await api('POST', '/auth/login', undefined, undefined, {
      username: 'admin',
      password: 'bench-password',
    })
  ).json()) as { token: string };
  const meeting = (await (
    await api('POST', '/meetings', token, undefined, {
      title: 'Đo hiệu năng',
      startsAt: '2026-12-01T08:00:00+07:00',
    })
  ).json()) as { id: string };

  const rows: Array<Record<string, string | number>> = [];
  const cases: Array<{ name: string; pages: number }> = [
    { name: '10 pages (cold parser)', pages: 10 },
    { name: '500 pages (warm parser)', pages: 500 },
    { name: '500 pages again, new bytes', pages: 500 },
  ];
  for (const c of cases) {
    const bytes = await generateLongPaper(c.pages, `${c.name} ${Date.now()}`);
    let hostPeak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      hostPeak = Math.max(hostPeak, process.memoryUsage().rss);
    }, 20);
    const t0 = performance.now();
    const res = await api(
      'POST',
      `/meetings/${meeting.id}/documents?filename=bench.pdf`,
      token,
      bytes,
    );
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const doc = (await res.json()) as { pages?: number };
    if (res.status !== 201 || doc.pages !== c.pages)
      throw new Error(`import failed: ${res.status} ${JSON.stringify(doc)}`);
    rows.push({
      case: c.name,
      'file MB': bytes.length / MB,
      'import ms': ms,
      'host peak RSS MB': hostPeak / MB,
      'parser peak RSS MB': childrenPeakMb(),
    });
  }
  printTable(
    'Host import of generated PDFs (upload + parse + store), target < 10 000 ms for 500 pages',
    rows,
  );
  host.services.documents.parser.close();
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
