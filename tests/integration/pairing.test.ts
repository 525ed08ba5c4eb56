// Pairing codes: issued by an admin or a meeting's secretary/chair, carried by a QR code (token)
// or typed (short code), good once, and only until they expire.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

interface Ticket {
  id: string;
  code: string;
  token: string;
  expiresAt: string;
  joinUrl: string;
  deepLink: string;
  qrSvg: string;
  meetingId: string | null;
  host: { hostId: string; fingerprint: string | null; tls: boolean };
}

describe('pairing', () => {
  let host: TestHost;
  let now = Date.parse('2026-11-25T09:00:00Z');
  beforeEach(async () => {
    now = Date.parse('2026-11-25T09:00:00Z');
    host = await startTestHost({ demo: true, tls: true, clock: () => now });
  });
  afterEach(() => host.stop(true));

  // The test host speaks HTTPS with its own CA; these tests talk to it through the same code
  // path with Node's fetch replaced by one that trusts that CA.
  async function api(method: string, route: string, opts: { token?: string; body?: unknown } = {}) {
    const { pinnedFetch } = await import('../helpers/tls-client');
    const f = pinnedFetch(host.tls!.caPem);
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await f(`${host.url}/api/v1${route}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    await f.close();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  }
  async function login(username: string, password = 'demo') {
    const r = await api('POST', '/auth/login', { body: { username, password } });
    return (r.json as { token: string }).token;
  }
  async function demoMeetingId(token: string) {
    return ((await api('GET', '/meetings', { token })).json as { id: string }[])[0]!.id;
  }

  it("the secretary's code works once, by token or by short code", async () => {
    const secretary = await login('thu-ky');
    const meetingId = await demoMeetingId(secretary);
    const created = await api('POST', '/pairing', { token: secretary, body: { meetingId } });
    expect(created.status).toBe(200);
    const ticket = created.json as Ticket;
    expect(ticket.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(ticket.meetingId).toBe(meetingId);
    expect(ticket.host.tls).toBe(true);
    const join = new URL(ticket.joinUrl);
    expect(join.pathname).toBe('/join');
    expect(join.searchParams.get('t')).toBe(ticket.token);
    expect(join.searchParams.get('h')).toBe(ticket.host.hostId);
    expect(join.searchParams.get('fp')).toBe(ticket.host.fingerprint!.replace(/:/g, ''));
    expect(ticket.deepLink.startsWith('phonghop://join?')).toBe(true);
    expect(ticket.qrSvg).toContain('<svg');

    const first = await api('POST', '/pairing/redeem', { body: { token: ticket.token } });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      meeting: { id: meetingId },
      host: { hostId: ticket.host.hostId, fingerprint: ticket.host.fingerprint },
    });
    const again = await api('POST', '/pairing/redeem', { body: { code: ticket.code } });
    expect(again.status).toBe(410);
    expect((again.json as { error: { code: string } }).error.code).toBe('pairing_used');

    // A new code, typed in lower case without the dash, works once too.
    const second = (await api('POST', '/pairing', { token: secretary, body: { meetingId } }))
      .json as Ticket;
    const typed = second.code.replace('-', '').toLowerCase();
    expect((await api('POST', '/pairing/redeem', { body: { code: typed } })).status).toBe(200);
    expect((await api('POST', '/pairing/redeem', { body: { token: second.token } })).status).toBe(
      410,
    );
  });

  it('expires', async () => {
    const admin = await host.login('admin').catch(() => null);
    expect(admin).toBeNull(); // plain HTTP fetch cannot reach a TLS host
    const token = await login('admin', 'admin-test-password');
    const ticket = (await api('POST', '/pairing', { token, body: {} })).json as Ticket;
    now += 10 * 60 * 1000 + 1000;
    const late = await api('POST', '/pairing/redeem', { body: { token: ticket.token } });
    expect(late.status).toBe(410);
    expect((late.json as { error: { code: string } }).error.code).toBe('pairing_expired');
  });

  it('refuses unknown codes, and slows down guessing', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await api('POST', '/pairing/redeem', { body: { code: `ZZZZ-ZZZ${i}` } });
      expect(r.status).toBe(404);
      expect((r.json as { error: { code: string } }).error.code).toBe('pairing_unknown');
    }
    expect((await api('POST', '/pairing/redeem', { body: { code: 'ZZZZ-ZZZZ' } })).status).toBe(
      429,
    );
  });

  it('only admins, or the secretary or chair of the meeting, issue codes', async () => {
    const delegate = await login('dai-bieu-1');
    const meetingId = await demoMeetingId(await login('thu-ky'));
    expect((await api('POST', '/pairing', { token: delegate, body: { meetingId } })).status).toBe(
      403,
    );
    expect((await api('POST', '/pairing', { token: delegate, body: {} })).status).toBe(403);
    expect(
      (await api('POST', '/pairing', { token: await login('chu-toa'), body: { meetingId } }))
        .status,
    ).toBe(200);
    expect((await api('POST', '/pairing', { body: {} })).status).toBe(401);
    const bad = await api('POST', '/pairing/redeem', {
      body: { code: 'ABCD-EFGH', token: 'x'.repeat(20) },
    });
    expect(bad.status).toBe(400);
  });
});
