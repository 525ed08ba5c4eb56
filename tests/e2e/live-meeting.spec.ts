// The "done when": delegates check in, one asks to speak and is started and stopped by the
// chair, a named and a secret ballot are held, and their results reach every screen — on real
// Chromium against a real host, each person on their own browser context (their own tablet).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function demoMeetingId(
  api: (m: string, r: string, o?: { token?: string }) => Promise<Response>,
  token: string,
) {
  const res = await api('GET', '/meetings', { token });
  const list = (await res.json()) as Array<{ id: string }>;
  return list[0]!.id;
}

test('a live meeting: attendance, a speaker, a named and a secret ballot', async ({
  host,
  loginAs,
}) => {
  // Four browser contexts on a shared machine: a budget above the default for one page.
  test.setTimeout(240_000);
  const chairToken = await host.login('chu-toa', 'demo');
  const meetingId = await demoMeetingId(host.api, chairToken);
  const meeting = (await (
    await host.api('GET', `/meetings/${meetingId}`, { token: chairToken })
  ).json()) as { agenda: Array<{ id: string; title: string }> };
  const item = meeting.agenda[1]!;
  expect(
    (
      await host.api('POST', `/meetings/${meetingId}/agenda/${item.id}/current`, {
        token: chairToken,
      })
    ).status,
  ).toBe(200);

  const chair = (await loginAs('chu-toa')).page;
  const d1 = (await loginAs('dai-bieu-1')).page;
  const d2 = (await loginAs('dai-bieu-2')).page;
  const display = (await loginAs('thu-ky', { viewport: { width: 1920, height: 1080 } })).page;

  await chair.goto(`${host.url}/meetings/${meetingId}/console`);
  await expect(chair.getByTestId('console-current-item')).toContainText(item.title);
  await display.goto(`${host.url}/meetings/${meetingId}/display`);
  await expect(display.getByTestId('display-current-item')).toContainText(item.title);
  for (const d of [d1, d2]) await d.goto(`${host.url}/meetings/${meetingId}`);

  // Attendance: each delegate checks in from their own device; counts update everywhere.
  for (const d of [d1, d2]) {
    await d.getByTestId('checkin-button').click();
    await expect(d.getByTestId('checkin-done')).toBeVisible();
  }
  await chair.getByTestId('checkin-button').click();
  // The secretary's table in the console marks someone who has no tablet.
  await chair.getByRole('button', { name: 'Ghi Hoàng Quốc Việt có mặt' }).click();
  await expect(chair.getByTestId('attendance-counts').first()).toHaveAttribute('data-present', '4');
  await expect(display.getByTestId('attendance-counts')).toHaveAttribute('data-present', '4');
  await expect(display.getByTestId('attendance-counts')).toHaveAttribute('data-quorum', 'true');

  // Speakers: delegate 1 asks; the chair gives the floor, everyone sees the speaker and the timer.
  await d1.getByTestId('speak-request').click();
  await expect(d1.getByTestId('speak-waiting')).toBeVisible();
  const row = chair.getByTestId('speaker-row').filter({ hasText: 'Lê Minh Đức' });
  await expect(row).toBeVisible();
  await expect(d2.getByTestId('speaker-row').filter({ hasText: 'Lê Minh Đức' })).toBeVisible();
  await row.getByTestId('speaker-start').click();
  await expect(display.getByTestId('display-speaker-name')).toHaveText('Lê Minh Đức');
  await expect(display.getByTestId('speaker-timer')).toBeVisible();
  await expect(d2.getByTestId('speaker-current-name')).toHaveText('Lê Minh Đức');
  await chair.getByTestId('speaker-stop').click();
  await expect(display.getByTestId('display-speaker-name')).toHaveCount(0);
  await expect(d1.getByTestId('speaker-current-name')).toHaveCount(0);

  // A named ballot.
  await chair
    .getByTestId('ballot-question-input')
    .fill('Thông qua báo cáo tình hình kinh tế - xã hội quý III');
  await chair.getByTestId('ballot-rule').selectOption('majority_of_cast');
  await chair.getByTestId('ballot-create').click();
  const named = chair.getByTestId('console-ballot').first();
  await named.getByTestId('ballot-open').click();
  await expect(named).toHaveAttribute('data-status', 'open');

  async function vote(page: Page, option: string) {
    const card = page.getByTestId('vote-card');
    await card.locator(`[data-testid="vote-option"][data-option="${option}"]`).click();
    await expect(card.getByTestId('vote-confirm')).toBeVisible();
    await card.getByTestId('vote-confirm-yes').click();
    await expect(card.getByTestId('vote-recorded')).toBeVisible();
  }
  await vote(d1, 'Tán thành');
  await vote(d2, 'Không tán thành');
  // The chair has a vote too: from the meeting page, then back to the console.
  await chair.goto(`${host.url}/meetings/${meetingId}`);
  await vote(chair, 'Tán thành');
  await chair.goto(`${host.url}/meetings/${meetingId}/console`);
  // The recorded state survives a reload (it comes from the host, not from the page).
  await d1.reload();
  await expect(d1.getByTestId('vote-recorded')).toContainText('Tán thành');
  await expect(named.getByTestId('ballot-turnout')).toContainText('3/4');
  await named.getByTestId('ballot-close').click();
  for (const p of [d1, d2, display]) {
    const results = p.getByTestId('ballot-results').first();
    await expect(results.locator('[data-option="Tán thành"]')).toHaveAttribute('data-count', '2');
    await expect(results.locator('[data-option="Không tán thành"]')).toHaveAttribute(
      'data-count',
      '1',
    );
    await expect(results).toHaveAttribute('data-passed', 'true');
  }
  // Who chose what comes from the host on demand (the live doc carries only the counts).
  await d2.getByTestId('named-votes-toggle').first().locator('summary').click();
  await expect(d2.getByTestId('named-votes').first()).toContainText('Phạm Thu Hà: Không tán thành');

  // A secret ballot: while open, the console shows the turnout and nothing of the choices.
  await chair.getByTestId('ballot-question-input').fill('Bầu Trưởng ban (phiếu kín)');
  await chair.getByTestId('ballot-secret').check();
  await chair.getByTestId('ballot-rule').selectOption('two_thirds_of_members');
  await chair.getByTestId('ballot-create').click();
  const secret = chair.getByTestId('console-ballot').first();
  await expect(secret).toHaveAttribute('data-status', 'draft');
  await secret.getByTestId('ballot-open').click();
  await vote(d1, 'Không biểu quyết');
  await vote(d2, 'Tán thành');
  await expect(secret.getByTestId('ballot-turnout')).toContainText('2/4');
  await expect(secret.getByTestId('ballot-results')).toHaveCount(0);
  await expect(display.getByTestId('display-ballot')).toHaveAttribute('data-status', 'open');
  await expect(display.getByTestId('display-ballot').getByTestId('ballot-results')).toHaveCount(0);
  await d2.reload();
  await expect(d2.getByTestId('vote-recorded')).toHaveText(/đã được ghi nhận\.$/);
  await secret.getByTestId('ballot-close').click();
  for (const p of [d1, d2, display]) {
    const card = p.locator(`[data-ballot-id]`).filter({ hasText: 'Bầu Trưởng ban' }).first();
    await expect(card.locator('[data-option="Tán thành"]')).toHaveAttribute('data-count', '1');
    await expect(card.locator('[data-option="Không biểu quyết"]')).toHaveAttribute(
      'data-count',
      '1',
    );
    await expect(card.getByTestId('named-votes-toggle')).toHaveCount(0);
    // 1 of 6 voting members is not two thirds.
    await expect(card.getByTestId('ballot-results')).toHaveAttribute('data-passed', 'false');
  }
});
