// Sync access with the real documents module: papers uploaded through the HTTP API, one of them
// confidential with an access list; the annotation and notes docs follow who may see each paper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePaper } from '../../main/host/documents/generate-pdf';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { connect, createWorld, json, storedState, until, upgradeStatus } from './sync-helpers';
import type { Client, World } from './sync-helpers';

let host: TestHost;
let world: World;
let openId: string;
let secretId: string;
const clients: Client[] = [];

async function uploadPaper(title: string, query: Record<string, string> = {}): Promise<string> {
  const bytes = await generatePaper({
    title,
    pages: [['Nội dung trang một.']],
    confidential: query.confidential === 'true',
  });
  const qs = new URLSearchParams({ filename: `${title}.pdf`, ...query });
  const res = await host.api('POST', `/meetings/${world.meetingId}/documents?${qs}`, {
    token: world.tokens.secretary,
    raw: bytes,
    headers: { 'content-type': 'application/pdf' },
  });
  return (await json<{ id: string }>(res, 201)).id;
}

const status = async (doc: string, who: keyof World['tokens']) =>
  (await upgradeStatus(host, `${doc}?token=${encodeURIComponent(world.tokens[who])}`)).status;

beforeAll(async () => {
  host = await startTestHost();
  world = await createWorld(host, 'pap');
  openId = await uploadPaper('cong-khai');
  secretId = await uploadPaper('mat', { confidential: 'true' });
  const res = await host.api('PUT', `/meetings/${world.meetingId}/documents/${secretId}/access`, {
    token: world.tokens.secretary,
    body: [world.userIds.delegate],
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await host?.stop(true);
});

describe('sync docs of real papers', () => {
  it('opens the shared annotations of a paper to everyone who sees it', async () => {
    for (const who of ['chair', 'secretary', 'delegate', 'observer'] as const)
      expect(await status(`annotations/${openId}`, who)).toBe(101);
    expect(await status(`annotations/${openId}`, 'outsider')).toBe(404);
  });

  it('keeps a confidential paper to the people named on it', async () => {
    expect(await status(`annotations/${secretId}`, 'delegate')).toBe(101);
    expect(await status(`annotations/${secretId}`, 'secretary')).toBe(101);
    expect(await status(`annotations/${secretId}`, 'observer')).toBe(404);
    expect(await status(`notes/${secretId}/${world.userIds.observer}`, 'observer')).toBe(404);
    expect(await status(`notes/${secretId}/${world.userIds.delegate}`, 'delegate')).toBe(101);
  });

  it('relays annotations between a delegate and the chair and stores them', async () => {
    const a = connect(host, `annotations/${openId}`, world.tokens.delegate);
    const b = connect(host, `annotations/${openId}`, world.tokens.chair);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('annotations').set('n1', { text: 'Đề nghị làm rõ số liệu' });
    await until(() => b.doc.getMap('annotations').has('n1'));
    expect(storedState(host, `annotations/${openId}`).getMap('annotations').get('n1')).toEqual({
      text: 'Đề nghị làm rõ số liệu',
    });
  });

  it('cuts off a delegate taken off a confidential paper at their next message', async () => {
    const c = connect(host, `annotations/${secretId}`, world.tokens.delegate);
    clients.push(c);
    await c.synced;
    const res = await host.api('PUT', `/meetings/${world.meetingId}/documents/${secretId}/access`, {
      token: world.tokens.secretary,
      body: [],
    });
    expect(res.status).toBe(200);
    c.doc.getMap('annotations').set('late', 1);
    await until(() => c.closes.length > 0);
    expect(c.closes[0]).toEqual({ code: 4403, reason: 'access withdrawn' });
    expect(storedState(host, `annotations/${secretId}`).getMap('annotations').has('late')).toBe(
      false,
    );
  });
});
