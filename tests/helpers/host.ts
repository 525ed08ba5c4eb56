// Starts a real host on 127.0.0.1, port 0, in its own temporary data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from '../../main/host/host';
import type { RunningHost } from '../../main/host/host';
import type { HostConfig } from '../../main/host/config';
import { createLogger, silentLogger } from '../../main/host/logger';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface TestHost extends RunningHost {
  dataDir: string;
  /** Logs in and returns a bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** fetch against /api/v1 with an optional token; JSON bodies are encoded. */
  api(
    method: string,
    route: string,
    opts?: {
      token?: string;
      body?: unknown;
      raw?: RequestInit['body'];
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
  /** Stops the host; the data folder stays unless `remove` is set. */
  stop(remove?: boolean): Promise<void>;
}

export function tempDataDir(prefix = 'phonghop-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestHost(
  opts: Partial<HostConfig> & { demo?: boolean } = {},
): Promise<TestHost> {
  process.env.PHONGHOP_ADMIN_PASSWORD = ADMIN_PASSWORD;
  const dataDir = opts.dataDir ?? tempDataDir();
  const host = await startHost(
    { port: 0, bind: '127.0.0.1', announce: () => {}, rendererDir: null, ...opts, dataDir },
    // PHONGHOP_TEST_LOG=debug shows the host's log while a test runs (to chase a failure).
    process.env.PHONGHOP_TEST_LOG ? createLogger(process.env.PHONGHOP_TEST_LOG) : silentLogger(),
  );
  const api: TestHost['api'] = (method, route, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: RequestInit['body'] = o.raw;
    if (o.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    return fetch(`${host.url}/api/v1${route}`, { method, headers, body });
  };
  return {
    ...host,
    dataDir,
    api,
    async login(username, password) {
      const pw = password ?? (username === 'admin' ? ADMIN_PASSWORD : 'demo');
      const res = await api('POST', '/auth/login', { body: { username, password: pw } });
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async stop(remove = false) {
      await host.close();
      // Retried: a stray late file under the folder must not fail a test in its clean-up (seen
      // once as ENOTEMPTY, from a search statistics pass the host now waits for on close).
      if (remove)
        fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
