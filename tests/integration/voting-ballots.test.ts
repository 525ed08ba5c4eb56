// Ballots end to end over HTTP against a real host and SQLite file: the rules, every refusal of
// the "bad input" list, and that a secret ballot never links a voter to a choice — checked
// in the database file itself.
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/host';
import type { TestHost } from '../helpers/host';
import { call, seedLiveMeeting } from './voting-seed';
import type { SeededMeeting } from './voting-seed';

let host: TestHost;
let m: SeededMeeting;
let base: string;

interface BallotAnswer {
  id: string;
  status: string;
  options: string[];
  turnout: { cast: number; eligible: number } | null;
  result: null | {
    counts: Record<string, number>;
    passed: boolean;
    cast: number;
    votes?: unknown[];
  };
}

async function ok<T>(p: Promise<{ status: number; body: unknown }>, status = 200): Promise<T> {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as T;
}
async function refused(
  p: Promise<{ status: number; body: unknown }>,
  status: number,
  code: string,
) {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const err = (r.body as { error: { code: string; message: string } }).error;
  expect(err.code).toBe(code);
  expect(err.message.length).toBeGreaterThan(5);
}

const voter = (i: number) => m.voters[i]!;
const vote = (i: number, option: unknown, ballotId: string) =>
  call(base, 'POST', `/ballots/${ballotId}/votes`, voter(i).token, { option });
const chairDo = (ballotId: string, what: 'open' | 'close' | 'cancel') =>
  call(base, 'POST', `/ballots/${ballotId}/${what}`, m.chair.token);
const create = (body: Record<string, unknown>) =>
  ok<BallotAnswer>(
    call(base, 'POST', `/meetings/${m.meetingId}/ballots`, m.chair.token, body),
    201,
  );
const auditEvents = async () =>
  ok<Array<{ action: string; actorId: string | null; payload: Record<string, unknown> }>>(
    call(base, 'GET', `/meetings/${m.meetingId}/audit`, m.secretary.token),
  );

beforeAll(async () => {
  host = await startTestHost();
  base = host.url;
  m = await seedLiveMeeting(host.services, { voters: 7 });
  // Voters 0..5 check in; voter 6 is marked absent by the secretary; the non-voter checks in too.
  for (let i = 0; i < 6; i++)
    await ok(
      call(base, 'POST', `/meetings/${m.meetingId}/attendance`, voter(i).token, {
        status: 'present',
      }),
    );
  await ok(
    call(base, 'POST', `/meetings/${m.meetingId}/attendance`, m.secretary.token, {
      status: 'absent',
      reason: 'Đi công tác',
      userId: voter(6).id,
    }),
  );
  await ok(
    call(base, 'POST', `/meetings/${m.meetingId}/attendance`, m.nonVoter.token, {
      status: 'present',
    }),
  );
  await ok(
    call(base, 'POST', `/meetings/${m.meetingId}/attendance`, m.observer.token, {
      status: 'present',
    }),
  );
});
afterAll(async () => {
  await host.stop(true);
});

