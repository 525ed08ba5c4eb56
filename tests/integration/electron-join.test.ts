// "Join a room" as the desktop app does it (main/electron/join), against a real LAN-style host
// over TLS: the fingerprint from the QR code is checked before anything secret is sent, pinned,
// and a change later is refused loudly; a link naming another host is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { pinnedFetch } from '../helpers/tls-client';
import { joinRoom } from '../../main/electron/join/join-room';
import type { PinStore } from '../../main/electron/join/join-room';

function memoryPins(): PinStore & {
  all: Map<string, { fingerprint: string | null; url: string }>;
} {
  const all = new Map<
    string,
    { fingerprint: string | null; url: string; name: string; caPem: string | null }
  >();
  return { all, pinned: (id) => all.get(id), pin: (id, e) => void all.set(id, e) };
}

describe('joining a room from the desktop app', () => {
  let host: TestHost;
  let admin: string;
  let f: ReturnType<typeof pinnedFetch>;
  beforeAll(async () => {
    host = await startTestHost({ tls: true });
    f = pinnedFetch(host.tls!.caPem);
    const r = await f(`${host.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-test-password' }),
    });
    admin = ((await r.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await f.close();
    await host.stop(true);
  });
  const ticket = async () => {
    const r = await f(`${host.url}/api/v1/pairing`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: '{}',
    });
    return (await r.json()) as {
      joinUrl: string;
      code: string;
      token: string;
      host: { hostId: string; fingerprint: string };
    };
  };
  const compact = (fp: string) => fp.replace(/:/g, '');

  it('joins with the QR link, pins the fingerprint, and refuses the used token', async () => {
    const t = await ticket();
    const pins = memoryPins();
    const joined = await joinRoom({ url: t.joinUrl }, pins, 'en');
    expect(joined).toEqual({
      ok: true,
      hostId: t.host.hostId,
      hostName: expect.any(String),
      fingerprint: compact(t.host.fingerprint),
      url: host.url,
    });
    expect(pins.all.get(t.host.hostId)?.fingerprint).toBe(compact(t.host.fingerprint));
    const again = await joinRoom({ url: t.joinUrl }, pins, 'en');
    expect(again).toMatchObject({ ok: false, code: 'pairing_refused' });
  });

  it('joins with the address and the short code (trust on first use, fingerprint shown)', async () => {
    const t = await ticket();
    const joined = await joinRoom({ url: host.url, code: t.code }, memoryPins(), 'vi');
    expect(joined).toMatchObject({ ok: true, fingerprint: compact(t.host.fingerprint) });
  });

  it('refuses a host whose certificate does not match the QR fingerprint, before redeeming', async () => {
    const t = await ticket();
    const wrong = 'AB'.repeat(32);
    const link = new URL(t.joinUrl);
    link.searchParams.set('fp', wrong);
    const refused = await joinRoom({ url: link.toString() }, memoryPins(), 'en');
    expect(refused).toMatchObject({ ok: false, code: 'fingerprint_mismatch', expected: wrong });
    // The token was not spent on the impostor check: it still works with the right link.
    expect(await joinRoom({ url: t.joinUrl }, memoryPins(), 'en')).toMatchObject({ ok: true });
  });

  it('warns loudly when a pinned host presents another certificate, and joins only when accepted', async () => {
    const t = await ticket();
    const pins = memoryPins();
    pins.pin(t.host.hostId, {
      fingerprint: 'CD'.repeat(32),
      url: host.url,
      name: 'old',
      caPem: null,
    });
    const warned = await joinRoom({ url: host.url, code: t.code }, pins, 'vi');
    expect(warned).toMatchObject({
      ok: false,
      code: 'fingerprint_changed',
      expected: 'CD'.repeat(32),
      actual: compact(t.host.fingerprint),
    });
    if (warned.ok) throw new Error('unreachable');
    expect(warned.message).toMatch(/^CẢNH BÁO/);
    const accepted = await joinRoom(
      { url: host.url, code: t.code, acceptChangedFingerprint: true },
      pins,
      'vi',
    );
    expect(accepted).toMatchObject({ ok: true });
    expect(pins.all.get(t.host.hostId)?.fingerprint).toBe(compact(t.host.fingerprint));
  });

  it('does not mix hosts: a link naming another host id is refused', async () => {
    const t = await ticket();
    const link = new URL(t.joinUrl);
    link.searchParams.set('h', 'another-room-host');
    expect(await joinRoom({ url: link.toString() }, memoryPins(), 'en')).toMatchObject({
      ok: false,
      code: 'host_mismatch',
    });
  });

  it('refuses plain http to another computer and malformed requests', async () => {
    expect(
      await joinRoom({ url: 'http://10.1.2.3:8740', code: 'ABCD-EFGH' }, memoryPins()),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(await joinRoom({ url: host.url }, memoryPins())).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });
});
