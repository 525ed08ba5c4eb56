// Shared set-up for the documents tests: a host, accounts, and a meeting with a secretary, a
// chair and delegates.
import { expect } from 'vitest';
import type { TestHost } from '../helpers/host';

export async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function expectError(
  res: Response,
  status: number,
  code?: string,
): Promise<{ code: string; message: string }> {
  const body = await json<{ error: { code: string; message: string } }>(res, status);
  expect(body.error.message.length).toBeGreaterThan(10);
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

export interface PapersWorld {
  meetingId: string;
  agendaId: string;
  users: Record<string, string>;
  tokens: Record<string, string>;
}

/** Accounts secretary, chair, delegate-a, delegate-b, observer, outsider; a draft meeting. */
export async function setUpMeeting(host: TestHost): Promise<PapersWorld> {
  const admin = await host.login('admin');
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const name of ['secretary', 'chair', 'delegate-a', 'delegate-b', 'observer', 'outsider']) {
    const u = await json<{ id: string }>(
      await host.api('POST', '/users', {
        token: admin,
        body: {
          username: name,
          password: 'pw-123456',
          displayName: name,
          canCreateMeetings: name === 'secretary',
        },
      }),
      201,
    );
    users[name] = u.id;
    tokens[name] = await host.login(name, 'pw-123456');
  }
  const m = await json<{ id: string }>(
    await host.api('POST', '/meetings', {
      token: tokens.secretary,
      body: { title: 'Họp thử tài liệu', startsAt: '2026-12-01T08:00:00+07:00' },
    }),
    201,
  );
  await json(
    await host.api('PUT', `/meetings/${m.id}/participants`, {
      token: tokens.secretary,
      body: [
        { userId: users.secretary, role: 'secretary' },
        { userId: users.chair, role: 'chair' },
        { userId: users['delegate-a'], role: 'delegate' },
        { userId: users['delegate-b'], role: 'delegate' },
        { userId: users.observer, role: 'observer' },
      ],
    }),
    200,
  );
  const item = await json<{ id: string }>(
    await host.api('POST', `/meetings/${m.id}/agenda`, {
      token: tokens.secretary,
      body: { title: 'Báo cáo' },
    }),
    201,
  );
  return { meetingId: m.id, agendaId: item.id, users, tokens };
}

export function upload(
  host: TestHost,
  token: string,
  meetingId: string,
  bytes: Uint8Array,
  query: Record<string, string> = {},
) {
  const qs = new URLSearchParams({ filename: 'tai-lieu.pdf', ...query });
  return host.api('POST', `/meetings/${meetingId}/documents?${qs}`, {
    token,
    raw: bytes,
    headers: { 'content-type': 'application/pdf' },
  });
}
