// TLS on the LAN: HTTPS and WSS with the host's own CA pinned, refusal of a client that pins
// another CA, redirects from plain HTTP, and a certificate that survives restarts.
import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { ADMIN_PASSWORD, startTestHost, tempDataDir } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { pinnedFetch, pinnedWebSocket } from '../helpers/tls-client';
import { ensureHostCertificates } from '../../main/host/tls/host-certificates';

describe('host over TLS (127.0.0.1, TLS forced)', () => {
  let host: TestHost;
  let fetchPinned: ReturnType<typeof pinnedFetch>;
  beforeAll(async () => {
    host = await startTestHost({ tls: true, demo: true });
    fetchPinned = pinnedFetch(host.tls!.caPem);
  });
  afterAll(async () => {
    await fetchPinned.close();
    await host.stop(true);
  });

  it('serves the API over HTTPS to a client that trusts the host CA', async () => {
    expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetchPinned(`${host.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('publishes the fingerprint of the CA it serves', async () => {
    const res = await fetchPinned(`${host.url}/api/v1/host/identity`);
    const identity = (await res.json()) as { fingerprint: string; tls: boolean; hostId: string };
    expect(identity.tls).toBe(true);
    expect(identity.fingerprint).toBe(new X509Certificate(host.tls!.caPem).fingerprint256);
    const ca = await fetchPinned(`${host.url}/api/v1/host/ca.pem`);
    expect(ca.status).toBe(200);
    expect(await ca.text()).toBe(host.tls!.caPem);
  });

  it('refuses a client that pins another CA (a different fingerprint)', async () => {
    const otherDir = tempDataDir('phonghop-other-ca-');
    const other = await ensureHostCertificates({
      dir: otherDir,
      names: ['127.0.0.1', 'localhost'],
    });
    expect(other.fingerprint).not.toBe(host.tls!.fingerprint);
    const fetchOther = pinnedFetch(other.caPem);
    await expect(fetchOther(`${host.url}/api/v1/health`)).rejects.toThrow();
    await fetchOther.close();
    // Nor does a client trusting only the public CAs get through.
    await expect(fetch(`${host.url}/api/v1/health`)).rejects.toThrow();
    fs.rmSync(otherDir, { recursive: true, force: true });
  });

  it('syncs with the stock y-websocket client over WSS', async () => {
    const login = await fetchPinned(`${host.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'thu-ky', password: 'demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const meetings = (await (
      await fetchPinned(`${host.url}/api/v1/meetings`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { id: string }[];
    const meetingId = meetings[0]!.id;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      `${host.url.replace('https:', 'wss:')}/sync`,
      `meeting/${meetingId}`,
      doc,
      {
        params: { token },
        WebSocketPolyfill: pinnedWebSocket(host.tls!.caPem) as unknown as typeof WebSocket,
        disableBc: true,
      },
    );
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      provider.once('sync', () => resolve());
    });
    expect(provider.wsconnected).toBe(true);
    provider.destroy();
    doc.destroy();
  });

  it('refuses a sync socket opened by a page from another origin', async () => {
    const token = await (async () => {
      const r = await fetchPinned(`${host.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      return ((await r.json()) as { token: string }).token;
    })();
    const Ws = pinnedWebSocket(host.tls!.caPem, { headers: { origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => {
      const ws = new Ws(`${host.url.replace('https:', 'wss:')}/sync/meeting/none?token=${token}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });
});

describe('host bound to the LAN', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ bind: '0.0.0.0' });
  });
  afterAll(() => host.stop(true));

  it('turns TLS on by itself and creates its CA in the data folder', () => {
    expect(host.url).toMatch(/^https:\/\/0\.0\.0\.0:\d+$/);
    expect(host.tls?.generated).toBe(true);
    expect(fs.existsSync(path.join(host.dataDir, 'tls', 'ca.pem'))).toBe(true);
    const keyMode = fs.statSync(path.join(host.dataDir, 'tls', 'ca-key.pem')).mode & 0o777;
    expect(keyMode).toBe(0o600);
    const leaf = new X509Certificate(host.tls!.certChainPem);
    expect(leaf.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(leaf.checkIssued(new X509Certificate(host.tls!.caPem))).toBe(true);
  });

  it('answers plain HTTP only with a redirect to HTTPS on the same port', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/v1/meetings?x=1`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe(`https://127.0.0.1:${host.port}/api/v1/meetings?x=1`);
    // A forged Host header is not echoed into the redirect.
    const forged = await new Promise<string | undefined>((resolve, reject) => {
      import('node:http').then(({ default: http }) => {
        const req = http.request(
          { host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example/x?' } },
          (r) => {
            r.resume();
            resolve(r.headers.location);
          },
        );
        req.on('error', reject);
        req.end();
      }, reject);
    });
    expect(forged).toBe(`https://0.0.0.0/`);
  });

  it('keeps its CA across restarts', async () => {
    const before = host.tls!.fingerprint;
    await host.stop();
    host = await startTestHost({ bind: '0.0.0.0', dataDir: host.dataDir });
    expect(host.tls!.fingerprint).toBe(before);
  });
});

describe('TLS configuration errors', () => {
  it('refuses a LAN bind with TLS turned off', async () => {
    await expect(startTestHost({ bind: '0.0.0.0', tls: false })).rejects.toThrow(/requires TLS/);
  });
  it('uses an admin-provided certificate and key', async () => {
    const dir = tempDataDir('phonghop-provided-');
    const made = await ensureHostCertificates({ dir, names: ['127.0.0.1'] });
    const certFile = path.join(dir, 'chain.pem');
    fs.writeFileSync(certFile, made.certChainPem);
    const host = await startTestHost({
      tlsCertFile: certFile,
      tlsKeyFile: path.join(dir, 'server-key.pem'),
    });
    expect(host.url.startsWith('https://')).toBe(true);
    expect(host.tls!.generated).toBe(false);
    expect(host.tls!.fingerprint).toBe(made.fingerprint);
    const f = pinnedFetch(made.caPem);
    expect((await f(`${host.url}/api/v1/health`)).status).toBe(200);
    await f.close();
    await host.stop(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
