// Speakers' queues over HTTP and in the live doc: request, duplicate, withdraw, reorder, start
// (stopping whoever spoke), stop, settings, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import type { SpeakerRequest, SpeakersState } from '../../shared/api/schemas/live';
import { call, seedLiveMeeting } from './voting-seed';
import type { SeededMeeting } from './voting-seed';

let host: TestHost;
let m: SeededMeeting;
const path = () => `/meetings/${m.meetingId}/speakers`;
const code = (r: { body: unknown }) => (r.body as { error: { code: string } }).error.code;

beforeAll(async () => {
  host = await startTestHost();
  m = await seedLiveMeeting(host.services, { voters: 4, prefix: 'sp' });
});
afterAll(async () => {
  await host.stop(true);
});

describe('speakers', () => {
  const ids: string[] = [];

  it('queues requests on the current item; one open request per person', async () => {
    for (const v of m.voters.slice(0, 3)) {
      const r = await call(host.url, 'POST', path(), v.token, {});
      expect(r.status).toBe(201);
      const req = r.body as SpeakerRequest;
      expect(req).toMatchObject({ userId: v.id, status: 'waiting', agendaItemId: m.agendaItemId });
      ids.push(req.id);
    }
    const dup = await call(host.url, 'POST', path(), m.voters[0]!.token, {});
    expect(dup.status).toBe(409);
    expect(code(dup)).toBe('already_requested');
    const observer = await call(host.url, 'POST', path(), m.observer.token, {});
    expect(observer.status).toBe(403);
    const forged = await call(host.url, 'POST', path(), m.voters[3]!.token, {
      userId: m.voters[2]!.id,
    });
    expect(forged.status).toBe(403);
  });

  it('lets the owner withdraw but not someone else', async () => {
    const other = await call(host.url, 'DELETE', `${path()}/${ids[2]}`, m.voters[0]!.token);
    expect(other.status).toBe(403);
    expect((await call(host.url, 'DELETE', `${path()}/${ids[2]}`, m.voters[2]!.token)).status).toBe(
      204,
    );
    const again = await call(host.url, 'DELETE', `${path()}/${ids[2]}`, m.voters[2]!.token);
    expect(code(again)).toBe('speaker_not_waiting');
  });

  it('the chair reorders the queue (exactly the waiting requests)', async () => {
    const bad = await call(host.url, 'PUT', `${path()}/order`, m.chair.token, [ids[1]]);
    expect(code(bad)).toBe('speaker_order_mismatch');
    expect(
      (await call(host.url, 'PUT', `${path()}/order`, m.voters[0]!.token, [ids[1], ids[0]])).status,
    ).toBe(403);
    const ok = await call(host.url, 'PUT', `${path()}/order`, m.chair.token, [ids[1], ids[0]]);
    expect((ok.body as SpeakerRequest[]).map((r) => r.id)).toEqual([ids[1], ids[0]]);
  });

  it('starts and stops speakers; starting the next one ends the current turn', async () => {
    expect(
      (
        await call(host.url, 'PUT', `${path()}/settings`, m.chair.token, {
          limitSeconds: 120,
          warningSeconds: 20,
        })
      ).status,
    ).toBe(200);
    expect(
      code(
        await call(host.url, 'PUT', `${path()}/settings`, m.chair.token, {
          limitSeconds: 60,
          warningSeconds: 60,
        }),
      ),
    ).toBe('speaking_warning_too_long');
    expect(
      (await call(host.url, 'POST', `${path()}/${ids[1]}/start`, m.voters[0]!.token)).status,
    ).toBe(403);
    const first = await call(host.url, 'POST', `${path()}/${ids[1]}/start`, m.chair.token);
    expect(first.body).toMatchObject({ status: 'speaking', limitSeconds: 120 });
    expect((first.body as SpeakerRequest).startedAt).not.toBeNull();
    const second = await call(host.url, 'POST', `${path()}/${ids[0]}/start`, m.chair.token, {
      limitSeconds: 300,
    });
    expect(second.body).toMatchObject({ status: 'speaking', limitSeconds: 300 });
    const state = (await call(host.url, 'GET', path(), m.observer.token)).body as SpeakersState;
    expect(state.current?.id).toBe(ids[0]);
    expect(state.settings).toEqual({ limitSeconds: 120, warningSeconds: 20 });
    expect(Object.values(state.queues).flat()).toHaveLength(0);
    expect(code(await call(host.url, 'POST', `${path()}/${ids[1]}/stop`, m.chair.token))).toBe(
      'speaker_not_speaking',
    );
    const stopped = await call(host.url, 'POST', `${path()}/${ids[0]}/stop`, m.chair.token);
    expect(stopped.body).toMatchObject({ status: 'done' });
    expect(
      ((await call(host.url, 'GET', path(), m.observer.token)).body as SpeakersState).current,
    ).toBeNull();
    const actions = (
      (await call(host.url, 'GET', `/meetings/${m.meetingId}/audit`, m.chair.token)).body as Array<{
        action: string;
      }>
    ).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('speaker.'))).toEqual([
      'speaker.request',
      'speaker.request',
      'speaker.request',
      'speaker.withdraw',
      'speaker.reorder',
      'speaker.settings',
      'speaker.start',
      'speaker.stop',
      'speaker.start',
      'speaker.stop',
    ]);
  });
});
