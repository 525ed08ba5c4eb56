// Login throttling: five wrong passwords in a minute are answered 401, the sixth attempt is
// refused with 429 and a readable message; once the lockout passes, the right password works.
// Time is moved with the host's clock, not waited for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

describe('login rate limiting', () => {
  let host: TestHost;
  let now = Date.parse('2026-11-25T09:00:00Z');
  beforeEach(async () => {
    now = Date.parse('2026-11-25T09:00:00Z');
    host = await startTestHost({ clock: () => now });
  });
  afterEach(() => host.stop(true));

  const attempt = (password: string, lang = 'vi', username = 'admin') =>
    host.api('POST', '/auth/login', {
      body: { username, password },
      headers: { 'accept-language': lang },
    });

  it('refuses the 6th wrong password in a minute with 429, then lets the right one in after the lockout', async () => {
    for (let i = 1; i <= 5; i++) {
      now += 5_000;
      const res = await attempt(`wrong-${i}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'bad_credentials',
      );
    }
    now += 5_000;
    const sixth = await attempt('wrong-6', 'en');
    expect(sixth.status).toBe(429);
    const body = (await sixth.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('login_locked');
    expect(body.error.message).toMatch(
      /^Too many wrong passwords\. Sign-in is locked for now; try again in \d+ seconds\.$/,
    );

    // Even the right password waits for the lockout to end; the message is in Vietnamese by default.
    const locked = await attempt(ADMIN_PASSWORD);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toContain(
      'thử lại sau',
    );

    now += 61_000;
    const ok = await attempt(ADMIN_PASSWORD);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token: string }).token).toBeTruthy();
  });

  it('forgets old failures: wrong passwords spread over more than a minute do not lock', async () => {
    for (let i = 0; i < 8; i++) {
      now += 20_000;
      if (i % 4 === 3) {
        // a fresh window every few tries
        now += 60_000;
      }
      expect((await attempt('wrong')).status).toBe(401);
    }
    expect((await attempt(ADMIN_PASSWORD)).status).toBe(200);
  });

  it('a correct login resets the count for the account', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).status).toBe(401);
    expect((await attempt(ADMIN_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).status).toBe(401);
    expect((await attempt(ADMIN_PASSWORD)).status).toBe(200);
  });

  it('locks out an unknown username the same way (no hint that it does not exist)', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('x', 'vi', 'khong-co')).status).toBe(401);
    expect((await attempt('x', 'vi', 'khong-co')).status).toBe(429);
    // Another account is not affected by that lockout.
    expect((await attempt(ADMIN_PASSWORD)).status).toBe(200);
  });

  it('survives a restart of the host (the lockout is stored)', async () => {
    for (let i = 0; i < 5; i++) await attempt('wrong');
    await host.stop();
    host = await startTestHost({ dataDir: host.dataDir, clock: () => now });
    expect((await attempt(ADMIN_PASSWORD)).status).toBe(429);
  });
});
