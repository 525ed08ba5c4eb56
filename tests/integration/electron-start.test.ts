// `npm start` where Electron's binary is missing (as here): it says so plainly, runs the headless
// host with the demo on its data folder, prints the address, and stops cleanly on SIGTERM. The
// host's log output, captured meanwhile, holds no password, token or pairing code.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/host';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hasElectronBinary = fs.existsSync(path.join(root, 'node_modules/electron/dist'));
const ADMIN_PASSWORD = 'start-test-Secret-123';

describe.runIf(!hasElectronBinary)('npm start without the Electron binary', () => {
  const dataDir = tempDataDir('phonghop-start-');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('falls back to the headless host with the demo, and logs no secrets', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], {
      cwd: root,
      env: {
        ...process.env,
        PHONGHOP_DATA_DIR: dataDir,
        PHONGHOP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 100);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited (${code}) before listening:\n${output}`));
      });
    });
    expect(output).toContain("Electron's binary is not installed");
    expect(output).toContain('starting the headless host instead');
    expect(fs.existsSync(path.join(dataDir, 'archive.sqlite'))).toBe(true);

    const post = (route: string, body: unknown, token?: string) =>
      fetch(`${url}/api/v1${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    expect(
      (await post('/auth/login', { username: 'admin', password: 'wrong-Secret-456' })).status,
    ).toBe(401);
    const login = await post('/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const meetings = (await (
      await fetch(`${url}/api/v1/meetings`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as unknown[];
    expect(meetings.length).toBeGreaterThan(0); // the demo meeting
    const ticket = (await (await post('/pairing', {}, token)).json()) as {
      code: string;
      token: string;
    };
    expect((await post('/pairing/redeem', { code: ticket.code })).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"login"');
    for (const secret of [
      ADMIN_PASSWORD,
      'wrong-Secret-456',
      token,
      ticket.token,
      ticket.code,
      ticket.code.replace('-', ''),
    ])
      expect(output.includes(secret), `log output contains a secret: ${secret.slice(0, 4)}…`).toBe(
        false,
      );
  }, 120_000);
});
