// The meeting pages end to end: a secretary and a delegate on two "tablets" (browser contexts)
// against one real host. The delegate's page follows the live doc `meeting/<id>`: every change
// must appear there without a reload.
import type { Locator, Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from './fixtures';

const DEMO_MEETING = 'Phiên họp thường kỳ tháng 11 năm 2026 của Ủy ban nhân dân tỉnh';

async function openDemoMeeting(page: Page): Promise<string> {
  await page
    .getByTestId('meeting-card')
    .filter({ hasText: DEMO_MEETING })
    .getByRole('link')
    .click();
  await expect(page.getByTestId('meeting-title')).toHaveText(DEMO_MEETING);
  return (await page.getByTestId('meeting-page').getAttribute('data-meeting-id'))!;
}

/** Marks the window so the test can prove later that the page was never reloaded. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __notReloaded: true }));
}
async function expectNotReloaded(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded),
  ).toBe(true);
}

function titles(list: Locator): Promise<string[]> {
  return list.allInnerTexts();
}

async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced');
}

for (const lang of ['vi', 'en'] as const) {
  test(`secretary adds and reorders agenda items; the delegate sees it live (${lang})`, async ({
    loginAs,
  }) => {
    const { page: secretary } = await loginAs('thu-ky', { lang });
    const { page: delegate } = await loginAs('dai-bieu-1', {
      lang,
      viewport: { width: 800, height: 1100 },
    });

    await openDemoMeeting(delegate);
    await expectLive(delegate);
    await markWindow(delegate);
    const delegateTitles = delegate.getByTestId('agenda-item-title');
    await expect(delegateTitles).toHaveCount(5);
    await expect(
      delegate.getByRole('heading', {
        name: lang === 'en' ? 'Agenda' : 'Chương trình họp',
        exact: true,
      }),
    ).toBeVisible();

    await openDemoMeeting(secretary);
    await secretary.getByTestId('meeting-edit').click();
    const editorTitles = secretary.getByTestId('editor-item-title');
    await expect(editorTitles).toHaveCount(5);

    // Add an item with a presenter picked from the participants and a duration.
    const newTitle = lang === 'en' ? 'Any other business' : 'Các vấn đề khác';
    await secretary.getByTestId('agenda-add-title').fill(newTitle);
    await secretary.getByTestId('agenda-add-presenter').selectOption({ label: 'Lê Minh Đức' });
    await secretary.getByTestId('agenda-add-duration').fill('20');
    await secretary
      .getByRole('button', { name: lang === 'en' ? 'Add item' : 'Thêm nội dung' })
      .click();
    await expect(editorTitles).toHaveCount(6);
    await expect(editorTitles.last()).toHaveText(newTitle);

    await expect(delegateTitles).toHaveCount(6);
    await expect(delegateTitles.last()).toHaveText(newTitle);
    const lastDelegateItem = delegate.getByTestId('agenda-item').last();
    await expect(lastDelegateItem).toContainText('Lê Minh Đức');
    await expect(lastDelegateItem).toContainText(lang === 'en' ? '20 min' : '20 phút');

    // Reorder with the Up button: the new item moves from 6th to 5th.
    await secretary.getByTestId('editor-item').last().getByTestId('move-up').click();
    await expect(editorTitles.nth(4)).toHaveText(newTitle);
    // ...and with the keyboard: Alt+ArrowDown on the first item's handle moves it to 2nd.
    const first = await editorTitles.first().innerText();
    await secretary.getByTestId('drag-handle').first().focus();
    await secretary.keyboard.press('Alt+ArrowDown');
    await expect(editorTitles.nth(1)).toHaveText(first);
    // Focus stays on the moved item's handle, so the key can be pressed again.
    await expect(
      secretary.getByTestId('editor-item').nth(1).getByTestId('drag-handle'),
    ).toBeFocused();

    const expected = await titles(editorTitles);
    expect(expected[4]).toBe(newTitle);
    await expect.poll(async () => await titles(delegateTitles)).toEqual(expected);

    // Drag the third item to the top with the pointer (mouse here; touch uses the same events).
    const third = expected[2]!;
    const handle = secretary.getByTestId('drag-handle').nth(2);
    const target = secretary.getByTestId('editor-item').first();
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await secretary.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await secretary.mouse.down();
    await secretary.mouse.move(from.x + from.width / 2, to.y + 5, { steps: 8 });
    await secretary.mouse.up();
    await expect(editorTitles.first()).toHaveText(third);
    const afterDrag = await titles(editorTitles);
    await expect.poll(async () => await titles(delegateTitles)).toEqual(afterDrag);

    // The order is the host's, not only the page's: a fresh load shows it too.
    await secretary.reload();
    await expect(editorTitles).toHaveText(afterDrag);

    // Delete the new item: it disappears for the delegate too.
    const row = secretary.getByTestId('editor-item').filter({ hasText: newTitle });
    await row.getByTestId('item-delete').click();
    await row.getByTestId('item-delete-confirm').click();
    await expect(editorTitles).toHaveCount(5);
    await expect(delegateTitles).toHaveCount(5);
    await expectNotReloaded(delegate);
  });
}

test('the chair moves the meeting to an item; the delegate sees it highlighted live', async ({
  loginAs,
}) => {
  const { page: chair } = await loginAs('chu-toa');
  const { page: delegate } = await loginAs('dai-bieu-2');
  await openDemoMeeting(delegate);
  await expectLive(delegate);
  await markWindow(delegate);
  await openDemoMeeting(chair);
  // Delegates have no chair controls.
  await expect(delegate.getByTestId('set-current')).toHaveCount(0);

  await chair.getByTestId('agenda-item').nth(2).getByTestId('set-current').click();
  const current = delegate.locator('[data-testid="agenda-item"][aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute(
    'data-item-id',
    (await chair.getByTestId('agenda-item').nth(2).getAttribute('data-item-id'))!,
  );
  await expect(current).toContainText('Đang thảo luận');
  await expect(delegate.getByTestId('current-item-banner')).toContainText(
    `3. ${await chair.getByTestId('agenda-item-title').nth(2).innerText()}`,
  );

  await chair.getByTestId('agenda-item').nth(3).getByTestId('set-current').click();
  await expect(delegate.getByTestId('agenda-item').nth(3)).toHaveAttribute('aria-current', 'step');
  await expect(delegate.getByTestId('agenda-item').nth(2)).not.toHaveAttribute(
    'aria-current',
    'step',
  );
  await expectNotReloaded(delegate);
});

test('a secretary creates a meeting, adds participants by username and publishes it', async ({
  loginAs,
}) => {
  const { page: secretary } = await loginAs('thu-ky');
  const { page: delegate } = await loginAs('dai-bieu-3');
  const title = 'Họp giao ban tuần 48';

  await secretary.getByTestId('meeting-new').click();
  await secretary.getByTestId('meeting-title-input').fill(title);
  await secretary.getByTestId('meeting-starts-input').fill('2026-11-30T08:30');
  await secretary.getByTestId('meeting-location-input').fill('Phòng họp số 2');
  await secretary.getByTestId('meeting-details-submit').click();
  await expect(secretary.getByTestId('meeting-editor')).toBeVisible();
  await expect(secretary.getByTestId('meeting-status')).toHaveText('Bản nháp');

  // An unknown username gets the host's readable message.
  await secretary.getByTestId('participant-username').fill('khong-ton-tai');
  await secretary.getByTestId('participant-add').click();
  await expect(secretary.getByRole('alert')).toContainText('Không tìm thấy');

  await secretary.getByTestId('participant-username').fill('dai-bieu-3');
  await secretary.getByTestId('participant-add').click();
  await secretary.getByTestId('participant-username').fill('chu-toa');
  await secretary.getByTestId('participant-new-role').selectOption('chair');
  await secretary.getByTestId('participant-add').click();
  await secretary.getByTestId('participants-save').click();
  await expect(secretary.getByTestId('participant-row')).toHaveCount(3);
  await expect(
    secretary
      .getByTestId('participant-row')
      .filter({ hasText: 'chu-toa' })
      .getByTestId('participant-role'),
  ).toHaveValue('chair');

  await secretary.getByTestId('agenda-add-title').fill('Đánh giá kết quả tuần');
  await secretary.getByTestId('agenda-add-submit').click();
  await expect(secretary.getByTestId('editor-item')).toHaveCount(1);

  // Unpublished: the delegate does not see it yet.
  await delegate.reload();
  await expect(delegate.getByTestId('meeting-card').first()).toBeVisible();
  await expect(delegate.getByTestId('meeting-card').filter({ hasText: title })).toHaveCount(0);

  await secretary.getByTestId('meeting-publish').click();
  await expect(secretary.getByTestId('meeting-status')).toHaveText('Đã phát hành');
  await delegate.reload();
  await delegate.getByTestId('meeting-card').filter({ hasText: title }).getByRole('link').click();
  await expect(delegate.getByTestId('agenda-item-title')).toHaveCount(1);
  await expect(delegate.getByTestId('agenda-item-title')).toContainText('Đánh giá kết quả tuần');
});

test('login errors are readable in both languages and the language choice persists', async ({
  browser,
  host,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url + '/');
  await page.getByTestId('login-username').fill('thu-ky');
  await page.getByTestId('login-password').fill('wrong');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');

  await page.reload();
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-username').fill('thu-ky');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-user')).toHaveText('Trần Thị Lan (Thư ký)');
  await expect(page.getByRole('heading', { name: 'My meetings' })).toBeVisible();
  await page.getByTestId('lang-vi').click();
  await expect(page.getByRole('heading', { name: 'Cuộc họp của tôi' })).toBeVisible();

  // Signing out returns to the login page; the session is gone on the host too.
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
  await context.close();
});

test('an admin lists and creates accounts', async ({ loginAs }) => {
  const { page } = await loginAs('admin');
  await page.getByRole('link', { name: 'Tài khoản' }).click();
  await expect(page.getByTestId('user-row').filter({ hasText: 'thu-ky' })).toHaveCount(1);
  await page.getByTestId('user-username').fill('thu-ky');
  await page.getByTestId('user-display-name').fill('Trùng tên');
  await page.getByTestId('user-password').fill('mat-khau-1');
  await page.getByTestId('user-create').click();
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập đã tồn tại.');
  await page.getByTestId('user-username').fill('dai-bieu-6');
  await page.getByTestId('user-display-name').fill('Ngô Thị Hạnh');
  await page.getByTestId('user-create').click();
  await expect(page.getByTestId('user-row').filter({ hasText: 'dai-bieu-6' })).toContainText(
    'Ngô Thị Hạnh',
  );
});

test('two editors of one meeting see each other’s agenda changes live', async ({ loginAs }) => {
  const { page: first } = await loginAs('thu-ky');
  const { page: second } = await loginAs('admin');
  await openDemoMeeting(first);
  await first.getByTestId('meeting-edit').click();
  await openDemoMeeting(second);
  await second.getByTestId('meeting-edit').click();
  await expect(second.getByTestId('editor-item')).toHaveCount(5);
  await markWindow(second);

  await first.getByTestId('agenda-add-title').fill('Thông báo của Văn phòng');
  await first.getByTestId('agenda-add-submit').click();
  await expect(second.getByTestId('editor-item-title')).toHaveCount(6);
  await expect(second.getByTestId('editor-item-title').last()).toHaveText(
    'Thông báo của Văn phòng',
  );

  await second.getByTestId('editor-item').last().getByTestId('move-up').click();
  await expect(first.getByTestId('editor-item-title').nth(4)).toHaveText('Thông báo của Văn phòng');
  await expectNotReloaded(second);
});

test('the secretary edits an item and the meeting details; the delegate sees both live', async ({
  loginAs,
}) => {
  const { page: secretary } = await loginAs('thu-ky');
  const { page: delegate } = await loginAs('dai-bieu-5', { lang: 'en' });
  await openDemoMeeting(delegate);
  await expectLive(delegate);
  await markWindow(delegate);
  await openDemoMeeting(secretary);
  await secretary.getByTestId('meeting-edit').click();

  const row = secretary.getByTestId('editor-item').nth(1);
  await row.getByTestId('item-edit').click();
  await row.getByTestId('agenda-edit-title').fill('Báo cáo kinh tế - xã hội (sửa đổi)');
  await row.getByTestId('agenda-edit-presenter').selectOption('__other__');
  await row.getByTestId('agenda-edit-presenter-name').fill('Cục Thống kê tỉnh');
  await row.getByTestId('agenda-edit-duration').fill('45');
  await row.getByTestId('agenda-edit-submit').click();
  await expect(row.getByTestId('editor-item-title')).toHaveText(
    'Báo cáo kinh tế - xã hội (sửa đổi)',
  );
  // Focus returns to the item's Edit button after saving.
  await expect(row.getByTestId('item-edit')).toBeFocused();

  const delegateItem = delegate.getByTestId('agenda-item').nth(1);
  await expect(delegateItem.getByTestId('agenda-item-title')).toHaveText(
    'Báo cáo kinh tế - xã hội (sửa đổi)',
  );
  await expect(delegateItem).toContainText('Presenter: Cục Thống kê tỉnh');
  await expect(delegateItem).toContainText('45 min');

  // An out-of-range duration is stopped in the form (the host would refuse it too); cancelling
  // keeps the item as it was.
  await row.getByTestId('item-edit').click();
  await row.getByTestId('agenda-edit-duration').fill('5000');
  await row.getByTestId('agenda-edit-submit').click();
  expect(
    await row
      .getByTestId('agenda-edit-duration')
      .evaluate((el) => (el as HTMLInputElement).validity.rangeOverflow),
  ).toBe(true);
  await row.getByRole('button', { name: 'Hủy' }).click();
  await expect(row).toContainText('45 phút');

  await secretary
    .getByTestId('meeting-title-input')
    .fill('Phiên họp thường kỳ tháng 11 (điều chỉnh)');
  await secretary.getByTestId('meeting-location-input').fill('Hội trường lớn');
  await secretary.getByTestId('meeting-details-submit').click();
  await expect(secretary.getByText('Đã lưu thông tin cuộc họp.')).toBeVisible();
  await expect(delegate.getByTestId('meeting-title')).toHaveText(
    'Phiên họp thường kỳ tháng 11 (điều chỉnh)',
  );
  await expect(delegate.getByTestId('header-meeting-title')).toHaveText(
    'Phiên họp thường kỳ tháng 11 (điều chỉnh)',
  );
  await expect(delegate.getByTestId('meeting-page')).toContainText('Hội trường lớn');
  await expectNotReloaded(delegate);
});

test('a revoked session signs the person out at the next request; the skip link reaches the page', async ({
  loginAs,
  host,
}) => {
  const { page } = await loginAs('dai-bieu-1');
  await expect(page.getByTestId('meeting-card')).toHaveCount(1);

  // Keyboard users skip the header: the first Tab lands on the skip link, Enter moves focus.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Bỏ qua, tới nội dung chính' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  const admin = await host.login('admin');
  const users = (await (await host.api('GET', '/users', { token: admin })).json()) as Array<{
    id: string;
    username: string;
  }>;
  const id = users.find((u) => u.username === 'dai-bieu-1')!.id;
  expect((await host.api('DELETE', `/users/${id}/sessions`, { token: admin })).status).toBe(200);

  await page.getByTestId('meeting-card').first().getByRole('link').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
  await expect(page.getByTestId('app-user')).toHaveCount(0);
});

test('a paper uploaded to an item appears on the delegate’s page without a reload', async ({
  loginAs,
  host,
}) => {
  const { page: delegate } = await loginAs('dai-bieu-3');
  const meetingId = await openDemoMeeting(delegate);
  await expectLive(delegate);
  await markWindow(delegate);
  const lastItem = delegate.getByTestId('agenda-item').last();
  const itemId = (await lastItem.getAttribute('data-item-id'))!;

  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Du thao nghi quyet', { x: 50, y: 700, size: 18, font });
  const bytes = await pdf.save();
  const secretary = await host.login('thu-ky');
  const res = await host.api(
    'POST',
    `/meetings/${meetingId}/documents?filename=du-thao-nghi-quyet.pdf&agendaItemId=${itemId}`,
    {
      token: secretary,
      raw: Buffer.from(bytes),
      headers: { 'content-type': 'application/pdf' },
    },
  );
  expect(res.status).toBe(201);
  const { title } = (await res.json()) as { title: string };

  await expect(lastItem).toContainText(title);
  await expectNotReloaded(delegate);
});

test('a session revoked while the meeting page is open signs the person out without a click', async ({
  loginAs,
  host,
}) => {
  const { page } = await loginAs('dai-bieu-2');
  await openDemoMeeting(page);
  await expectLive(page);

  const admin = await host.login('admin');
  const users = (await (await host.api('GET', '/users', { token: admin })).json()) as Array<{
    id: string;
    username: string;
  }>;
  const id = users.find((u) => u.username === 'dai-bieu-2')!.id;
  expect((await host.api('DELETE', `/users/${id}/sessions`, { token: admin })).status).toBe(200);

  // The sync server re-checks open connections periodically and closes this one with 4401.
  await expect(page.getByTestId('login-submit')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('app-user')).toHaveCount(0);
});
