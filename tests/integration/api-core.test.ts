import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';

let host: TestHost;
let admin: string;
let secretary: string;
let chair: string;
let delegate: string;
let outsider: string;
let meetingId: string;
const users: Record<string, string> = {};

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function expectError(res: Response, status: number, code?: string) {
  const body = await json<{ error: { code: string; message: string } }>(res, status);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(3);
  if (code) expect(body.error.code).toBe(code);
}

beforeAll(async () => {
  host = await startTestHost();
  admin = await host.login('admin');
  for (const [username, canCreate] of [
    ['secretary1', true],
    ['chair1', false],
    ['delegate1', false],
    ['observer1', false],
    ['outsider1', false],
  ] as const) {
    const u = await json<{ id: string }>(
      await host.api('POST', '/users', {
        token: admin,
        body: {
          username,
          password: 'pw-12345',
          displayName: username,
          canCreateMeetings: canCreate,
        },
      }),
      201,
    );
    users[username] = u.id;
  }
  secretary = await host.login('secretary1', 'pw-12345');
  chair = await host.login('chair1', 'pw-12345');
  delegate = await host.login('delegate1', 'pw-12345');
  outsider = await host.login('outsider1', 'pw-12345');
  const m = await json<{ id: string; myRole: string }>(
    await host.api('POST', '/meetings', {
      token: secretary,
      body: { title: 'Họp giao ban', startsAt: '2026-12-01T08:00:00+07:00' },
    }),
    201,
  );
  expect(m.myRole).toBe('secretary');
  meetingId = m.id;
  await json(
    await host.api('PUT', `/meetings/${meetingId}/participants`, {
      token: secretary,
      body: [
        { userId: users.secretary1, role: 'secretary' },
        { userId: users.chair1, role: 'chair', canVote: true },
        { userId: users.delegate1, role: 'delegate' },
        { userId: users.observer1, role: 'observer' },
      ],
    }),
    200,
  );
});
afterAll(async () => host?.stop(true));

