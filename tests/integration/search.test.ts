import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchAnswer } from '../../shared/api/schemas/search';
import type { DocumentSummary } from '../../shared/api/schemas/meetings';
import { generatePaper } from '../../main/host/documents/generate-pdf';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { expectError, json, setUpMeeting, upload } from './documents-helpers';
import { writeDraft } from './minutes-helpers';
import type { PapersWorld } from './documents-helpers';

let host: TestHost;
let w: PapersWorld;
let report: DocumentSummary;
let secret: DocumentSummary;
const t = (name: string) => w.tokens[name]!;

function search(token: string, params: Record<string, string>) {
  return host.api('GET', `/search?${new URLSearchParams(params)}`, { token });
}
async function hits(token: string, params: Record<string, string>) {
  return json<SearchAnswer>(await search(token, params), 200);
}
const highlighted = (a: SearchAnswer) =>
  a.hits.flatMap((h) => h.snippet.filter((p) => p.match).map((p) => p.text));

beforeAll(async () => {
  host = await startTestHost();
  w = await setUpMeeting(host);
  await json(
    await host.api('POST', `/meetings/${w.meetingId}/agenda`, {
      token: t('secretary'),
      body: { title: 'Đề án chuyển đổi số thành phố Đà Nẵng giai đoạn 2026-2030' },
    }),
    201,
  );
  const reportPdf = await generatePaper({
    title: 'Báo cáo tình hình quý III',
    pages: [
      ['Tăng trưởng kinh tế đạt 7,5%.'],
      ['Thu ngân sách vượt kế hoạch đề ra, đạt 12 nghìn tỷ đồng.'],
    ],
  });
  const secretPdf = await generatePaper({
    title: 'Phương án nhân sự',
    pages: [['Phương án bổ nhiệm cán bộ chủ chốt, mật.']],
  });
  report = await json<DocumentSummary>(
    await upload(host, t('secretary'), w.meetingId, reportPdf, { filename: 'bao-cao.pdf' }),
    201,
  );
  secret = await json<DocumentSummary>(
    await upload(host, t('secretary'), w.meetingId, secretPdf, {
      filename: 'nhan-su.pdf',
      confidential: 'true',
    }),
    201,
  );
  await json(
    await host.api('PUT', `/meetings/${w.meetingId}/documents/${secret.id}/access`, {
      token: t('secretary'),
      body: [w.users['delegate-a']],
    }),
    200,
  );
});
afterAll(async () => host?.stop(true));

