import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../shared/api/schemas/documents';
import type { DocumentSummary, MeetingDetail } from '../../shared/api/schemas/meetings';
import { generatePaper } from '../../main/host/documents/generate-pdf';
import { startTestHost } from '../helpers/host';
import { sample } from '../helpers/samples';
import type { TestHost } from '../helpers/host';
import { expectError, json, setUpMeeting, upload } from './documents-helpers';
import type { PapersWorld } from './documents-helpers';
import { connect, upgradeStatus } from './sync-helpers';

let host: TestHost;
let w: PapersWorld;
let reportPdf: Uint8Array;
let secretPdf: Uint8Array;

beforeAll(async () => {
  host = await startTestHost();
  w = await setUpMeeting(host);
  reportPdf = await generatePaper({
    title: 'Báo cáo tình hình quý III',
    pages: [['Tăng trưởng kinh tế đạt 7,5%.'], ['Thu ngân sách vượt kế hoạch.']],
  });
  secretPdf = await generatePaper({
    title: 'Tài liệu mật về nhân sự',
    confidential: true,
    pages: [['Phương án nhân sự đặc biệt Đà Nẵng.']],
  });
});
afterAll(async () => host?.stop(true));

const t = (name: string) => w.tokens[name]!;

describe('document store', () => {
  let report: DocumentSummary;

  it('stores an upload under its SHA-256 and answers id, sha256, pages, size, title', async () => {
    report = await json<DocumentSummary>(
      await upload(host, t('secretary'), w.meetingId, reportPdf, {
        filename: 'bao-cao-quy-3.pdf',
        agendaItemId: w.agendaId,
      }),
      201,
    );
    expect(report.pages).toBe(2);
    expect(report.size).toBe(reportPdf.length);
    expect(report.title).toBe('Báo cáo tình hình quý III');
    expect(report.agendaItemId).toBe(w.agendaId);
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = path.join(
      host.dataDir,
      'documents',
      report.sha256.slice(0, 2),
      `${report.sha256}.pdf`,
    );
    expect(Buffer.compare(fs.readFileSync(stored), Buffer.from(reportPdf))).toBe(0);
    expect(fs.readdirSync(path.join(host.dataDir, 'documents', 'tmp'))).toEqual([]);
  });

  it('stores the same bytes once', async () => {
    const again = await json<DocumentSummary>(
      await upload(host, t('secretary'), w.meetingId, reportPdf),
      201,
    );
    expect(again.id).not.toBe(report.id);
    expect(again.sha256).toBe(report.sha256);
    const dir = path.join(host.dataDir, 'documents', report.sha256.slice(0, 2));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(report.sha256))).toHaveLength(1);
    await json(await host.api('DELETE', `/documents/${again.id}`, { token: t('secretary') }), 204);
  });

  it('keeps the text of every page and a first-page thumbnail', async () => {
    const text = await json<Array<{ page: number; text: string }>>(
      await host.api('GET', `/documents/${report.id}/text`, { token: t('secretary') }),
      200,
    );
    expect(text.map((p) => p.page)).toEqual([1, 2]);
    expect(text[0]!.text).toContain('Tăng trưởng kinh tế đạt 7,5%');
    expect(text[1]!.text).toContain('Thu ngân sách vượt kế hoạch');
    const rows = host.services.db
      .prepare('SELECT page, text FROM document_pages WHERE document_id = ? ORDER BY page')
      .all(report.id);
    expect(rows).toHaveLength(2);
    const thumb = await host.api('GET', `/documents/${report.id}/thumbnail`, {
      token: t('secretary'),
    });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await thumb.arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(240); // IHDR width
  });

  it('keeps a screen-sized first-page preview with the page size in points', async () => {
    const res = await host.api('GET', `/documents/${report.id}/preview`, {
      token: t('secretary'),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    // generatePaper makes A4 pages: 595.28 × 841.89 points.
    const [w, h] = (res.headers.get('x-page-size') ?? '').split(' ').map(Number);
    expect(w).toBeCloseTo(595.28, 1);
    expect(h).toBeCloseTo(841.89, 1);
    const webp = Buffer.from(await res.arrayBuffer());
    expect(webp.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(webp.length).toBeGreaterThan(2_000);
  });

  it('serves the bytes back, also with access_token for links', async () => {
    const res = await fetch(
      `${host.url}/api/v1/documents/${report.id}/file?access_token=${t('secretary')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(reportPdf))).toBe(0);
  });

  it('refuses uploads by delegates and to an unknown agenda item', async () => {
    // The meeting is still a draft: a delegate does not even know it exists.
    await expectError(
      await upload(host, t('delegate-a'), w.meetingId, reportPdf),
      404,
      'not_found',
    );
    await expectError(
      await upload(host, t('secretary'), w.meetingId, reportPdf, { agendaItemId: 'nope' }),
      400,
      'document_agenda_item_unknown',
    );
  });

  it('flags a password-protected PDF as encrypted, pages unknown', async () => {
    const bytes = fs.readFileSync(sample('issue6010_1.pdf'));
    const doc = await json<DocumentSummary>(
      await upload(host, t('secretary'), w.meetingId, bytes, { filename: 'co-mat-khau.pdf' }),
      201,
    );
    expect(doc.encrypted).toBe(true);
    expect(doc.pages).toBe(0);
    expect(doc.title).toBe('co-mat-khau');
    // A preview would show what the password guards.
    await expectError(
      await host.api('GET', `/documents/${doc.id}/preview`, { token: t('secretary') }),
      404,
      'not_found',
    );
    await json(await host.api('DELETE', `/documents/${doc.id}`, { token: t('secretary') }), 204);
  });
});

describe('versions', () => {
  it('replacing a paper makes a new version; the old one stays readable and says what replaced it', async () => {
    const v1 = await json<DocumentSummary>(
      await upload(host, t('secretary'), w.meetingId, reportPdf, { agendaItemId: w.agendaId }),
      201,
    );
    const newBytes = await generatePaper({ title: 'Báo cáo (sửa đổi)', pages: [['Bản sửa đổi.']] });
    const v2 = await json<DocumentDetail>(
      await host.api('POST', `/documents/${v1.id}/versions?filename=bao-cao-v2.pdf`, {
        token: t('secretary'),
        raw: newBytes,
      }),
      201,
    );
    expect(v2.version).toBe(2);
    expect(v2.lineageId).toBe(v1.id);
    expect(v2.agendaItemId).toBe(w.agendaId);
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2]);
    const old = await json<DocumentDetail>(
      await host.api('GET', `/documents/${v1.id}`, { token: t('secretary') }),
      200,
    );
    expect(old.replacedBy).toBe(v2.id);
    expect(old.latestId).toBe(v2.id);
    const detail = await json<MeetingDetail>(
      await host.api('GET', `/meetings/${w.meetingId}`, { token: t('secretary') }),
      200,
    );
    // Both versions are listed; the old one says what replaced it.
    expect(detail.documents.find((d) => d.id === v2.id)?.replacedBy).toBeNull();
    expect(detail.documents.find((d) => d.id === v1.id)?.replacedBy).toBe(v2.id);
    await json(await host.api('DELETE', `/documents/${v2.id}`, { token: t('secretary') }), 204);
    await expectError(
      await host.api('GET', `/documents/${v1.id}`, { token: t('secretary') }),
      404,
      'not_found',
    );
  });
});

describe('confidential papers', () => {
  let secret: DocumentSummary;
  let open: DocumentSummary;

  beforeAll(async () => {
    open = await json<DocumentSummary>(
      await upload(host, t('secretary'), w.meetingId, reportPdf, { filename: 'cong-khai.pdf' }),
      201,
    );
    secret = await json<DocumentSummary>(
      await upload(host, t('secretary'), w.meetingId, secretPdf, {
        filename: 'mat.pdf',
        confidential: 'true',
      }),
      201,
    );
    expect(secret.confidential).toBe(true);
    const detail = await json<DocumentDetail>(
      await host.api('PUT', `/meetings/${w.meetingId}/documents/${secret.id}/access`, {
        token: t('secretary'),
        body: [w.users['delegate-a']],
      }),
      200,
    );
    expect(detail.access).toEqual([w.users['delegate-a']]);
  });

  it('delegates see nothing before the meeting is published', async () => {
    await expectError(
      await host.api('GET', `/documents/${open.id}`, { token: t('delegate-a') }),
      404,
    );
    await json(
      await host.api('POST', `/meetings/${w.meetingId}/publish`, { token: t('secretary') }),
      200,
    );
  });

  it('the listed delegate, the secretary and the chair see it; the others do not, by any route', async () => {
    for (const who of ['delegate-a', 'secretary', 'chair']) {
      const detail = await json<MeetingDetail>(
        await host.api('GET', `/meetings/${w.meetingId}`, { token: t(who) }),
        200,
      );
      expect(
        detail.documents.map((d) => d.id),
        who,
      ).toContain(secret.id);
      expect(
        (await host.api('GET', `/documents/${secret.id}/file`, { token: t(who) })).status,
        who,
      ).toBe(200);
      expect(host.services.papers.canSee(secret.id, w.users[who]!)).toBe(true);
    }
    const text = await json<Array<{ text: string }>>(
      await host.api('GET', `/documents/${secret.id}/text`, { token: t('delegate-a') }),
      200,
    );
    expect(text[0]!.text).toContain('Phương án nhân sự');

    for (const who of ['delegate-b', 'observer']) {
      const detail = await json<MeetingDetail>(
        await host.api('GET', `/meetings/${w.meetingId}`, { token: t(who) }),
        200,
      );
      expect(
        detail.documents.map((d) => d.id),
        who,
      ).toContain(open.id);
      expect(
        detail.documents.map((d) => d.id),
        who,
      ).not.toContain(secret.id);
      for (const route of ['', '/file', '/thumbnail', '/preview', '/text']) {
        await expectError(
          await host.api('GET', `/documents/${secret.id}${route}`, { token: t(who) }),
          404,
          'not_found',
        );
      }
      expect(host.services.papers.canSee(secret.id, w.users[who]!)).toBe(false);
      // The audit log is readable by every participant: it must not name the paper.
      const auditRes = await host.api('GET', `/meetings/${w.meetingId}/audit`, { token: t(who) });
      if (auditRes.status === 200) expect(await auditRes.text()).not.toContain('nhân sự');
    }
    await expectError(
      await host.api('GET', `/documents/${secret.id}`, { token: t('outsider') }),
      404,
    );
    expect(host.services.papers.meetingOf(secret.id)).toBe(w.meetingId);
  });

  it('a delegate may not upload to the published meeting', async () => {
    await expectError(
      await upload(host, t('delegate-a'), w.meetingId, reportPdf),
      403,
      'forbidden',
    );
  });

  it('search finds the confidential text only for those who may see it', async () => {
    const hitsFor = async (who: string) => {
      const res = await host.api('GET', `/search?q=${encodeURIComponent('phuong an nhan su')}`, {
        token: t(who),
      });
      return JSON.stringify(await json<unknown>(res, 200));
    };
    expect(await hitsFor('delegate-a')).toContain(secret.id);
    expect(await hitsFor('secretary')).toContain(secret.id);
    for (const who of ['delegate-b', 'observer', 'outsider']) {
      const hits = await hitsFor(who);
      expect(hits, who).not.toContain(secret.id);
      expect(hits, who).not.toContain('nhân sự');
    }
  });

  it('a delegate only sees the access list as null', async () => {
    const detail = await json<DocumentDetail>(
      await host.api('GET', `/documents/${secret.id}`, { token: t('delegate-a') }),
      200,
    );
    expect(detail.access).toBeNull();
  });

  it('a new version keeps the readers and stays confidential', async () => {
    const v2 = await json<DocumentDetail>(
      await host.api('POST', `/documents/${secret.id}/versions`, {
        token: t('secretary'),
        raw: secretPdf,
      }),
      201,
    );
    expect(v2.confidential).toBe(true);
    expect(v2.access).toEqual([w.users['delegate-a']]);
    expect(host.services.papers.canSee(v2.id, w.users['delegate-b']!)).toBe(false);
    expect(host.services.papers.canSee(v2.id, w.users['delegate-a']!)).toBe(true);
    // The old version is still confidential too.
    await expectError(
      await host.api('GET', `/documents/${secret.id}/file`, { token: t('delegate-b') }),
      404,
    );
  });

  it('the sync doc of the paper is refused to an unlisted delegate', async () => {
    const allowed = connect(host, `annotations/${secret.id}`, t('delegate-a'));
    await allowed.synced;
    allowed.destroy();
    const refused = await upgradeStatus(
      host,
      `annotations/${secret.id}?token=${encodeURIComponent(t('delegate-b'))}`,
    );
    expect(refused.status).not.toBe(101);
    expect(refused.body).not.toContain('nhân sự');
  });
});

describe('pictures of papers imported without them', () => {
  it('are drawn when first asked for: preview and thumbnail, once', async () => {
    // The demo seed and archive packages import papers without parsing them again.
    const token = t('secretary');
    const bytes = await generatePaper({ title: 'Tờ trình', pages: [['Nội dung tờ trình.']] });
    const { importPaper } = await import('../../main/host/documents/import-paper');
    const { Readable } = await import('node:stream');
    const doc = await importPaper(host.services, {
      meetingId: w.meetingId,
      userId: w.users.secretary!,
      body: Readable.from([Buffer.from(bytes)]),
      filename: 'to-trinh.pdf',
      trusted: { pages: 1, title: 'Tờ trình', text: ['Nội dung tờ trình.'] },
    });
    expect(host.services.documents.repo.preview(doc.id)).toBeNull();
    expect(host.services.documents.repo.get(doc.id)?.hasThumbnail).toBe(false);
    const [a, b] = await Promise.all(
      [1, 2].map(() => host.api('GET', `/documents/${doc.id}/preview`, { token })),
    );
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect(a!.headers.get('x-page-size')).toMatch(/^595\.\d+ 841\.\d+$/);
    expect(
      Buffer.from(await a!.arrayBuffer())
        .subarray(8, 12)
        .toString('latin1'),
    ).toBe('WEBP');
    expect(host.services.documents.repo.get(doc.id)?.hasThumbnail).toBe(true);
    // The page texts it was imported with are kept (the pictures-only parse reads no text).
    const text = await json<Array<{ page: number; text: string }>>(
      await host.api('GET', `/documents/${doc.id}/text`, { token }),
      200,
    );
    expect(text).toEqual([{ page: 1, text: 'Nội dung tờ trình.' }]);
  });
});