describe('named ballot', () => {
  let b: BallotAnswer;

  it('is created with the default options and refuses votes until opened', async () => {
    b = await create({
      question: 'Thông qua tờ trình số 12?',
      secret: false,
      rule: 'majority_of_members',
      agendaItemId: m.agendaItemId,
    });
    expect(b.options).toEqual(['Tán thành', 'Không tán thành', 'Không biểu quyết']);
    expect(b.status).toBe('draft');
    await refused(vote(0, 'Tán thành', b.id), 409, 'ballot_not_open');
    const opened = await ok<BallotAnswer>(chairDo(b.id, 'open'));
    expect(opened.status).toBe('open');
    expect(opened.turnout).toEqual({ cast: 0, eligible: 6 });
    await refused(chairDo(b.id, 'open'), 409, 'ballot_already_open');
  });

  it('refuses those who may not vote, and unknown options', async () => {
    await refused(
      call(base, 'POST', `/ballots/${b.id}/votes`, m.observer.token, { option: 'Tán thành' }),
      403,
      'vote_no_right',
    );
    await refused(
      call(base, 'POST', `/ballots/${b.id}/votes`, m.nonVoter.token, { option: 'Tán thành' }),
      403,
      'vote_no_right',
    );
    await refused(vote(6, 'Tán thành', b.id), 403, 'vote_not_present');
    await refused(
      call(base, 'POST', `/ballots/${b.id}/votes`, m.outsider.token, { option: 'Tán thành' }),
      404,
      'not_found',
    );
    await refused(
      call(base, 'POST', `/ballots/${b.id}/votes`, undefined, { option: 'Tán thành' }),
      401,
      'unauthenticated',
    );
    await refused(vote(0, 'Đồng ý', b.id), 400, 'unknown_option');
    await refused(vote(0, 7, b.id), 400, 'unknown_option');
    await refused(vote(0, null, b.id), 400, 'validation');
    const now = await ok<BallotAnswer>(call(base, 'GET', `/ballots/${b.id}`, m.chair.token));
    expect(now.turnout).toEqual({ cast: 0, eligible: 6 });
  });

  it('counts exactly one of two simultaneous votes from one voter', async () => {
    const [a, c] = await Promise.all([
      vote(0, 'Tán thành', b.id),
      vote(0, 'Không tán thành', b.id),
    ]);
    expect([a.status, c.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : c;
    expect((loser.body as { error: { code: string } }).error.code).toBe('already_voted');
    const now = await ok<BallotAnswer>(call(base, 'GET', `/ballots/${b.id}`, m.chair.token));
    expect(now.turnout?.cast).toBe(1);
  });

  it('ignores a forged userId in the body: the token decides', async () => {
    const receipt = await ok<{ option: string }>(
      call(base, 'POST', `/ballots/${b.id}/votes`, voter(1).token, {
        option: 'Tán thành',
        userId: voter(2).id,
      }),
    );
    expect(receipt.option).toBe('Tán thành');
    const mine = await ok<{ myVote: { voted: boolean } }>(
      call(base, 'GET', `/ballots/${b.id}`, voter(2).token),
    );
    expect(mine.myVote.voted).toBe(false);
    const theirs = await ok<{ myVote: { voted: boolean; option: string } }>(
      call(base, 'GET', `/ballots/${b.id}`, voter(1).token),
    );
    expect(theirs.myVote).toEqual({ eligible: true, voted: true, option: 'Tán thành' });
  });

  it('closes with counts, percentages, the verdict and who chose what; closing twice is refused', async () => {
    await ok(vote(2, 'Tán thành', b.id));
    await ok(vote(3, 'Không tán thành', b.id));
    await ok(vote(4, 2, b.id)); // by position: Không biểu quyết
    const closed = await ok<BallotAnswer>(chairDo(b.id, 'close'));
    expect(closed.status).toBe('closed');
    const detail = await ok<{
      counts: Record<string, number>;
      percentages: Record<string, number>;
      cast: number;
      eligible: number;
      present: number;
      members: number;
      passed: boolean;
      votes: Array<{ userId: string; option: string }>;
    }>(call(base, 'GET', `/ballots/${b.id}`, voter(5).token));
    expect(detail.counts).toEqual({ 'Tán thành': 3, 'Không tán thành': 1, 'Không biểu quyết': 1 });
    expect(detail.cast).toBe(5);
    expect(detail.eligible).toBe(6);
    expect(detail.present).toBe(6);
    expect(detail.members).toBe(7);
    expect(detail.percentages['Tán thành']).toBe(60);
    // 3 of 7 members is not more than half.
    expect(detail.passed).toBe(false);
    expect(detail.votes).toHaveLength(5);
    expect(detail.votes.find((v) => v.userId === voter(3).id)?.option).toBe('Không tán thành');

    const before = (await auditEvents()).length;
    await refused(chairDo(b.id, 'close'), 409, 'ballot_closed');
    await refused(vote(5, 'Tán thành', b.id), 409, 'ballot_closed');
    await refused(chairDo(b.id, 'cancel'), 409, 'ballot_closed');
    expect((await auditEvents()).length).toBe(before);
  });

  it('only the chair opens and closes', async () => {
    const other = await create({
      question: 'Câu hỏi phụ',
      secret: false,
      rule: 'majority_of_cast',
    });
    await refused(
      call(base, 'POST', `/ballots/${other.id}/open`, voter(0).token),
      403,
      'forbidden',
    );
    await refused(
      call(base, 'POST', `/meetings/${m.meetingId}/ballots`, voter(0).token, {
        question: 'x',
        secret: false,
        rule: 'majority_of_cast',
      }),
      403,
      'forbidden',
    );
    await ok(chairDo(other.id, 'cancel'));
    await refused(vote(0, 'Tán thành', other.id), 409, 'ballot_cancelled');
    await refused(chairDo(other.id, 'open'), 409, 'ballot_cancelled');
  });
});

describe('secret ballot', () => {
  let b: BallotAnswer;
  const choices = [
    'Tán thành',
    'Tán thành',
    'Không tán thành',
    'Tán thành',
    'Không biểu quyết',
    'Tán thành',
  ];

  it('refuses allowChange and a re-vote of an open ballot', async () => {
    await refused(
      call(base, 'POST', `/meetings/${m.meetingId}/ballots`, m.chair.token, {
        question: 'x',
        secret: true,
        allowChange: true,
        rule: 'majority_of_cast',
      }),
      400,
      'secret_ballot_no_change',
    );
    await refused(
      call(base, 'POST', `/meetings/${m.meetingId}/ballots`, m.chair.token, {
        question: 'x',
        secret: false,
        rule: 'bogus',
      }),
      400,
      'validation',
    );
  });

  it('shows only the turnout while open, then the counts without names', async () => {
    b = await create({
      question: 'Bầu trưởng ban (phiếu kín)',
      secret: true,
      rule: 'majority_of_present',
    });
    await ok(chairDo(b.id, 'open'));
    for (const [i, choice] of choices.entries()) await ok(vote(i, choice, b.id));
    await refused(vote(0, 'Không tán thành', b.id), 409, 'already_voted');
    const open = await ok<BallotAnswer & { counts?: unknown }>(
      call(base, 'GET', `/ballots/${b.id}`, m.chair.token),
    );
    expect(open.turnout).toEqual({ cast: 6, eligible: 6 });
    expect(open.result).toBeNull();
    expect(open.counts).toBeUndefined();
    const mine = await ok<{ myVote: { voted: boolean; option: string | null } }>(
      call(base, 'GET', `/ballots/${b.id}`, voter(2).token),
    );
    expect(mine.myVote).toEqual({ eligible: true, voted: true, option: null });

    await ok(chairDo(b.id, 'close'));
    const detail = await ok<{ counts: Record<string, number>; passed: boolean; votes?: unknown }>(
      call(base, 'GET', `/ballots/${b.id}`, voter(0).token),
    );
    expect(detail.counts).toEqual({ 'Tán thành': 4, 'Không tán thành': 1, 'Không biểu quyết': 1 });
    expect(detail.passed).toBe(true);
    expect(detail.votes).toBeUndefined();
  });

  it('leaves no voter→choice link anywhere in the database file', async () => {
    const db = new BetterSqlite3(path.join(host.dataDir, 'archive.sqlite'), { readonly: true });
    try {
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .all()
        .map((t) => t.name);
      const voterIds = m.voters.map((v) => v.id);
      for (const table of tables) {
        const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>;
        for (const row of rows) {
          const text = JSON.stringify(row);
          if (!text.includes(b.id)) continue;
          const names = voterIds.filter((id) => text.includes(id));
          if (names.length === 0) continue;
          // A row that names a voter and this ballot may say only that they took part.
          expect(table, text).not.toBe('ballot_choices');
          for (const option of b.options)
            expect(text.includes(option), `${table}: ${text}`).toBe(false);
          if (table === 'ballot_participation')
            expect(Object.keys(row).sort()).toEqual(['ballot_id', 'user_id']);
          if (table === 'audit_events' && String(row.action).startsWith('ballot.vote'))
            expect(JSON.parse(String(row.payload))).toEqual({ ballotId: b.id });
        }
      }
      const choiceRows = db
        .prepare('SELECT count(*) AS n FROM ballot_choices WHERE ballot_id = ?')
        .get(b.id) as { n: number };
      expect(choiceRows.n).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('changing a vote and re-votes', () => {
  it('lets a voter change a named vote until close when allowed; it counts once', async () => {
    const b = await create({
      question: 'Điều chỉnh dự toán?',
      secret: false,
      allowChange: true,
      rule: 'majority_of_cast',
    });
    await ok(chairDo(b.id, 'open'));
    await ok(vote(0, 'Không tán thành', b.id));
    const changed = await ok<{ changed: boolean; option: string }>(vote(0, 'Tán thành', b.id));
    expect(changed).toMatchObject({ changed: true, option: 'Tán thành' });
    const closed = await ok<BallotAnswer>(chairDo(b.id, 'close'));
    expect(closed.result?.counts).toEqual({
      'Tán thành': 1,
      'Không tán thành': 0,
      'Không biểu quyết': 0,
    });
    expect(closed.result?.cast).toBe(1);
    expect(closed.result?.passed).toBe(true);

    const again = await create({
      question: 'Biểu quyết lại',
      secret: false,
      rule: 'two_thirds_of_members',
      previousBallotId: b.id,
    });
    expect((again as unknown as { previousBallotId: string }).previousBallotId).toBe(b.id);
  });

  it('a voter who arrives after opening is not eligible for that ballot', async () => {
    const b = await create({ question: 'Muộn', secret: false, rule: 'majority_of_cast' });
    await ok(chairDo(b.id, 'open'));
    await ok(
      call(base, 'POST', `/meetings/${m.meetingId}/attendance`, voter(6).token, {
        status: 'present',
      }),
    );
    await refused(vote(6, 'Tán thành', b.id), 403, 'vote_not_eligible');
    await ok(chairDo(b.id, 'cancel'));
    await ok(
      call(base, 'POST', `/meetings/${m.meetingId}/attendance`, m.secretary.token, {
        status: 'absent',
        userId: voter(6).id,
      }),
    );
  });

  it('a countdown closes the ballot by itself, and late votes are refused', async () => {
    const b = await create({
      question: 'Có thời hạn',
      secret: true,
      rule: 'majority_of_cast',
      countdownSeconds: 5,
    });
    const opened = await ok<BallotAnswer & { closesAt: string }>(chairDo(b.id, 'open'));
    expect(Date.parse(opened.closesAt) - Date.now()).toBeGreaterThan(0);
    await ok(vote(0, 'Tán thành', b.id));
    let now = opened;
    while (now.status === 'open') {
      await new Promise((r) => setTimeout(r, 100));
      now = await ok<BallotAnswer & { closesAt: string }>(
        call(base, 'GET', `/ballots/${b.id}`, m.chair.token),
      );
    }
    expect(now.status).toBe('closed');
    expect(now.result?.cast).toBe(1);
    await refused(vote(1, 'Tán thành', b.id), 409, 'ballot_closed');
    const last = (await auditEvents()).at(-1)!;
    expect(last).toMatchObject({
      action: 'ballot.close',
      actorId: null,
      payload: { ballotId: b.id, reason: 'countdown' },
    });
  });

  it('the audit chain verifies after it all', async () => {
    const report = await ok<{ valid: boolean; count: number }>(
      call(base, 'GET', `/meetings/${m.meetingId}/audit/verify`, voter(0).token),
    );
    expect(report.valid).toBe(true);
    expect(report.count).toBeGreaterThan(20);
  });
});
