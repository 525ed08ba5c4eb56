// The demo meeting's papers: real PDFs with Vietnamese text, generated on first start and attached
// to the agenda, one of them confidential (chair, secretary and dai-bieu-1 only).
import { Readable } from 'node:stream';
import type { PaperSpec } from '../documents/generate-pdf';
import { generatePaper } from '../documents/generate-pdf';
import { importPaper } from '../documents/import-paper';
import type { DemoExtension } from './demo-seed';

const ORG = 'ỦY BAN NHÂN DÂN TỈNH ĐÀ NẴNG';

interface DemoPaper {
  filename: string;
  agendaIndex: number;
  spec: PaperSpec;
  /** Usernames allowed to read it; set only for the confidential paper. */
  readers?: string[];
}

const PAPERS: DemoPaper[] = [
  {
    filename: 'chuong-trinh-hop.pdf',
    agendaIndex: 0,
    spec: {
      title: 'Chương trình phiên họp thường kỳ tháng 11 năm 2026',
      organization: ORG,
      pages: [
        [
          '08 giờ 00: Khai mạc, thông qua chương trình họp (Chủ tọa).',
          '08 giờ 10: Báo cáo tình hình kinh tế - xã hội quý III năm 2026 (Sở Kế hoạch và Đầu tư).',
          '08 giờ 40: Tờ trình phê duyệt kế hoạch đầu tư công trung hạn (Sở Tài chính).',
          '09 giờ 10: Dự thảo đề án chuyển đổi số giai đoạn 2026-2030 (Sở Thông tin và Truyền thông).',
          '09 giờ 35: Biểu quyết và kết luận (Chủ tọa).',
        ],
      ],
    },
  },
  {
    filename: 'bao-cao-kinh-te-xa-hoi-quy-3.pdf',
    agendaIndex: 1,
    spec: {
      title: 'Báo cáo tình hình kinh tế - xã hội quý III năm 2026',
      organization: ORG,
      pages: [
        [
          'I. TÌNH HÌNH CHUNG',
          'Tổng sản phẩm trên địa bàn (GRDP) quý III ước tăng 7,8% so với cùng kỳ; khu vực dịch vụ tiếp tục là động lực tăng trưởng chính.',
          'Thu ngân sách nhà nước trên địa bàn đạt 76% dự toán năm; giải ngân vốn đầu tư công đạt 58% kế hoạch.',
        ],
        [
          'II. VĂN HÓA - XÃ HỘI',
          'Công tác an sinh xã hội được bảo đảm; tỷ lệ hộ nghèo giảm còn 0,9%. Ngành giáo dục chuẩn bị tốt năm học mới.',
          'Du lịch phục hồi mạnh: lượng khách lưu trú tăng 21% so với cùng kỳ năm trước.',
        ],
        [
          'III. NHIỆM VỤ QUÝ IV',
          'Đẩy nhanh giải ngân vốn đầu tư công; tháo gỡ vướng mắc về mặt bằng cho các dự án trọng điểm.',
          'Tăng cường cải cách hành chính, đẩy mạnh dịch vụ công trực tuyến toàn trình.',
        ],
      ],
    },
  },
  {
    filename: 'to-trinh-dau-tu-cong-trung-han.pdf',
    agendaIndex: 2,
    spec: {
      title: 'Tờ trình về việc phê duyệt kế hoạch đầu tư công trung hạn giai đoạn 2026-2030',
      organization: 'SỞ TÀI CHÍNH',
      pages: [
        [
          'Kính gửi: Ủy ban nhân dân tỉnh.',
          'Căn cứ Luật Đầu tư công và các văn bản hướng dẫn thi hành, Sở Tài chính kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt kế hoạch đầu tư công trung hạn giai đoạn 2026-2030.',
        ],
        [
          'Tổng nhu cầu vốn đăng ký: 45.200 tỷ đồng; khả năng cân đối: 38.600 tỷ đồng.',
          'Nguyên tắc phân bổ: ưu tiên dự án chuyển tiếp, dự án hạ tầng giao thông kết nối vùng và dự án chuyển đổi số.',
          'Kính trình Ủy ban nhân dân tỉnh xem xét, quyết định.',
        ],
      ],
    },
  },
  {
    filename: 'tai-lieu-mat-danh-muc-du-an.pdf',
    agendaIndex: 2,
    readers: ['chu-toa', 'thu-ky', 'dai-bieu-1'],
    spec: {
      title: 'Tài liệu mật: Danh mục dự án trọng điểm dự kiến bố trí vốn',
      organization: 'SỞ TÀI CHÍNH',
      confidential: true,
      pages: [
        [
          'Tài liệu này chỉ lưu hành trong phạm vi những người có tên trong danh sách.',
          'Dự án 1: Tuyến đường ven biển nối cảng Liên Chiểu - dự kiến bố trí 4.500 tỷ đồng.',
          'Dự án 2: Trung tâm dữ liệu tỉnh - dự kiến bố trí 1.200 tỷ đồng.',
        ],
        [
          'Phương án đấu thầu và tiến độ chi tiết của từng dự án được trình bày tại phụ lục kèm theo.',
        ],
      ],
    },
  },
  {
    filename: 'du-thao-de-an-chuyen-doi-so.pdf',
    agendaIndex: 3,
    spec: {
      title: 'Dự thảo đề án chuyển đổi số tỉnh Đà Nẵng giai đoạn 2026-2030',
      organization: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      pages: [
        [
          'Mục tiêu: 100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng; phòng họp không giấy tại tất cả các sở, ngành.',
          'Chính quyền số: hoàn thiện nền tảng tích hợp, chia sẻ dữ liệu; kho dữ liệu dùng chung của tỉnh.',
        ],
        [
          'Kinh tế số: kinh tế số chiếm 25% GRDP vào năm 2030.',
          'Xã hội số: 90% người dân trưởng thành có điện thoại thông minh và tài khoản định danh điện tử.',
        ],
        [
          'Tổ chức thực hiện: giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành, địa phương.',
        ],
      ],
    },
  },
];

// Generated once per process: tests start many demo hosts.
let generated: Promise<Uint8Array[]> | undefined;

/** What pdf.js would extract, near enough for search: the printed lines of each page. */
function pageTexts(spec: PaperSpec): string[] {
  return spec.pages.map((paragraphs, i) =>
    [
      ...(spec.confidential ? ['MẬT'] : []),
      ...(i === 0 ? [spec.organization ?? '', spec.title.toUpperCase()] : []),
      ...paragraphs,
      `Trang ${i + 1}/${spec.pages.length}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

export const demoPapers: DemoExtension = async (s, ctx) => {
  generated ??= Promise.all(PAPERS.map((p) => generatePaper(p.spec)));
  const files = await generated;
  for (const [i, paper] of PAPERS.entries()) {
    const bytes = files[i]!;
    await importPaper(s, {
      meetingId: ctx.meetingId,
      userId: ctx.users['thu-ky']!,
      body: Readable.from([Buffer.from(bytes)]),
      filename: paper.filename,
      agendaItemId: ctx.agendaIds[paper.agendaIndex] ?? null,
      confidential: paper.spec.confidential === true,
      access: paper.readers?.map((u) => ctx.users[u]!),
      trusted: {
        pages: paper.spec.pages.length,
        title: paper.spec.title,
        text: pageTexts(paper.spec),
      },
    });
  }
};
