// GET /users/lookup: secretaries who are not admins add participants by username with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ demo: true });
});
afterAll(async () => {
  await host.stop(true);
});

describe('GET /users/lookup', () => {
  it('gives a secretary the public identity of an account', async () => {
    const token = await host.login('thu-ky');
    const res = await host.api('GET', '/users/lookup?username=DAI-BIEU-2', { token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.any(String),
      username: 'dai-bieu-2',
      displayName: 'Phạm Thu Hà',
    });
    expect(body).not.toHaveProperty('isAdmin');
  });

  it('answers 404 with a readable message for an unknown username', async () => {
    const token = await host.login('thu-ky');
    const res = await host.api('GET', '/users/lookup?username=khong-co', {
      token,
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'user not found.' } });
  });

  it('refuses delegates (they may not list accounts) and anonymous callers', async () => {
    const token = await host.login('dai-bieu-1');
    const res = await host.api('GET', '/users/lookup?username=thu-ky', { token });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await host.api('GET', '/users/lookup?username=thu-ky')).status).toBe(401);
  });

  it('refuses a missing or oversized username with 400', async () => {
    const token = await host.login('thu-ky');
    expect((await host.api('GET', '/users/lookup', { token })).status).toBe(400);
    expect(
      (await host.api('GET', `/users/lookup?username=${'a'.repeat(65)}`, { token })).status,
    ).toBe(400);
  });
});
