// Seeds a live meeting straight through the services (no password hashing or login per voter):
// a chair, a secretary, N voting delegates, plus an observer and a delegate without a vote, each
// with a session token. Used by the voting tests, the crash test and the vote-storm benchmark.
import type { Services } from '../../main/host/services';
import { hashPassword } from '../../main/host/auth/passwords';

export interface SeededMeeting {
  meetingId: string;
  agendaItemId: string;
  chair: Person;
  secretary: Person;
  voters: Person[];
  observer: Person;
  nonVoter: Person;
  /** A user with an account who is not a participant. */
  outsider: Person;
}
export interface Person {
  id: string;
  username: string;
  token: string;
}

export async function seedLiveMeeting(
  s: Services,
  opts: { voters: number; prefix?: string },
): Promise<SeededMeeting> {
  const passwordHash = await hashPassword('pw-12345');
  const prefix = opts.prefix ?? 'lm';
  return s.tx(() => {
    const person = (username: string, displayName: string, canCreateMeetings = false): Person => {
      const u = s.users.create({
        username: `${prefix}-${username}`,
        displayName,
        passwordHash,
        isAdmin: false,
        canCreateMeetings,
      });
      return { id: u.id, username: u.username, token: s.sessions.create(u.id).token };
    };
    const secretary = person('thu-ky', 'Thư ký', true);
    const chair = person('chu-toa', 'Chủ tọa');
    const voters = Array.from({ length: opts.voters }, (_, i) =>
      person(`dai-bieu-${i + 1}`, `Đại biểu ${String(i + 1).padStart(4, '0')}`),
    );
    const observer = person('khach-moi', 'Khách mời');
    const nonVoter = person('khong-bieu-quyet', 'Đại biểu không biểu quyết');
    const outsider = person('nguoi-ngoai', 'Người ngoài');
    const meeting = s.meetings.create({
      title: 'Kỳ họp thử biểu quyết',
      startsAt: '2026-12-01T08:00:00+07:00',
      createdBy: secretary.id,
    });
    s.meetings.replaceParticipants(meeting.id, [
      { userId: secretary.id, role: 'secretary', canVote: false },
      { userId: chair.id, role: 'chair', canVote: false },
      ...voters.map((v) => ({ userId: v.id, role: 'delegate' as const, canVote: true })),
      { userId: observer.id, role: 'observer', canVote: false },
      { userId: nonVoter.id, role: 'delegate', canVote: false },
    ]);
    const item = s.meetings.addAgendaItem(meeting.id, { title: 'Thông qua nghị quyết' });
    s.meetings.setCurrentItem(meeting.id, item.id);
    s.meetings.setStatus(meeting.id, 'published');
    s.audit.append(meeting.id, secretary.id, 'meeting.create', {
      title: meeting.title,
      seeded: true,
    });
    return {
      meetingId: meeting.id,
      agendaItemId: item.id,
      chair,
      secretary,
      voters,
      observer,
      nonVoter,
      outsider,
    };
  });
}

/** fetch against /api/v1 of a host URL with a bearer token. */
export async function call(
  baseUrl: string,
  method: string,
  route: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}/api/v1${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
