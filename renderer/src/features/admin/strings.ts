import { registerStrings } from '../../app/i18n';

registerStrings({
  vi: {
    users: {
      title: 'Tài khoản',
      onlyAdmin: 'Chỉ quản trị viên được quản lý tài khoản.',
      username: 'Tên đăng nhập',
      displayName: 'Họ tên',
      password: 'Mật khẩu',
      isAdmin: 'Quản trị',
      canCreateMeetings: 'Được tạo cuộc họp',
      yes: 'Có',
      no: 'Không',
      create: 'Tạo tài khoản',
      createHeading: 'Tạo tài khoản mới',
      created: 'Đã tạo tài khoản {{username}}.',
      usernameHint: 'Chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
    },
  },
  en: {
    users: {
      title: 'Accounts',
      onlyAdmin: 'Only administrators manage accounts.',
      username: 'Username',
      displayName: 'Full name',
      password: 'Password',
      isAdmin: 'Administrator',
      canCreateMeetings: 'May create meetings',
      yes: 'Yes',
      no: 'No',
      create: 'Create account',
      createHeading: 'New account',
      created: 'Account {{username}} created.',
      usernameHint: 'Lowercase letters without accents, digits, dot, dash, underscore.',
    },
  },
});
