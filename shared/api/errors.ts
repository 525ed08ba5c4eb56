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
  invalid_json: { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  validation: { vi: 'Dữ liệu không hợp lệ: {detail}', en: 'Invalid data: {detail}' },
  unauthenticated: { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  bad_credentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  session_expired: { vi: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session has expired; please sign in again.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  not_found: { vi: 'Không tìm thấy {what}.', en: '{what} not found.' },
  route_not_found: { vi: 'Không có địa chỉ API này: {path}', en: 'No such API route: {path}' },
  method_not_allowed: { vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  conflict: { vi: 'Xung đột dữ liệu: {detail}', en: 'Conflict: {detail}' },
  username_taken: { vi: 'Tên đăng nhập đã tồn tại.', en: 'That username is already taken.' },
  payload_too_large: { vi: 'Tệp hoặc nội dung quá lớn (tối đa {limit}).', en: 'The file or body is too large (limit {limit}).' },
  unsupported_media_type: { vi: 'Định dạng không được hỗ trợ: {detail}', en: 'Unsupported format: {detail}' },
  too_many_requests: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau {seconds} giây.', en: 'Too many requests; try again in {seconds} seconds.' },
  meeting_locked: { vi: 'Cuộc họp đã được lưu trữ, không thể thay đổi.', en: 'The meeting is archived and cannot be changed.' },
  agenda_order_mismatch: { vi: 'Danh sách thứ tự phải gồm đúng các mục của chương trình.', en: 'The order must list exactly the agenda items of the meeting.' },
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