describe('health and auth', () => {
  it('answers health without a token', async () => {
    const body = await json<{ ok: boolean; version: string }>(
      await host.api('GET', '/health'),
      200,
    );
    expect(body.ok).toBe(true);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses a wrong password in the caller language', async () => {
    const vi = await host.api('POST', '/auth/login', {
      body: { username: 'admin', password: 'nope' },
    });
    const viBody = await json<{ error: { code: string; message: string } }>(vi, 401);
    expect(viBody.error.code).toBe('bad_credentials');
    expect(viBody.error.message).toContain('mật khẩu');
    const en = await host.api('POST', '/auth/login', {
      body: { username: 'admin', password: 'nope' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect((await json<{ error: { message: string } }>(en, 401)).error.message).toContain(
      'password',
    );
  });

  it('logs out: the token stops working', async () => {
    const t = await host.login('delegate1', 'pw-12345');
    expect((await host.api('GET', '/me', { token: t })).status).toBe(200);
    expect((await host.api('POST', '/auth/logout', { token: t })).status).toBe(204);
    await expectError(await host.api('GET', '/me', { token: t }), 401, 'unauthenticated');
  });

  it('never returns password hashes', async () => {
    const list = await json<Array<Record<string, unknown>>>(
      await host.api('GET', '/users', { token: admin }),
      200,
    );
    expect(list.length).toBeGreaterThanOrEqual(6);
    for (const u of list) expect(Object.keys(u)).not.toContain('passwordHash');
  });
});

describe('role table on every core route', () => {
  // [method, path, body, allowed token name, a refused token name, refused status]
  const cases: Array<[string, () => string, unknown, string, string, number]> = [
    ['GET', () => '/me', undefined, 'delegate', '', 401],
    ['GET', () => '/users', undefined, 'admin', 'secretary', 403],
    [
      'POST',
      () => '/users',
      { username: 'x-new', password: 'pw-12345', displayName: 'X' },
      'admin',
      'delegate',
      403,
    ],
    [
      'POST',
      () => '/meetings',
      { title: 'Khác', startsAt: '2026-12-02T08:00:00Z' },
      'secretary',
      'delegate',
      403,
    ],
    ['GET', () => '/meetings', undefined, 'delegate', '', 401],
    ['GET', () => `/meetings/${meetingId}`, undefined, 'chair', 'outsider', 404],
    ['PATCH', () => `/meetings/${meetingId}`, { location: 'Phòng 2' }, 'secretary', 'chair', 403],
    [
      'POST',
      () => `/meetings/${meetingId}/agenda`,
      { title: 'Mục mới' },
      'secretary',
      'chair',
      403,
    ],
  ];
  const token = (name: string) =>
    ({ admin, secretary, chair, delegate, outsider, '': '' })[name] ?? '';

  it.each(cases)('%s %s', async (method, path, body, allowed, refused, refusedStatus) => {
    const ok = await host.api(method, path(), { token: token(allowed), body });
    expect(ok.status, await ok.clone().text()).toBeLessThan(300);
    await expectError(
      await host.api(method, path(), { token: token(refused) || undefined, body }),
      refusedStatus,
    );
    expect((await host.api('GET', '/health')).status).toBe(200);
  });

  it('hides an unpublished meeting from delegates, shows it once published', async () => {
    await expectError(
      await host.api('GET', `/meetings/${meetingId}`, { token: delegate }),
      404,
      'not_found',
    );
    expect(
      (await json<unknown[]>(await host.api('GET', '/meetings', { token: delegate }), 200)).length,
    ).toBe(0);
    await expectError(
      await host.api('POST', `/meetings/${meetingId}/publish`, { token: delegate }),
      404,
    );
    await expectError(
      await host.api('POST', `/meetings/${meetingId}/publish`, { token: chair }),
      403,
      'forbidden',
    );
    expect(
      (
        await json<{ status: string }>(
          await host.api('POST', `/meetings/${meetingId}/publish`, { token: secretary }),
          200,
        )
      ).status,
    ).toBe('published');
    const detail = await json<{ myRole: string; participants: unknown[] }>(
      await host.api('GET', `/meetings/${meetingId}`, { token: delegate }),
      200,
    );
    expect(detail.myRole).toBe('delegate');
    expect(detail.participants).toHaveLength(4);
  });
});

describe('agenda', () => {
  it('adds, edits, reorders, sets current and deletes items', async () => {
    const add = async (title: string) =>
      json<{ id: string; position: number }>(
        await host.api('POST', `/meetings/${meetingId}/agenda`, {
          token: secretary,
          body: { title, durationMinutes: 10 },
        }),
        201,
      );
    const a = await add('Một');
    const b = await add('Hai');
    const c = await add('Ba');
    const before = await json<{ agenda: Array<{ id: string }> }>(
      await host.api('GET', `/meetings/${meetingId}`, { token: secretary }),
      200,
    );
    const ids = before.agenda.map((i) => i.id);
    const reversed = [...ids].reverse();
    const after = await json<Array<{ id: string; position: number }>>(
      await host.api('PUT', `/meetings/${meetingId}/agenda/order`, {
        token: secretary,
        body: reversed,
      }),
      200,
    );
    expect(after.map((i) => i.id)).toEqual(reversed);
    await expectError(
      await host.api('PUT', `/meetings/${meetingId}/agenda/order`, {
        token: secretary,
        body: [a.id],
      }),
      400,
      'agenda_order_mismatch',
    );
    const patched = await json<{ title: string; presenter: string }>(
      await host.api('PATCH', `/meetings/${meetingId}/agenda/${b.id}`, {
        token: secretary,
        body: { title: 'Hai (sửa)', presenter: 'Sở Tài chính' },
      }),
      200,
    );
    expect(patched).toMatchObject({ title: 'Hai (sửa)', presenter: 'Sở Tài chính' });
    await expectError(
      await host.api('POST', `/meetings/${meetingId}/agenda/${c.id}/current`, { token: secretary }),
      403,
    );
    const current = await json<{ currentItemId: string }>(
      await host.api('POST', `/meetings/${meetingId}/agenda/${c.id}/current`, { token: chair }),
      200,
    );
    expect(current.currentItemId).toBe(c.id);
    expect(
      (await host.api('DELETE', `/meetings/${meetingId}/agenda/${c.id}`, { token: secretary }))
        .status,
    ).toBe(204);
    await expectError(
      await host.api('DELETE', `/meetings/${meetingId}/agenda/${c.id}`, { token: secretary }),
      404,
    );
    const final = await json<{ currentItemId: string | null; agenda: Array<{ position: number }> }>(
      await host.api('GET', `/meetings/${meetingId}`, { token: secretary }),
      200,
    );
    expect(final.currentItemId).toBeNull();
    expect(final.agenda.map((i) => i.position)).toEqual(final.agenda.map((_, i) => i + 1));
  });

  it('records every change in a chain that verifies', async () => {
    const { audit } = host.services;
    const report = audit.verify(meetingId);
    expect(report.valid).toBe(true);
    expect(report.count).toBeGreaterThanOrEqual(8);
    const actions = audit.list(meetingId).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'meeting.create',
        'participants.set',
        'meeting.publish',
        'agenda.add',
        'agenda.reorder',
        'agenda.current',
        'agenda.delete',
      ]),
    );
  });
});

