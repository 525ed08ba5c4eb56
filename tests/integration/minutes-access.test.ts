// Who may call the minutes commands, role by role, through the real host (api.md: the facts for
// "insert from the meeting" are for the secretary and the chair, not for every participant).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import type { MeetingDetail } from '../../shared/api/schemas/meetings';
import { json } from './minutes-helpers';

type Caller = 'secretary' | 'chair' | 'delegate' | 'observer' | 'admin' | 'outsider';

describe('minutes commands: role × route', () => {
  let host: TestHost;
  let meetingId: string;
  const tokens = {} as Record<Caller, string>;

  beforeAll(async () => {
    host = await startTestHost({ demo: true });
    meetingId = host.services.meetings.listAll()[0]!.id;
    tokens.admin = await host.login('admin');
    tokens.secretary = await host.login('thu-ky');
    tokens.chair = await host.login('chu-toa');
    tokens.delegate = await host.login('dai-bieu-1');
    const made: Record<string, string> = {};
    for (const username of ['quan-sat', 'nguoi-ngoai']) {
      const u = await json<{ id: string }>(
        await host.api('POST', '/users', {
          token: tokens.admin,
          body: { username, password: 'demo', displayName: username },
        }),
        201,
      );
      made[username] = u.id;
    }
    const detail = await json<MeetingDetail>(
      await host.api('GET', `/meetings/${meetingId}`, { token: tokens.secretary }),
    );
    await json(
      await host.api('PUT', `/meetings/${meetingId}/participants`, {
        token: tokens.secretary,
        body: [
          ...detail.participants.map((p) => ({
            userId: p.userId,
            role: p.role,
            canVote: p.canVote,
          })),
          { userId: made['quan-sat']!, role: 'observer' },
        ],
      }),
    );
    tokens.observer = await host.login('quan-sat');
    tokens.outsider = await host.login('nguoi-ngoai');
  });
  afterAll(async () => {
    await host.stop(true);
  });

  const statusOf = async (caller: Caller, route: string) =>
    (await host.api('GET', route.replace(':m', meetingId), { token: tokens[caller] })).status;

  it('gives the minutes facts to the secretary, the chair and an admin only', async () => {
    const seen: Record<Caller, number> = {
      secretary: await statusOf('secretary', '/meetings/:m/minutes/facts'),
      chair: await statusOf('chair', '/meetings/:m/minutes/facts'),
      admin: await statusOf('admin', '/meetings/:m/minutes/facts'),
      delegate: await statusOf('delegate', '/meetings/:m/minutes/facts'),
      observer: await statusOf('observer', '/meetings/:m/minutes/facts'),
      outsider: await statusOf('outsider', '/meetings/:m/minutes/facts'),
    };
    expect(seen).toEqual({
      secretary: 200,
      chair: 200,
      admin: 200,
      delegate: 403,
      observer: 403,
      // Someone outside the meeting is not told that it exists.
      outsider: 404,
    });
  });

  it('still shows the minutes state to every participant', async () => {
    for (const caller of ['secretary', 'chair', 'admin', 'delegate', 'observer'] as const)
      expect(await statusOf(caller, '/meetings/:m/minutes'), caller).toBe(200);
    expect(await statusOf('outsider', '/meetings/:m/minutes')).toBe(404);
  });

  it('lets an admin, the chair and the secretary reopen, but not a delegate or an observer', async () => {
    const reopen = (caller: Caller) =>
      host.api('POST', `/meetings/${meetingId}/minutes/reopen`, {
        token: tokens[caller],
        body: { reason: 'Kiểm tra quyền' },
      });
    // The minutes are still a draft: callers who may reopen are told so (409), the others 403/404.
    expect((await reopen('delegate')).status).toBe(403);
    expect((await reopen('observer')).status).toBe(403);
    expect((await reopen('outsider')).status).toBe(404);
    for (const caller of ['admin', 'chair', 'secretary'] as const) {
      const res = await reopen(caller);
      expect(res.status, caller).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'minutes_not_final',
      );
    }
  });
});
