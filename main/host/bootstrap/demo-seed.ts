import type { Services } from '../services';
import { hashPassword } from '../auth/passwords';
import type { MeetingRole } from '../../../shared/api/schemas/common';

export const DEMO_PASSWORD = 'demo';

const DEMO_USERS: Array<{
  username: string;
  displayName: string;
  role: MeetingRole;
  canCreate: boolean;
}> = [
  { username: 'chu-toa', displayName: 'Nguyễn Văn Hùng (Chủ tọa)', role: 'chair', canCreate: true },
  { username: 'thu-ky', displayName: 'Trần Thị Lan (Thư ký)', role: 'secretary', canCreate: true },
  { username: 'dai-bieu-1', displayName: 'Lê Minh Đức', role: 'delegate', canCreate: false },
  { username: 'dai-bieu-2', displayName: 'Phạm Thu Hà', role: 'delegate', canCreate: false },
  { username: 'dai-bieu-3', displayName: 'Hoàng Quốc Việt', role: 'delegate', canCreate: false },
  { username: 'dai-bieu-4', displayName: 'Đặng Thị Mai', role: 'delegate', canCreate: false },
  { username: 'dai-bieu-5', displayName: 'Vũ Đình Nam', role: 'delegate', canCreate: false },
];

export const DEMO_AGENDA = [
  { title: 'Khai mạc, thông qua chương trình họp', presenter: 'Chủ tọa', durationMinutes: 10 },
  {
    title: 'Báo cáo tình hình kinh tế - xã hội quý III năm 2026',
    presenter: 'Sở Kế hoạch và Đầu tư',
    durationMinutes: 30,
  },
  {
    title: 'Tờ trình phê duyệt kế hoạch đầu tư công trung hạn',
    presenter: 'Sở Tài chính',
    durationMinutes: 30,
  },
  {
    title: 'Dự thảo đề án chuyển đổi số tỉnh Đà Nẵng giai đoạn 2026-2030',
    presenter: 'Sở Thông tin và Truyền thông',
    durationMinutes: 25,
  },
  { title: 'Biểu quyết và kết luận', presenter: 'Chủ tọa', durationMinutes: 15 },
];

/** Hooks the domain modules add to the demo (papers, ...), run after the meeting exists. */
export type DemoExtension = (s: Services, ctx: DemoContext) => Promise<void>;
export interface DemoContext {
  meetingId: string;
  agendaIds: string[];
  users: Record<string, string>;
}

/**
 * Seeds the demo meeting when the archive has none: accounts chu-toa, thu-ky, dai-bieu-1..5
 * (password "demo"), a published meeting with its agenda, then whatever extensions add.
 */
export async function seedDemo(
  s: Services,
  extensions: readonly DemoExtension[] = [],
): Promise<DemoContext | null> {
  if (s.meetings.count() > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx = s.tx((): DemoContext => {
    const users: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const existing = s.users.findByUsername(u.username);
      users[u.username] =
        existing?.id ??
        s.users.create({
          username: u.username,
          displayName: u.displayName,
          passwordHash,
          isAdmin: false,
          canCreateMeetings: u.canCreate,
        }).id;
    }
    const startsAt = new Date();
    startsAt.setHours(8, 0, 0, 0);
    const secretary = users['thu-ky']!;
    const meeting = s.meetings.create({
      title: 'Phiên họp thường kỳ tháng 11 năm 2026 của Ủy ban nhân dân tỉnh',
      startsAt: startsAt.toISOString(),
      location: 'Phòng họp số 1, Trụ sở Ủy ban nhân dân tỉnh',
      organization: 'ỦY BAN NHÂN DÂN TỈNH ĐÀ NẴNG',
      createdBy: secretary,
    });
    s.meetings.replaceParticipants(
      meeting.id,
      DEMO_USERS.map((u) => ({
        userId: users[u.username]!,
        role: u.role,
        canVote: u.role === 'delegate' || u.role === 'chair',
      })),
    );
    const agendaIds = DEMO_AGENDA.map((item) => s.meetings.addAgendaItem(meeting.id, item).id);
    s.meetings.setStatus(meeting.id, 'published');
    s.audit.append(meeting.id, secretary, 'meeting.create', { title: meeting.title, demo: true });
    return { meetingId: meeting.id, agendaIds, users };
  });
  for (const extend of extensions) await extend(s, ctx);
  return ctx;
}
