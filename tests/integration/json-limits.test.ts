// JSON bodies are limited per command (login takes a few hundred bytes) and in nesting depth,
// both checked while the bytes arrive, before JSON.parse: 2 MB of `[[[…` on the login route is
// refused at once, and the host goes on answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

describe('JSON body limits', () => {
  let host: TestHost;
  let admin: string;
  beforeAll(async () => {
    host = await startTestHost();
    admin = await host.login('admin');
  });
  afterAll(() => host.stop(true));

  const codeOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string } }).error.code;

  it('refuses a large body on login by its own small limit', async () => {
    const nested = '['.repeat(1024 * 1024) + ']'.repeat(1024 * 1024);
    const res = await host.api('POST', '/auth/login', {
      raw: nested,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(await codeOf(res)).toBe('payload_too_large');
    const padded = await host.api('POST', '/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD, pad: 'x'.repeat(5000) },
    });
    expect(padded.status).toBe(413);
    expect((await host.api('GET', '/health')).status).toBe(200);
  });

  it('refuses deep nesting within the size limit, before parsing', async () => {
    const deep = `{"title":${'['.repeat(100)}${']'.repeat(100)}}`;
    const res = await host.api('POST', '/meetings', {
      token: admin,
      raw: deep,
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'json_too_deep',
        message: 'The JSON body is nested too deeply (limit 64 levels).',
      },
    });
    // A chunked body with no declared length is held to the same limits.
    const chunked = await fetch(`${host.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob(['['.repeat(10_000)]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('does not count brackets inside strings, escaped quotes included', async () => {
    const username = `\\"${'['.repeat(60)}`;
    const res = await host.api('POST', '/auth/login', {
      raw: `{"username":"${username}","password":"${'{'.repeat(200)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
    expect(await codeOf(res)).toBe('bad_credentials');
    const ok = await host.api('POST', '/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(ok.status).toBe(200);
  });
});
