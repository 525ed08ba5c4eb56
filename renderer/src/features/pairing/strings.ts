import { registerStrings } from '../../app/i18n';

registerStrings({
  vi: {
    pairing: {
      button: 'Mã tham gia',
      codeTitle: 'Mã tham gia phòng họp',
      codeIntro:
        'Quét mã QR bằng máy tính bảng, hoặc nhập mã ngắn tại trang Tham gia. Mỗi mã chỉ dùng được một lần.',
      qrAlt: 'Mã QR để tham gia phòng họp',
      shortCode: 'Mã ngắn',
      expires: 'Hết hạn lúc {{time}}',
      fingerprint: 'Dấu vân tay chứng thư (SHA-256)',
      noTls:
        'Máy chủ đang chạy không mã hóa (chỉ trên máy này). Để máy tính bảng tham gia qua Wi-Fi, hãy chạy máy chủ với --bind 0.0.0.0.',
      caLink: 'Tải chứng thư gốc của máy chủ (để máy tính bảng tin cậy)',
      newCode: 'Tạo mã mới',
      creating: 'Đang tạo mã…',
      address: 'Địa chỉ máy chủ',
      joinTitle: 'Tham gia phòng họp',
      joinIntro: 'Nhập mã tham gia hiển thị trên màn hình phòng họp.',
      codeLabel: 'Mã tham gia',
      submit: 'Tham gia',
      working: 'Đang kiểm tra mã…',
      joined: 'Đã vào phòng họp',
      host: 'Máy chủ: {{name}}',
      verified: 'Chứng thư máy chủ khớp với mã QR.',
      enterMeeting: 'Vào cuộc họp',
      toMeetings: 'Xem các cuộc họp',
      mismatch:
        'CẢNH BÁO: máy chủ này không khớp với mã QR (khác máy chủ hoặc khác chứng thư). Không tiếp tục; hãy báo thư ký hoặc quản trị viên.',
    },
  },
  en: {
    pairing: {
      button: 'Joining code',
      codeTitle: 'Joining code for the room',
      codeIntro:
        'Scan the QR code with a tablet, or type the short code on the Join page. Each code works once.',
      qrAlt: 'QR code to join the meeting room',
      shortCode: 'Short code',
      expires: 'Expires at {{time}}',
      fingerprint: 'Certificate fingerprint (SHA-256)',
      noTls:
        'The host is running without encryption (this computer only). For tablets to join over Wi-Fi, run the host with --bind 0.0.0.0.',
      caLink: "Download the host's root certificate (for tablets to trust)",
      newCode: 'New code',
      creating: 'Creating a code…',
      address: 'Host address',
      joinTitle: 'Join the meeting room',
      joinIntro: 'Enter the joining code shown on the room screen.',
      codeLabel: 'Joining code',
      submit: 'Join',
      working: 'Checking the code…',
      joined: 'You have joined the room',
      host: 'Host: {{name}}',
      verified: "The host's certificate matches the QR code.",
      enterMeeting: 'Enter the meeting',
      toMeetings: 'See my meetings',
      mismatch:
        'WARNING: this host does not match the QR code (another host or another certificate). Do not continue; tell the secretary or the administrator.',
    },
  },
});
