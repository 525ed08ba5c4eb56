// Once the chair and the secretary have signed the minutes, everything the minutes describe is
// read-only (409 minutes_signed_locked) until the minutes are reopened, with a reason, in the
// audit chain; then editing works again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { createTestCa } from '../helpers/pki';
import type { MeetingDetail } from '../../shared/api/schemas/meetings';
import type { MinutesState } from '../../shared/api/schemas/minutes';
import type { SpeakerRequest } from '../../shared/api/schemas/live';
import { errorCode, json, signAs, writeDraft } from './minutes-helpers';

interface Edit {
  name: string;
  as: 'secretary' | 'chair' | 'delegate';
  method: string;
  route: string;
  body?: unknown;
  raw?: Buffer;
}

describe('a meeting whose minutes are signed', () => {
  let host: TestHost;
  let m: string;
  let tokens: Record<'admin' | 'secretary' | 'chair' | 'delegate', string>;
  let detail: MeetingDetail;
  let speakerRequest: SpeakerRequest;
  let ballotId: string;

  beforeAll(async () => {
    host = await startTestHost({ demo: true });
    m = host.services.meetings.listAll()[0]!.id;
    tokens = {
      admin: await host.login('admin'),
      secretary: await host.login('thu-ky'),
      chair: await host.login('chu-toa'),
      delegate: await host.login('dai-bieu-1'),
    };
    const ca = await createTestCa();
    await json(
      await host.api('POST', '/trust/roots', { token: tokens.admin, body: { pem: ca.pem } }),
    );
    detail = await json<MeetingDetail>(
      await host.api('GET', `/meetings/${m}`, { token: tokens.secretary }),
    );
    speakerRequest = await json<SpeakerRequest>(
      await host.api('POST', `/meetings/${m}/speakers`, { token: tokens.delegate, body: {} }),
      201,
    );
    ballotId = (
      await json<{ id: string }>(
        await host.api('POST', `/meetings/${m}/ballots`, {
          token: tokens.chair,
          body: { question: 'Thông qua chương trình', secret: false, rule: 'majority_of_cast' },
        }),
        201,
      )
    ).id;
    await writeDraft(host, m, tokens.secretary, ['I. THỜI GIAN, ĐỊA ĐIỂM', 'Biên bản cuộc họp.']);
    await json(
      await host.api('POST', `/meetings/${m}/minutes/finalize`, { token: tokens.secretary }),
    );
    await json(await signAs(host, m, tokens.secretary, await ca.issue({ name: 'Trần Thị Lan' })));
    await json(await signAs(host, m, tokens.chair, await ca.issue({ name: 'Nguyễn Văn Hùng' })));
    expect(host.services.minutesState(m)).toBe('signed');
  });
  afterAll(async () => {
    await host.stop(true);
  });

  function edits(): Edit[] {
    const item = detail.agenda[0]!.id;
    const paper = detail.documents[0]!.id;
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    return [
      {
        name: 'meeting details',
        as: 'secretary',
        method: 'PATCH',
        route: `/meetings/${m}`,
        body: { title: 'Đổi tên' },
      },
      {
        name: 'participants',
        as: 'secretary',
        method: 'PUT',
        route: `/meetings/${m}/participants`,
        body: detail.participants.map((p) => ({ userId: p.userId, role: p.role })),
      },
      { name: 'publish', as: 'secretary', method: 'POST', route: `/meetings/${m}/publish` },
      {
        name: 'add agenda item',
        as: 'secretary',
        method: 'POST',
        route: `/meetings/${m}/agenda`,
        body: { title: 'Mục mới' },
      },
      {
        name: 'edit agenda item',
        as: 'secretary',
        method: 'PATCH',
        route: `/meetings/${m}/agenda/${item}`,
        body: { title: 'Sửa' },
      },
      {
        name: 'delete agenda item',
        as: 'secretary',
        method: 'DELETE',
        route: `/meetings/${m}/agenda/${item}`,
      },
      {
        name: 'reorder agenda',
        as: 'secretary',
        method: 'PUT',
        route: `/meetings/${m}/agenda/order`,
        body: detail.agenda.map((i) => i.id).reverse(),
      },
      {
        name: 'current item',
        as: 'chair',
        method: 'POST',
        route: `/meetings/${m}/agenda/${item}/current`,
      },
      {
        name: 'upload paper',
        as: 'secretary',
        method: 'POST',
        route: `/meetings/${m}/documents?filename=moi.pdf`,
        raw: pdf,
      },
      {
        name: 'new version',
        as: 'secretary',
        method: 'POST',
        route: `/documents/${paper}/versions`,
        raw: pdf,
      },
      {
        name: 'paper access',
        as: 'secretary',
        method: 'PUT',
        route: `/meetings/${m}/documents/${paper}/access`,
        body: [],
      },
      {
        name: 'edit paper',
        as: 'secretary',
        method: 'PATCH',
        route: `/documents/${paper}`,
        body: { title: 'Sửa' },
      },
      { name: 'delete paper', as: 'secretary', method: 'DELETE', route: `/documents/${paper}` },
      {
        name: 'attendance',
        as: 'delegate',
        method: 'POST',
        route: `/meetings/${m}/attendance`,
        body: { status: 'present' },
      },
      {
        name: 'ask to speak',
        as: 'chair',
        method: 'POST',
        route: `/meetings/${m}/speakers`,
        body: {},
      },
      {
        name: 'withdraw',
        as: 'delegate',
        method: 'DELETE',
        route: `/meetings/${m}/speakers/${speakerRequest.id}`,
      },
      {
        name: 'start speaker',
        as: 'chair',
        method: 'POST',
        route: `/meetings/${m}/speakers/${speakerRequest.id}/start`,
        body: {},
      },
      {
        name: 'speaker order',
        as: 'chair',
        method: 'PUT',
        route: `/meetings/${m}/speakers/order`,
        body: [speakerRequest.id],
      },
      {
        name: 'speaking settings',
        as: 'chair',
        method: 'PUT',
        route: `/meetings/${m}/speakers/settings`,
        body: { limitSeconds: 300, warningSeconds: 30 },
      },
      {
        name: 'new ballot',
        as: 'chair',
        method: 'POST',
        route: `/meetings/${m}/ballots`,
        body: { question: 'Sau khi ký?', secret: false, rule: 'majority_of_cast' },
      },
      { name: 'open ballot', as: 'chair', method: 'POST', route: `/ballots/${ballotId}/open` },
    ];
  }

  it('answers every editing command with 409 minutes_signed_locked and changes nothing', async () => {
    const auditBefore = host.services.audit.list(m).length;
    const seen: Record<string, string> = {};
    for (const e of edits()) {
      const res = await host.api(e.method, e.route, {
        token: tokens[e.as],
        body: e.body,
        raw: e.raw,
      });
      seen[e.name] = `${res.status} ${await errorCode(res)}`;
    }
    expect(seen).toEqual(
      Object.fromEntries(edits().map((e) => [e.name, '409 minutes_signed_locked'])),
    );
    expect(host.services.audit.list(m)).toHaveLength(auditBefore);
    const after = await json<MeetingDetail>(
      await host.api('GET', `/meetings/${m}`, { token: tokens.secretary }),
    );
    expect(after.title).toBe(detail.title);
    expect(after.agenda).toEqual(detail.agenda);
    expect(after.documents.map((d) => d.id)).toEqual(detail.documents.map((d) => d.id));
  });

  it('an admin reopens with a reason (audited); then editing works again', async () => {
    const reopened = await json<MinutesState>(
      await host.api('POST', `/meetings/${m}/minutes/reopen`, {
        token: tokens.admin,
        body: { reason: 'Bổ sung ý kiến đại biểu' },
      }),
    );
    expect(reopened.status).toBe('draft');
    const patched = await json<{ title: string }>(
      await host.api('PATCH', `/meetings/${m}`, {
        token: tokens.secretary,
        body: { title: 'Tên mới' },
      }),
    );
    expect(patched.title).toBe('Tên mới');
    await json(
      await host.api('POST', `/meetings/${m}/agenda`, {
        token: tokens.secretary,
        body: { title: 'Mục bổ sung' },
      }),
      201,
    );
    const actions = host.services.audit.list(m).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(['minutes.reopen', 'meeting.update', 'agenda.add']);
    const reopen = host.services.audit.list(m).find((e) => e.action === 'minutes.reopen')!;
    expect(reopen.payload).toMatchObject({ reason: 'Bổ sung ý kiến đại biểu' });
    const verify = await json<{ valid: boolean }>(
      await host.api('GET', `/meetings/${m}/audit/verify`, { token: tokens.delegate }),
    );
    expect(verify.valid).toBe(true);
  });
});
