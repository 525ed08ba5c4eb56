// Security headers on every answer the host gives: each command of the contract (called without
// a token, so most answer 401/404), the static renderer, errors from the router and the body
// reader, and the same over HTTPS.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, commands } from '../../shared/api/contract';
import type { CommandDef } from '../../shared/api/define';
import { startTestHost, tempDataDir } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { pinnedFetch } from '../helpers/tls-client';

function expectSecurityHeaders(res: Response | { headers: Headers }, what: string) {
  const h = res.headers;
  const csp = h.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('referrer-policy'), what).toBe('no-referrer');
  expect(h.get('x-frame-options'), what).toBe('DENY');
}

const samplePath = (p: string) => p.replace(/:(\w+)/g, 'does-not-exist');

describe('security headers', () => {
  let host: TestHost;
  let rendererDir: string;
  beforeAll(async () => {
    rendererDir = tempDataDir('phonghop-renderer-');
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    host = await startTestHost({ rendererDir });
  });
  afterAll(async () => {
    await host.stop(true);
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  it('are on the answer of every command in the contract', async () => {
    const table = commands as Record<string, CommandDef>;
    expect(Object.keys(table).length).toBeGreaterThan(10);
    for (const [name, def] of Object.entries(table)) {
      const res = await fetch(`${host.url}${API_PREFIX}${samplePath(def.path)}`, {
        method: def.method,
        headers: def.body && def.body !== 'raw' ? { 'content-type': 'application/json' } : {},
        body: def.method === 'GET' ? undefined : def.body === 'raw' ? 'x' : '{}',
      });
      await res.arrayBuffer();
      expectSecurityHeaders(res, `${name}: ${def.method} ${def.path} → ${res.status}`);
    }
  });

  it('are on static files, client routes, and every kind of error', async () => {
    const cases: Array<[string, RequestInit?]> = [
      ['/'],
      ['/meetings/abc'],
      ['/assets/app.js'],
      ['/assets/missing.js'],
      ['/api/v1/nothing-here'],
      ['/api/v1/health', { method: 'DELETE' }],
      [
        '/api/v1/auth/login',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' },
      ],
      [
        '/api/v1/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 1 }),
        },
      ],
      [
        '/api/v1/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: 'x'.repeat(3 * 1024 * 1024),
        },
      ],
      ['/%E0%A4%A'],
    ];
    const statuses: number[] = [];
    for (const [p, init] of cases) {
      const res = await fetch(`${host.url}${p}`, init);
      await res.arrayBuffer();
      statuses.push(res.status);
      expectSecurityHeaders(res, `${init?.method ?? 'GET'} ${p} → ${res.status}`);
    }
    expect(statuses).toEqual([200, 200, 200, 404, 404, 405, 400, 400, 413, 400]);
  });

  it('are on HTTPS answers too', async () => {
    const tlsHost = await startTestHost({ tls: true });
    const f = pinnedFetch(tlsHost.tls!.caPem);
    for (const p of ['/api/v1/health', '/api/v1/me', '/']) {
      const res = await f(`${tlsHost.url}${p}`);
      await res.arrayBuffer();
      expectSecurityHeaders(res, p);
    }
    await f.close();
    await tlsHost.stop(true);
  });
});
