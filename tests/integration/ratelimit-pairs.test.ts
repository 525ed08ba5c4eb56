// Login throttling per (account, address): wrong passwords from one tablet lock that tablet out
// of that account only; a correct password from an address with no failures always gets in, even
// while the account or the address is under a guard. Lockouts grow, come with Retry-After, and
// every attempt, refusal and lockout lands in the login log. Time moves with the host's clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { requestFrom } from '../helpers/from-address';

describe('login throttling per account and address', () => {
  let host: TestHost;
  let now = Date.parse('2026-11-25T09:00:00Z');
  beforeEach(async () => {
    now = Date.parse('2026-11-25T09:00:00Z');
    host = await startTestHost({ demo: true, clock: () => now });
  });
  afterEach(() => host.stop(true));

  const login = (from: string, username: string, password: string) =>
    requestFrom(from, `${host.url}/api/v1/auth/login`, {
      method: 'POST',
      body: { username, password },
      headers: { 'user-agent': `tablet ${from}` },
    });

  it('five wrong passwords from one address do not lock the account for another address', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('127.0.0.2', 'admin', 'wrong')).status).toBe(401);
    const locked = await login('127.0.0.2', 'admin', ADMIN_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(JSON.parse(locked.body)).toMatchObject({ error: { code: 'login_locked' } });

    expect((await login('127.0.0.3', 'admin', ADMIN_PASSWORD)).status).toBe(200);
    // The admin's own tablet keeps working, and so does another account from the locked address.
    expect((await login('127.0.0.2', 'dai-bieu-1', 'demo')).status).toBe(200);
  });

  it('each lockout in a row lasts twice as long, and a correct login starts over', async () => {
    for (let i = 0; i < 5; i++) await login('127.0.0.2', 'admin', 'wrong');
    now += 61_000;
    for (let i = 0; i < 5; i++)
      expect((await login('127.0.0.2', 'admin', 'wrong')).status).toBe(401);
    const second = await login('127.0.0.2', 'admin', ADMIN_PASSWORD);
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBe(120);
    now += 61_000;
    expect((await login('127.0.0.2', 'admin', ADMIN_PASSWORD)).status).toBe(429);
    now += 60_000;
    expect((await login('127.0.0.2', 'admin', ADMIN_PASSWORD)).status).toBe(200);
    // After a success the next lockout is the short one again.
    for (let i = 0; i < 5; i++) await login('127.0.0.2', 'admin', 'wrong');
    expect(Number((await login('127.0.0.2', 'admin', 'x')).headers['retry-after'])).toBe(60);
  });

  it('an address spraying many accounts is refused for those, not for an account it never failed', async () => {
    expect((await login('127.0.0.2', 'dai-bieu-2', 'wrong')).status).toBe(401);
    for (let i = 0; i < 29; i++) await login('127.0.0.2', `nobody-${i}`, 'wrong');
    // The guard is up: a further wrong guess for a new account is answered and locks that pair...
    expect((await login('127.0.0.2', 'nobody-x', 'wrong')).status).toBe(401);
    expect((await login('127.0.0.2', 'nobody-x', 'wrong')).status).toBe(429);
    // ...an account that already failed from here is refused even with its right password...
    expect((await login('127.0.0.2', 'dai-bieu-2', 'demo')).status).toBe(429);
    expect((await login('127.0.0.3', 'dai-bieu-2', 'demo')).status).toBe(200);
    // ...and the admin, who never failed from this address, signs in from it.
    expect((await login('127.0.0.2', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('an account guessed from many addresses still lets its owner in from a clean address', async () => {
    // Twenty wrong passwords, four from each of five addresses: no pair reaches its own limit.
    for (const from of ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'])
      for (let i = 0; i < 4; i++) expect((await login(from, 'admin', 'wrong')).status).toBe(401);
    expect((await login('127.0.0.5', 'admin', 'wrong')).status).toBe(429);
    expect((await login('127.0.0.2', 'admin', ADMIN_PASSWORD)).status).toBe(429);
    expect((await login('127.0.0.9', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('logs every sign-in, failure, refusal, lockout and sign-out for admins', async () => {
    for (let i = 0; i < 6; i++) await login('127.0.0.2', 'Admin', 'wrong');
    const ok = await login('127.0.0.3', 'admin', ADMIN_PASSWORD);
    const token = (JSON.parse(ok.body) as { token: string }).token;
    const delegate = await host.login('dai-bieu-1');
    expect((await host.api('POST', '/auth/logout', { token: delegate })).status).toBe(204);

    expect((await host.api('GET', '/admin/login-log', { token: delegate })).status).toBe(401);
    const fresh = await host.login('dai-bieu-1');
    expect((await host.api('GET', '/admin/login-log', { token: fresh })).status).toBe(403);

    const res = await host.api('GET', '/admin/login-log?username=admin&limit=50', { token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      entries: {
        event: string;
        address: string;
        client: string;
        detail: string;
        userId: string | null;
      }[];
      next: number | null;
    };
    const events = page.entries.map((e) => `${e.event}@${e.address}`).reverse();
    expect(events).toEqual([
      ...Array<string>(5).fill('login_failed@127.0.0.2'),
      'lockout@127.0.0.2',
      'login_refused@127.0.0.2',
      'login@127.0.0.3',
    ]);
    expect(page.entries[0]!.client).toBe('tablet 127.0.0.3');
    expect(page.entries.find((e) => e.event === 'lockout')!.detail).toBe('scope=pair seconds=60');
    expect(page.entries.every((e) => e.userId !== null)).toBe(true);
    expect(page.next).toBeNull();

    const all = (await (
      await host.api('GET', '/admin/login-log?limit=3', { token })
    ).json()) as typeof page;
    expect(all.entries.map((e) => e.event)).toEqual(['login', 'logout', 'login']);
    const older = (await (
      await host.api('GET', `/admin/login-log?limit=3&before=${all.next}`, { token })
    ).json()) as typeof page;
    expect(older.entries.map((e) => e.event)).toEqual(['login', 'login_refused', 'lockout']);
  });
});
