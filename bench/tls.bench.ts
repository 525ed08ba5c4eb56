// What TLS on the LAN costs: creating the host CA and server certificate on first start, a new
// HTTPS connection (handshake) against reusing one, compared with plain HTTP; and a pairing code
// issue + redeem round. Real host, loopback; numbers are per operation.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pinnedFetch } from '../tests/helpers/tls-client';
import { startTestHost, tempDataDir } from '../tests/helpers/host';
import { ensureHostCertificates } from '../main/host/tls/host-certificates';
import { percentile, printTable } from './table';

async function timeIt(n: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return {
    n,
    'p50 ms': percentile(samples, 50),
    'p95 ms': percentile(samples, 95),
    'per second': 1000 / (samples.reduce((a, b) => a + b, 0) / n),
  };
}

const rows: Array<Record<string, string | number>> = [];

const dirs: string[] = [];
rows.push({
  operation: 'create CA + server certificate (P-256)',
  ...(await timeIt(10, async () => {
    const dir = tempDataDir('phonghop-bench-ca-');
    dirs.push(dir);
    await ensureHostCertificates({ dir, names: ['127.0.0.1', 'localhost', 'phong-hop.local'] });
  })),
});

const plain = await startTestHost();
const secure = await startTestHost({ tls: true });
const ca = secure.tls!.caPem;

const N = 300;
const keepAlive = pinnedFetch(ca);
rows.push({
  operation: 'GET /health, HTTP, reused connection',
  ...(await timeIt(N, async () => (await fetch(`${plain.url}/api/v1/health`)).arrayBuffer())),
});
rows.push({
  operation: 'GET /health, HTTPS, reused connection',
  ...(await timeIt(N, async () => (await keepAlive(`${secure.url}/api/v1/health`)).arrayBuffer())),
});
rows.push({
  operation: 'GET /health, HTTPS, new connection (handshake)',
  ...(await timeIt(100, async () => {
    const once = pinnedFetch(ca, { keepAlive: false });
    await (await once(`${secure.url}/api/v1/health`)).arrayBuffer();
    await once.close();
  })),
});

const login = await keepAlive(`${secure.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'admin-test-password' }),
});
const { token } = (await login.json()) as { token: string };
rows.push({
  operation: 'pairing code issue (QR SVG) + redeem, HTTPS',
  ...(await timeIt(100, async () => {
    const r = await keepAlive(`${secure.url}/api/v1/pairing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    const t = (await r.json()) as { token: string };
    await (
      await keepAlive(`${secure.url}/api/v1/pairing/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: t.token }),
      })
    ).arrayBuffer();
  })),
});

printTable('TLS on the LAN (loopback, one host)', rows);
await keepAlive.close();
await plain.stop(true);
await secure.stop(true);
for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
