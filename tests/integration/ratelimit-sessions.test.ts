// Session expiry and revocation: an admin ends all of a user's sessions at once (a lost tablet);
// expired sessions are refused with a message asking to sign in again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

describe('sessions', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ demo: true });
  });
  afterEach(() => host.stop(true));

  async function userId(admin: string, username: string) {
    const users = (await (await host.api('GET', '/users', { token: admin })).json()) as {
      id: string;
      username: string;
    }[];
    return users.find((u) => u.username === username)!.id;
  }

  it('an admin lists and ends every session of a user', async () => {
    const admin = await host.login('admin');
    const tabletA = await host.login('dai-bieu-1');
    const tabletB = await host.login('dai-bieu-1');
    const other = await host.login('dai-bieu-2');
    const id = await userId(admin, 'dai-bieu-1');

    const list = await host.api('GET', `/users/${id}/sessions`, { token: admin });
    expect(list.status).toBe(200);
    const sessions = (await list.json()) as { createdAt: string; expiresAt: string }[];
    expect(sessions).toHaveLength(2);
    expect(JSON.stringify(sessions)).not.toContain(tabletA);

    const revoked = await host.api('DELETE', `/users/${id}/sessions`, { token: admin });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ revoked: 2 });
    for (const t of [tabletA, tabletB])
      expect((await host.api('GET', '/me', { token: t })).status).toBe(401);
    expect((await host.api('GET', '/me', { token: other })).status).toBe(200);
  });

  it('only admins may end sessions; unknown users are 404', async () => {
    const admin = await host.login('admin');
    const delegate = await host.login('dai-bieu-1');
    const id = await userId(admin, 'dai-bieu-2');
    expect((await host.api('DELETE', `/users/${id}/sessions`, { token: delegate })).status).toBe(
      403,
    );
    expect((await host.api('GET', `/users/${id}/sessions`, { token: delegate })).status).toBe(403);
    expect((await host.api('DELETE', '/users/nobody/sessions', { token: admin })).status).toBe(404);
  });

  it('refuses an expired session with a readable message', async () => {
    await host.stop();
    host = await startTestHost({ dataDir: host.dataDir, sessionLifetimeMs: -1000 });
    const token = await host.login('admin');
    const res = await host.api('GET', '/me', { token, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        code: 'session_expired',
        message: 'Your session has expired; please sign in again.',
      },
    });
  });
});
