// Every refusal the host gives has a stable code (for programs) and a message in the caller's
// language (for people). The codes are the contract; the wording may change.
import { z } from 'zod';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export type Lang = 'vi' | 'en';

/** Messages by code. `{name}` placeholders are filled from the error's params. */
export const errorMessages = {
  bad_request: { vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Invalid request: {detail}' },
  invalid_json: {
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  validation: { vi: 'Dữ liệu không hợp lệ: {detail}', en: 'Invalid data: {detail}' },
  unauthenticated: { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  bad_credentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  session_expired: {
    vi: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
    en: 'Your session has expired; please sign in again.',
  },
  forbidden: {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  not_found: { vi: 'Không tìm thấy {what}.', en: '{what} not found.' },
  route_not_found: { vi: 'Không có địa chỉ API này: {path}', en: 'No such API route: {path}' },
  method_not_allowed: { vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  conflict: { vi: 'Xung đột dữ liệu: {detail}', en: 'Conflict: {detail}' },
  username_taken: { vi: 'Tên đăng nhập đã tồn tại.', en: 'That username is already taken.' },
  payload_too_large: {
    vi: 'Tệp hoặc nội dung quá lớn (tối đa {limit}).',
    en: 'The file or body is too large (limit {limit}).',
  },
  json_too_deep: {
    vi: 'Nội dung JSON lồng nhau quá sâu (tối đa {limit} cấp).',
    en: 'The JSON body is nested too deeply (limit {limit} levels).',
  },
  unsupported_media_type: {
    vi: 'Định dạng không được hỗ trợ: {detail}',
    en: 'Unsupported format: {detail}',
  },
  too_many_requests: {
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau {seconds} giây.',
    en: 'Too many requests; try again in {seconds} seconds.',
  },
  meeting_locked: {
    vi: 'Cuộc họp đã được lưu trữ, không thể thay đổi.',
    en: 'The meeting is archived and cannot be changed.',
  },
  agenda_order_mismatch: {
    vi: 'Danh sách thứ tự phải gồm đúng các mục của chương trình.',
    en: 'The order must list exactly the agenda items of the meeting.',
  },
  sync_doc_not_found: {
    vi: 'Không tìm thấy tài liệu đồng bộ này.',
    en: 'No such synchronised document.',
  },
  sync_origin_not_allowed: {
    vi: 'Trang web này không được phép kết nối đồng bộ.',
    en: 'This web page may not open a sync connection.',
  },
  sync_too_many_connections: {
    vi: 'Bạn đang mở quá nhiều kết nối đồng bộ; hãy đóng bớt cửa sổ.',
    en: 'You have too many sync connections open; close some windows.',
  },
  sync_unavailable: {
    vi: 'Máy chủ phòng họp đang tắt, vui lòng kết nối lại sau.',
    en: 'The meeting host is shutting down; reconnect later.',
  },
  login_locked: {
    vi: 'Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa, vui lòng thử lại sau {seconds} giây.',
    en: 'Too many wrong passwords. Sign-in is locked for now; try again in {seconds} seconds.',
  },
  pairing_unknown: { vi: 'Mã tham gia không đúng.', en: 'That joining code is not valid.' },
  pairing_used: {
    vi: 'Mã tham gia này đã được dùng. Hãy xin mã mới.',
    en: 'This joining code has already been used; ask for a new one.',
  },
  pairing_expired: {
    vi: 'Mã tham gia đã hết hạn. Hãy xin mã mới.',
    en: 'This joining code has expired; ask for a new one.',
  },
  document_empty: { vi: 'Tệp tải lên rỗng (0 byte).', en: 'The uploaded file is empty (0 bytes).' },
  document_not_pdf: {
    vi: 'Tệp này không phải PDF. Hãy tải lên tệp PDF.',
    en: 'This file is not a PDF. Please upload a PDF file.',
  },
  document_is_zip: {
    vi: 'Tệp này là tệp nén ZIP (hoặc Word/Excel .docx/.xlsx), không phải PDF. Hãy xuất ra PDF rồi tải lên.',
    en: 'This file is a ZIP archive (or a Word/Excel .docx/.xlsx), not a PDF. Export it to PDF and upload that.',
  },
  document_is_html: {
    vi: 'Tệp này là trang web (HTML), không phải PDF.',
    en: 'This file is a web page (HTML), not a PDF.',
  },
  document_corrupt: {
    vi: 'Không đọc được tệp PDF: tệp bị hỏng hoặc tải lên chưa trọn vẹn.',
    en: 'The PDF cannot be read: the file is damaged or incomplete.',
  },
  document_too_complex: {
    vi: 'Tệp PDF quá phức tạp, không xử lý kịp trong thời gian cho phép.',
    en: 'The PDF is too complex to process in the time allowed.',
  },
  document_agenda_item_unknown: {
    vi: 'Mục chương trình được chọn không thuộc cuộc họp này.',
    en: 'The chosen agenda item is not part of this meeting.',
  },
  // Live meeting: attendance, speakers, ballots.
  observer_cannot_speak: {
    vi: 'Khách mời không đăng ký phát biểu.',
    en: 'Observers cannot ask to speak.',
  },
  already_requested: {
    vi: 'Bạn đã đăng ký phát biểu ở mục này rồi.',
    en: 'You have already asked to speak on this item.',
  },
  speaker_not_waiting: {
    vi: 'Lượt đăng ký này không còn trong hàng chờ.',
    en: 'This request is no longer waiting.',
  },
  speaker_not_speaking: {
    vi: 'Người này hiện không phát biểu.',
    en: 'This person is not speaking now.',
  },
  speaker_order_mismatch: {
    vi: 'Thứ tự phải gồm đúng các lượt đang chờ của một hàng phát biểu.',
    en: 'The order must list exactly the waiting requests of one queue.',
  },
  speaking_warning_too_long: {
    vi: 'Thời điểm cảnh báo phải ngắn hơn thời gian phát biểu.',
    en: 'The warning must come before the time limit.',
  },
  secret_ballot_no_change: {
    vi: 'Biểu quyết kín không cho phép sửa phiếu.',
    en: 'A secret ballot cannot allow changing a vote.',
  },
  duplicate_options: {
    vi: 'Các phương án biểu quyết không được trùng nhau.',
    en: 'Ballot options must differ.',
  },
  revote_needs_ended_ballot: {
    vi: 'Chỉ biểu quyết lại khi lần biểu quyết trước đã kết thúc hoặc bị hủy.',
    en: 'A re-vote needs the previous ballot to be closed or cancelled.',
  },
  ballot_not_open: { vi: 'Cuộc biểu quyết chưa mở.', en: 'The ballot is not open yet.' },
  ballot_already_open: { vi: 'Cuộc biểu quyết đã mở rồi.', en: 'The ballot is already open.' },
  ballot_closed: { vi: 'Cuộc biểu quyết đã kết thúc.', en: 'The ballot is closed.' },
  ballot_cancelled: { vi: 'Cuộc biểu quyết đã bị hủy.', en: 'The ballot was cancelled.' },
  ballot_no_voters: {
    vi: 'Chưa có đại biểu có quyền biểu quyết nào có mặt; hãy điểm danh trước.',
    en: 'No voting member is present; take attendance first.',
  },
  unknown_option: {
    vi: 'Không có phương án "{option}". Các phương án: {options}.',
    en: 'No option "{option}". Options: {options}.',
  },
  already_voted: {
    vi: 'Bạn đã biểu quyết rồi; phiếu của bạn đã được ghi nhận.',
    en: 'You have already voted; your vote is recorded.',
  },
  vote_no_right: {
    vi: 'Bạn không có quyền biểu quyết trong cuộc họp này.',
    en: 'You have no vote in this meeting.',
  },
  vote_not_present: {
    vi: 'Bạn chưa điểm danh có mặt nên không được biểu quyết.',
    en: 'You are not checked in as present, so you cannot vote.',
  },
  vote_not_eligible: {
    vi: 'Bạn chưa có mặt khi cuộc biểu quyết mở nên không được biểu quyết lần này.',
    en: 'You were not present when the ballot opened, so you cannot vote in it.',
  },
  package_invalid: {
    vi: 'Tệp không phải gói lưu trữ ZIP hợp lệ: {detail}',
    en: 'Not a valid ZIP archive package: {detail}',
  },
  package_bad_name: {
    vi: 'Gói lưu trữ có tên tệp không hợp lệ: {name}',
    en: 'The package has an invalid file name: {name}',
  },
  package_path_traversal: {
    vi: 'Gói lưu trữ bị từ chối: tệp {name} trỏ ra ngoài thư mục gói.',
    en: 'Package refused: entry {name} points outside the package folder.',
  },
  package_absolute_path: {
    vi: 'Gói lưu trữ bị từ chối: tệp {name} dùng đường dẫn tuyệt đối.',
    en: 'Package refused: entry {name} has an absolute path.',
  },
  package_symlink: {
    vi: 'Gói lưu trữ bị từ chối: {name} là liên kết tượng trưng (symlink).',
    en: 'Package refused: {name} is a symbolic link.',
  },
  package_duplicate_entry: {
    vi: 'Gói lưu trữ bị từ chối: tệp {name} xuất hiện nhiều lần.',
    en: 'Package refused: {name} appears more than once.',
  },
  package_encrypted: {
    vi: 'Gói lưu trữ bị từ chối: tệp {name} bị mã hóa.',
    en: 'Package refused: {name} is encrypted.',
  },
  package_too_large: {
    vi: 'Gói lưu trữ bị từ chối: dung lượng giải nén vượt giới hạn {limit}.',
    en: 'Package refused: its uncompressed size exceeds {limit}.',
  },
  package_compression_ratio: {
    vi: 'Gói lưu trữ bị từ chối: tệp {name} có tỷ lệ nén bất thường (quá {limit} lần, nghi là "bom nén").',
    en: 'Package refused: {name} has an abnormal compression ratio (over {limit}:1, a likely zip bomb).',
  },
  package_too_many_entries: {
    vi: 'Gói lưu trữ bị từ chối: quá {limit} tệp.',
    en: 'Package refused: more than {limit} files.',
  },
  package_manifest_missing: {
    vi: 'Gói lưu trữ thiếu tệp manifest.json.',
    en: 'The package has no manifest.json.',
  },
  package_manifest_invalid: {
    vi: 'Tệp manifest.json không hợp lệ: {detail}',
    en: 'manifest.json is invalid: {detail}',
  },
  package_newer_schema: {
    vi: 'Gói lưu trữ được tạo bởi phiên bản mới hơn (lược đồ {found}, phiên bản này hỗ trợ đến {supported}). Hãy cập nhật ứng dụng.',
    en: 'The package was made by a newer version (schema {found}; this version supports up to {supported}). Upgrade the app.',
  },
  package_checksum_mismatch: {
    vi: 'Gói lưu trữ bị từ chối: tệp {name} không khớp mã băm SHA-256 trong manifest.',
    en: 'Package refused: {name} does not match its SHA-256 in the manifest.',
  },
  package_file_missing: {
    vi: 'Gói lưu trữ bị từ chối: thiếu tệp {name} được liệt kê trong manifest.',
    en: 'Package refused: {name}, listed in the manifest, is missing.',
  },
  package_file_unlisted: {
    vi: 'Gói lưu trữ bị từ chối: tệp {name} không có trong manifest.',
    en: 'Package refused: {name} is not listed in the manifest.',
  },
  package_audit_invalid: {
    vi: 'Gói lưu trữ bị từ chối: nhật ký kiểm tra (chuỗi băm) không hợp lệ: {detail}',
    en: 'Package refused: the audit hash chain is invalid: {detail}',
  },
  package_signature_invalid: {
    vi: 'Gói lưu trữ bị từ chối: chữ ký số trên biên bản không hợp lệ: {detail}',
    en: 'Package refused: the signature on the minutes is invalid: {detail}',
  },
  package_records_invalid: {
    vi: 'Gói lưu trữ bị từ chối: dữ liệu cuộc họp không hợp lệ: {detail}',
    en: 'Package refused: the meeting records are invalid: {detail}',
  },
  package_already_imported: {
    vi: 'Cuộc họp "{title}" đã có trên máy chủ này.',
    en: 'The meeting "{title}" is already on this host.',
  },
  minutes_not_draft: {
    vi: 'Biên bản đã được chốt; cần mở lại trước khi sửa.',
    en: 'The minutes are finalised; reopen them before changing them.',
  },
  minutes_not_final: { vi: 'Biên bản chưa được chốt.', en: 'The minutes have not been finalised.' },
  minutes_empty: { vi: 'Dự thảo biên bản đang trống.', en: 'The minutes draft is empty.' },
  minutes_no_pdf: {
    vi: 'Biên bản chưa có tệp PDF (chưa chốt).',
    en: 'The minutes have no PDF yet (not finalised).',
  },
  minutes_already_signed: {
    vi: 'Bạn đã ký biên bản này.',
    en: 'You have already signed these minutes.',
  },
  minutes_signed_locked: {
    vi: 'Biên bản đã được ký; dữ liệu cuộc họp chỉ còn được xem.',
    en: 'The minutes are signed; the meeting record is read-only.',
  },
  signing_not_pending: {
    vi: 'Phiên ký này đã kết thúc; hãy ký lại từ đầu.',
    en: 'This signing session is over; start signing again.',
  },
  signing_stale: {
    vi: 'Biên bản đã thay đổi từ lúc chuẩn bị ký (có người khác vừa ký hoặc mở lại); hãy ký lại.',
    en: 'The minutes changed since signing was prepared (someone else signed or reopened them); sign again.',
  },
  certificate_malformed: {
    vi: 'Chứng thư số không đọc được (cần PEM X.509).',
    en: 'The certificate cannot be read (X.509 PEM expected).',
  },
  certificate_untrusted: {
    vi: 'Chứng thư số “{subject}” không do tổ chức chứng thực được tin cậy cấp.',
    en: 'The certificate “{subject}” was not issued by a trusted certificate authority.',
  },
  certificate_expired: {
    vi: 'Chứng thư số đã hết hạn (ngày {notAfter}).',
    en: 'The certificate has expired (on {notAfter}).',
  },
  certificate_not_yet_valid: {
    vi: 'Chứng thư số chưa có hiệu lực (từ {notBefore}).',
    en: 'The certificate is not valid yet (from {notBefore}).',
  },
  certificate_key_usage: {
    vi: 'Chứng thư số không được phép dùng để ký văn bản.',
    en: 'The certificate may not be used to sign documents.',
  },
  cms_malformed: {
    vi: 'Chữ ký gửi lên không phải CMS SignedData hợp lệ.',
    en: 'The signature sent is not a valid CMS SignedData.',
  },
  cms_too_large: {
    vi: 'Chữ ký quá lớn so với chỗ dành sẵn trong tệp PDF.',
    en: 'The signature is larger than the room reserved in the PDF.',
  },
  signature_digest_mismatch: {
    vi: 'Chữ ký không được tạo trên đúng mã băm của biên bản.',
    en: 'The signature was not made over the digest of these minutes.',
  },
  signature_invalid: { vi: 'Chữ ký số không hợp lệ.', en: 'The digital signature is not valid.' },
  signature_certificate_mismatch: {
    vi: 'Chữ ký được tạo bằng chứng thư số khác với chứng thư đã khai báo.',
    en: 'The signature was made with a different certificate than the one declared.',
  },
  signing_certificate_v2_missing: {
    vi: 'Chữ ký thiếu thuộc tính signing-certificate-v2 (PAdES).',
    en: 'The signature lacks the signing-certificate-v2 attribute (PAdES).',
  },
  trust_root_not_ca: {
    vi: 'Chứng thư này không phải của tổ chức chứng thực (CA).',
    en: 'This certificate is not a certificate authority (CA).',
  },
  trust_root_exists: {
    vi: 'Chứng thư gốc này đã có trong danh sách tin cậy.',
    en: 'This root certificate is already trusted.',
  },
  pdf_malformed: { vi: 'Tệp gửi lên không phải PDF.', en: 'The file sent is not a PDF.' },
  pdf_too_many_signatures: {
    vi: 'Tệp PDF có quá nhiều chữ ký (tối đa {limit}): không kiểm tra.',
    en: 'The PDF has too many signatures (limit {limit}); it was not verified.',
  },
  pdf_verify_timeout: {
    vi: 'Kiểm tra chữ ký của tệp này mất quá nhiều thời gian và đã dừng.',
    en: 'Verifying the signatures of this file took too long and was stopped.',
  },
  verify_busy: {
    vi: 'Máy chủ đang kiểm tra nhiều tệp khác, vui lòng thử lại sau.',
    en: 'The host is verifying many other files; please try again later.',
  },
  annotations_paper_encrypted: {
    vi: 'Tài liệu có mật khẩu: không thể xuất bản PDF kèm ghi chú (hãy dùng bản W3C JSON).',
    en: 'The paper is password-protected: it cannot be exported as a PDF with notes (use the W3C JSON export).',
  },
  internal: { vi: 'Lỗi hệ thống, vui lòng thử lại.', en: 'Internal error; please try again.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type KnownErrorCode = keyof typeof errorMessages;

export function formatErrorMessage(
  code: string,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const table = errorMessages as Record<string, Record<Lang, string> | undefined>;
  const template = table[code]?.[lang] ?? table.internal![lang];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
