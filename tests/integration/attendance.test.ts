// Attendance over HTTP and in the live meeting doc (stock y-websocket client): self check-in,
// the secretary marking others with a reason, counts and the quorum; and a secret ballot's live
// section showing only the turnout until close.
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { LIVE_ROOT } from '../../shared/sync/live-meeting';
import { statusFromCodes } from '../../shared/api/schemas/live';
import type { AttendanceLive, AttendanceSummary } from '../../shared/api/schemas/live';
import type { Ballot } from '../../shared/api/schemas/ballots';
import { call, seedLiveMeeting } from './voting-seed';
import type { SeededMeeting } from './voting-seed';

let host: TestHost;
let m: SeededMeeting;
let doc: Y.Doc;
let provider: WebsocketProvider;

const section = <T>(name: string) => doc.getMap<unknown>(LIVE_ROOT).get(name) as T | undefined;
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 2000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const mark = (token: string, body: Record<string, unknown>) =>
  call(host.url, 'POST', `/meetings/${m.meetingId}/attendance`, token, body);

beforeAll(async () => {
  host = await startTestHost();
  m = await seedLiveMeeting(host.services, { voters: 5, prefix: 'at' });
  doc = new Y.Doc();
  provider = new WebsocketProvider(
    `${host.url.replace(/^http/, 'ws')}/sync`,
    `meeting/${m.meetingId}`,
    doc,
    {
      params: { token: m.voters[4]!.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  await until(() => section<AttendanceLive>('attendance') !== undefined, 'the live doc');
});
afterAll(async () => {
  provider.destroy();
  doc.destroy();
  await host.stop(true);
});

describe('attendance', () => {
  it('counts check-ins live and tells when the quorum is reached', async () => {
    expect(section<AttendanceLive>('attendance')).toMatchObject({
      members: 5,
      presentMembers: 0,
      quorumReached: false,
    });
    for (const v of m.voters.slice(0, 3))
      expect((await mark(v.token, { status: 'present' })).status).toBe(200);
    await until(() => section<AttendanceLive>('attendance')?.presentMembers === 3, 'three present');
    const live = section<AttendanceLive>('attendance')!;
    expect(live.quorumReached).toBe(true);
    // Each device reads its own status from one character per participant.
    const ids = (section<Array<{ userId: string }>>('participants') ?? []).map((p) => p.userId);
    expect(ids).toHaveLength(9);
    expect(statusFromCodes(live, ids, m.voters[0]!.id)).toBe('present');
    expect(statusFromCodes(live, ids, m.voters[4]!.id)).toBeNull();
    const full = (
      await call(host.url, 'GET', `/meetings/${m.meetingId}/attendance`, m.secretary.token)
    ).body as AttendanceSummary;
    expect(full.entries.find((e) => e.userId === m.voters[0]!.id)).toMatchObject({
      status: 'present',
      markedBy: m.voters[0]!.id,
    });
  });

  it('lets the secretary mark anyone with a reason, and nobody else', async () => {
    const r = await mark(m.secretary.token, {
      status: 'absent',
      reason: 'Ốm',
      userId: m.voters[3]!.id,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'absent', reason: 'Ốm', markedBy: m.secretary.id });
    const forged = await mark(m.voters[0]!.token, { status: 'absent', userId: m.voters[1]!.id });
    expect(forged.status).toBe(403);
    expect((forged.body as { error: { code: string } }).error.code).toBe('forbidden');
    expect(
      (await mark(m.secretary.token, { status: 'present', userId: m.outsider.id })).status,
    ).toBe(404);
    expect((await mark(m.voters[0]!.token, { status: 'maybe' })).status).toBe(400);
    expect((await mark(m.outsider.token, { status: 'present' })).status).toBe(404);
    const summary = (
      await call(host.url, 'GET', `/meetings/${m.meetingId}/attendance`, m.observer.token)
    ).body as AttendanceSummary;
    expect(summary).toMatchObject({ members: 5, presentMembers: 3, absent: 1 });
  });

  it('projects a secret ballot as turnout only until it closes', async () => {
    const b = (
      await call(host.url, 'POST', `/meetings/${m.meetingId}/ballots`, m.chair.token, {
        question: 'Kín',
        secret: true,
        rule: 'majority_of_cast',
      })
    ).body as Ballot;
    await call(host.url, 'POST', `/ballots/${b.id}/open`, m.chair.token);
    await call(host.url, 'POST', `/ballots/${b.id}/votes`, m.voters[0]!.token, {
      option: 'Không tán thành',
    });
    await call(host.url, 'POST', `/ballots/${b.id}/votes`, m.voters[1]!.token, {
      option: 'Tán thành',
    });
    const liveBallot = () => section<Ballot[]>('ballots')?.find((x) => x.id === b.id);
    await until(() => liveBallot()?.turnout?.cast === 2, 'the turnout');
    const open = JSON.stringify(doc.getMap(LIVE_ROOT).toJSON());
    expect(liveBallot()?.result).toBeNull();
    expect(open.includes('"counts"')).toBe(false);
    await call(host.url, 'POST', `/ballots/${b.id}/close`, m.chair.token);
    await until(() => liveBallot()?.status === 'closed', 'the close');
    expect(liveBallot()?.result).toMatchObject({
      counts: { 'Tán thành': 1, 'Không tán thành': 1, 'Không biểu quyết': 0 },
      cast: 2,
      eligible: 3,
    });
    expect(liveBallot()?.result?.votes).toBeUndefined();
  });
});
