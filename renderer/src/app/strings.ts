// The shell's own strings (header, login, common words). Features register theirs beside them.
import { registerStrings } from './i18n';

registerStrings({
  vi: {
    app: {
      name: 'Phòng họp không giấy',
      skipToContent: 'Bỏ qua, tới nội dung chính',
      loading: 'Đang tải…',
      pageLoadFailed:
        'Không tải được trang này: thiết bị chưa có mã của trang và không kết nối được máy chủ. Hãy thử lại khi có mạng.',
    },
    lang: { label: 'Ngôn ngữ', vi: 'Tiếng Việt', en: 'English' },
    nav: { main: 'Điều hướng chính', meetings: 'Cuộc họp của tôi', users: 'Tài khoản' },
    auth: {
      title: 'Đăng nhập',
      username: 'Tên đăng nhập',
      password: 'Mật khẩu',
      submit: 'Đăng nhập',
      submitting: 'Đang đăng nhập…',
      logout: 'Đăng xuất',
      signedInAs: 'Đang đăng nhập: {{name}}',
    },
    common: {
      save: 'Lưu',
      saving: 'Đang lưu…',
      cancel: 'Hủy',
      delete: 'Xóa',
      edit: 'Sửa',
      add: 'Thêm',
      back: 'Quay lại',
      retry: 'Thử lại',
      error: 'Đã có lỗi',
      notFound: 'Không tìm thấy trang này.',
      home: 'Về trang chủ',
      none: 'Không có',
    },
    sync: {
      connecting: 'Đang kết nối…',
      connected: 'Đang đồng bộ…',
      synced: 'Trực tiếp',
      disconnected: 'Mất kết nối, đang thử lại…',
      refused: 'Không được phép theo dõi trực tiếp',
    },
  },
  en: {
    app: {
      name: 'Paperless Meeting Room',
      skipToContent: 'Skip to main content',
      loading: 'Loading…',
      pageLoadFailed:
        'This page could not be loaded: the device does not have its code yet and cannot reach the host. Try again when the network is back.',
    },
    lang: { label: 'Language', vi: 'Tiếng Việt', en: 'English' },
    nav: { main: 'Main navigation', meetings: 'My meetings', users: 'Accounts' },
    auth: {
      title: 'Sign in',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      logout: 'Sign out',
      signedInAs: 'Signed in as {{name}}',
    },
    common: {
      save: 'Save',
      saving: 'Saving…',
      cancel: 'Cancel',
      delete: 'Delete',
      edit: 'Edit',
      add: 'Add',
      back: 'Back',
      retry: 'Try again',
      error: 'Something went wrong',
      notFound: 'This page does not exist.',
      home: 'Go to the start page',
      none: 'None',
    },
    sync: {
      connecting: 'Connecting…',
      connected: 'Synchronising…',
      synced: 'Live',
      disconnected: 'Connection lost, retrying…',
      refused: 'Not allowed to follow live',
    },
  },
});