describe('bad input', () => {
  it('refuses invalid JSON, bad bodies, unknown routes and wrong methods with readable errors', async () => {
    await expectError(
      await host.api('POST', '/meetings', {
        token: secretary,
        raw: '{not json',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'invalid_json',
    );
    await expectError(
      await host.api('POST', '/meetings', { token: secretary, body: { title: '' } }),
      400,
      'validation',
    );
    await expectError(
      await host.api('POST', '/meetings', {
        token: secretary,
        body: { title: 'x', startsAt: 'tomorrow' },
      }),
      400,
      'validation',
    );
    await expectError(
      await host.api('PUT', `/meetings/${meetingId}/participants`, {
        token: secretary,
        body: [{ userId: 'nobody', role: 'delegate' }],
      }),
      400,
      'bad_request',
    );
    await expectError(
      await host.api('PUT', `/meetings/${meetingId}/participants`, {
        token: secretary,
        body: [{ userId: users.delegate1, role: 'king' }],
      }),
      400,
      'validation',
    );
    await expectError(
      await host.api('GET', '/no/such/route', { token: secretary }),
      404,
      'route_not_found',
    );
    await expectError(await host.api('DELETE', '/health'), 405, 'method_not_allowed');
    await expectError(
      await host.api('POST', '/users', {
        token: admin,
        body: { username: 'delegate1', password: 'pw-12345', displayName: 'dup' },
      }),
      409,
      'username_taken',
    );
    await expectError(await host.api('GET', '/me', { token: 'forged-token' }), 401);
    expect((await host.api('GET', '/health')).status).toBe(200);
  });

  it('refuses a JSON body over the limit without reading it all', async () => {
    const huge = JSON.stringify({
      title: 'x'.repeat(3 * 1024 * 1024),
      startsAt: '2026-12-01T08:00:00Z',
    });
    await expectError(
      await host.api('POST', '/meetings', {
        token: secretary,
        raw: huge,
        headers: { 'content-type': 'application/json' },
      }),
      413,
      'payload_too_large',
    );
    expect((await host.api('GET', '/health')).status).toBe(200);
  });

  it('ignores a forged role: a delegate cannot add themselves as secretary', async () => {
    await expectError(
      await host.api('PUT', `/meetings/${meetingId}/participants`, {
        token: delegate,
        body: [{ userId: users.delegate1, role: 'secretary' }],
      }),
      403,
    );
    const detail = await json<{ participants: Array<{ userId: string; role: string }> }>(
      await host.api('GET', `/meetings/${meetingId}`, { token: secretary }),
      200,
    );
    expect(detail.participants.find((p) => p.userId === users.delegate1)?.role).toBe('delegate');
  });
});