describe('search', () => {
  it('finds nothing in an unpublished meeting for delegates, but the secretary finds it', async () => {
    expect((await hits(t('delegate-b'), { q: 'ngân sách' })).hits).toHaveLength(0);
    const a = await hits(t('secretary'), { q: 'ngân sách' });
    expect(a.hits.some((h) => h.kind === 'page')).toBe(true);
    await json(
      await host.api('POST', `/meetings/${w.meetingId}/publish`, { token: t('secretary') }),
      200,
    );
  });

  it('matches without diacritics, folds đ to d, and gives the page of a paper hit', async () => {
    const a = await hits(t('delegate-b'), { q: 'ngan sach' });
    const page = a.hits.find((h) => h.kind === 'page')!;
    expect(page.documentId).toBe(report.id);
    expect(page.page).toBe(2);
    expect(page.meetingId).toBe(w.meetingId);
    expect(highlighted(a)).toEqual(expect.arrayContaining(['ngân', 'sách']));

    const dong = await hits(t('delegate-b'), { q: 'dong' });
    expect(dong.hits.some((h) => h.documentId === report.id && h.page === 2)).toBe(true);
    expect(highlighted(dong)).toContain('đồng');

    const danang = await hits(t('delegate-b'), { q: 'Da Nang' });
    expect(danang.hits[0]!.kind).toBe('agenda');
    expect(highlighted(danang)).toEqual(expect.arrayContaining(['Đà', 'Nẵng']));
  });

  it('treats NFC and NFD queries the same', async () => {
    const nfc = await hits(t('delegate-b'), { q: 'Đà Nẵng'.normalize('NFC') });
    const nfd = await hits(t('delegate-b'), { q: 'Đà Nẵng'.normalize('NFD') });
    expect(nfd.hits.map((h) => h.sourceId)).toEqual(nfc.hits.map((h) => h.sourceId));
    expect(nfc.hits.length).toBeGreaterThan(0);
  });

  it('supports phrases and prefixes', async () => {
    expect((await hits(t('delegate-b'), { q: '"vuot ke hoach"' })).hits).toHaveLength(1);
    expect((await hits(t('delegate-b'), { q: '"ke hoach vuot"' })).hits).toHaveLength(0);
    expect((await hits(t('delegate-b'), { q: 'tang truong' })).hits.length).toBe(1);
    expect((await hits(t('delegate-b'), { q: 'truon' })).hits).toHaveLength(0);
    expect((await hits(t('delegate-b'), { q: 'truon*' })).hits.length).toBe(1);
  });

  it('finds a confidential paper only for those named on it', async () => {
    expect((await hits(t('delegate-b'), { q: 'bo nhiem' })).hits).toHaveLength(0);
    expect((await hits(t('observer'), { q: 'bo nhiem' })).hits).toHaveLength(0);
    const a = await hits(t('delegate-a'), { q: 'bo nhiem' });
    expect(a.hits.map((h) => h.documentId)).toEqual([secret.id]);
    expect((await hits(t('secretary'), { q: 'bo nhiem' })).hits).toHaveLength(1);
  });

  it('finds nothing for a user outside the meeting', async () => {
    expect((await hits(t('outsider'), { q: 'ngan sach' })).hits).toHaveLength(0);
    expect((await hits(t('outsider'), { q: 'da nang' })).hits).toHaveLength(0);
  });

  it('filters by kind, meeting and date range', async () => {
    const onlyPages = await hits(t('delegate-b'), { q: 'da nang', kind: 'page' });
    expect(onlyPages.hits).toHaveLength(0);
    const agenda = await hits(t('delegate-b'), { q: 'da nang', kind: 'agenda,meeting' });
    expect(agenda.hits.every((h) => h.kind === 'agenda' || h.kind === 'meeting')).toBe(true);
    expect(
      (await hits(t('delegate-b'), { q: 'ngan sach', meeting: w.meetingId })).hits,
    ).toHaveLength(1);
    expect(
      (await hits(t('delegate-b'), { q: 'ngan sach', meeting: 'khong-co' })).hits,
    ).toHaveLength(0);
    expect(
      (await hits(t('delegate-b'), { q: 'ngan sach', from: '2026-12-01', to: '2026-12-01' })).hits,
    ).toHaveLength(1);
    expect((await hits(t('delegate-b'), { q: 'ngan sach', from: '2026-12-02' })).hits).toHaveLength(
      0,
    );
    expect((await hits(t('delegate-b'), { q: 'ngan sach', to: '2026-11-30' })).hits).toHaveLength(
      0,
    );
  });

  it('keeps the index in step with edits', async () => {
    const items = await json<{ agenda: Array<{ id: string; title: string }> }>(
      await host.api('GET', `/meetings/${w.meetingId}`, { token: t('secretary') }),
      200,
    );
    const item = items.agenda.find((i) => i.title.startsWith('Đề án'))!;
    await json(
      await host.api('PATCH', `/meetings/${w.meetingId}/agenda/${item.id}`, {
        token: t('secretary'),
        body: { title: 'Đề án xây dựng cảng biển Liên Chiểu' },
      }),
      200,
    );
    expect((await hits(t('delegate-b'), { q: 'lien chieu' })).hits.map((h) => h.sourceId)).toEqual([
      item.id,
    ]);
    expect((await hits(t('delegate-b'), { q: 'chuyen doi so' })).hits).toHaveLength(0);
  });

  it('finds the minutes as they are written', async () => {
    await writeDraft(host, w.meetingId, t('secretary'), [
      'Hội nghị thống nhất giao Sở Xây dựng khảo sát cầu Thuận Phước.',
    ]);
    const a = await hits(t('delegate-b'), { q: 'cau thuan phuoc' });
    expect(a.hits.map((h) => [h.kind, h.meetingId])).toEqual([['minutes', w.meetingId]]);
    expect(highlighted(a)).toEqual(['cầu', 'Thuận', 'Phước']);
  });

  it('refuses bad queries with a clear 400', async () => {
    await expectError(await search(t('delegate-b'), { q: '' }), 400, 'validation');
    await expectError(await search(t('delegate-b'), { q: 'x', kind: 'bogus' }), 400, 'validation');
    await expectError(
      await search(t('delegate-b'), { q: 'x', from: '2026-13-45' }),
      400,
      'validation',
    );
    await expectError(await search(t('delegate-b'), { q: 'x', limit: '1000' }), 400, 'validation');
    const odd = await hits(t('delegate-b'), { q: 'NEAR( "" * ) OR body:x' });
    expect(Array.isArray(odd.hits)).toBe(true);
    await expectError(await host.api('GET', '/search?q=x'), 401, 'unauthenticated');
  });

  it('forgets a paper once it is deleted', async () => {
    expect((await hits(t('delegate-b'), { q: 'ngan sach' })).hits).toHaveLength(1);
    const del = await host.api('DELETE', `/documents/${report.id}`, { token: t('secretary') });
    expect(del.status).toBe(204);
    expect((await hits(t('delegate-b'), { q: 'ngan sach' })).hits).toHaveLength(0);
    expect((await hits(t('secretary'), { q: 'ngan sach' })).hits).toHaveLength(0);
  });
});
