// Bundled separately by scripts/build-main.mjs into the shell (main/electron/shell/join.html).
// The desktop app's "Join a room" page (app://renderer/shell/join.html): takes a join link, or
// an address plus a short code, and hands it to main through the bridge, which verifies and pins
// the host. A changed fingerprint is shown as a loud warning, never accepted silently.
import type { JoinRequest, JoinResult, PhonghopBridge } from '../../../../shared/ipc/bridge';

const strings = {
  vi: {
    title: 'Tham gia phòng họp',
    intro:
      'Nhập địa chỉ máy chủ phòng họp (hoặc dán liên kết từ mã QR) và mã tham gia hiển thị trên màn hình phòng họp.',
    url: 'Địa chỉ hoặc liên kết tham gia',
    code: 'Mã tham gia',
    fp: 'Dấu vân tay chứng thư (không bắt buộc)',
    submit: 'Tham gia',
    host: 'Làm máy chủ phòng họp này',
    lang: 'English',
    working: 'Đang kiểm tra máy chủ…',
    joined: 'Đã kết nối tới {name}. Dấu vân tay: {fp}',
    acceptChanged: 'Tôi đã hỏi quản trị viên: chấp nhận chứng thư mới',
    changed:
      'CẢNH BÁO: chứng thư của máy chủ phòng họp {host} đã thay đổi. Nếu quản trị viên không vừa thay chứng thư, có thể có kẻ mạo danh máy chủ. Đừng đăng nhập; hãy hỏi quản trị viên, rồi tham gia lại bằng mã QR mới.',
  },
  en: {
    title: 'Join a room',
    intro:
      'Enter the room host’s address (or paste the link from the QR code) and the joining code shown on the room screen.',
    url: 'Address or join link',
    code: 'Joining code',
    fp: 'Certificate fingerprint (optional)',
    submit: 'Join',
    host: 'Host this room',
    lang: 'Tiếng Việt',
    working: 'Checking the host…',
    joined: 'Connected to {name}. Fingerprint: {fp}',
    acceptChanged: 'I asked the administrator: accept the new certificate',
    changed:
      'WARNING: the certificate of the room host {host} has changed. Unless the administrator just replaced it, someone may be impersonating the host. Do not sign in; ask the administrator, then join again with a new QR code.',
  },
} as const;

type Lang = keyof typeof strings;
const bridge = (window as unknown as { phonghop?: PhonghopBridge }).phonghop;
let lang: Lang = 'vi';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function render(): void {
  const s = strings[lang];
  document.documentElement.lang = lang;
  $('title').textContent = s.title;
  $('intro').textContent = s.intro;
  $('url-label').textContent = s.url;
  $('code-label').textContent = s.code;
  $('fp-label').textContent = s.fp;
  $('submit').textContent = s.submit;
  $('host').textContent = s.host;
  $('lang').textContent = s.lang;
}

function status(text: string, kind: 'ok' | 'warning' | '' = ''): void {
  const el = $('status');
  el.className = kind;
  el.textContent = text;
  if (kind === 'warning') el.setAttribute('role', 'alert');
  else el.setAttribute('role', 'status');
}

async function join(request: JoinRequest): Promise<void> {
  if (!bridge) return;
  status(strings[lang].working);
  const result: JoinResult = await bridge.invoke('room:join', request);
  if (result.ok) {
    status(
      strings[lang].joined
        .replace('{name}', result.hostName)
        .replace('{fp}', result.fingerprint ?? '—'),
      'ok',
    );
    return;
  }
  status(
    `${result.message}${result.expected ? `\n${result.expected} → ${result.actual ?? ''}` : ''}`,
    'warning',
  );
  if (result.code === 'fingerprint_changed') {
    const accept = document.createElement('button');
    accept.type = 'button';
    accept.className = 'secondary';
    accept.textContent = strings[lang].acceptChanged;
    accept.addEventListener(
      'click',
      () => void join({ ...request, acceptChangedFingerprint: true }),
    );
    $('status').append(document.createElement('br'), accept);
  }
}

function fromForm(): JoinRequest {
  const url = $<HTMLInputElement>('url').value.trim();
  const code = $<HTMLInputElement>('code').value.trim();
  const fp = $<HTMLInputElement>('fp').value.trim();
  return {
    url: /^https?:\/\//.test(url) ? url : `https://${url}`,
    ...(code ? { code } : {}),
    ...(fp ? { fingerprint: fp } : {}),
  };
}

document.addEventListener('DOMContentLoaded', () => {
  let chosen = false;
  void bridge?.invoke('app:info').then((info) => {
    // The app's saved language, unless the person already switched here.
    if (chosen) return;
    lang = info.lang;
    render();
  });
  render();
  $('lang').addEventListener('click', () => {
    chosen = true;
    lang = lang === 'vi' ? 'en' : 'vi';
    void bridge?.invoke('app:set-language', lang);
    render();
  });
  $('host').addEventListener('click', () => void bridge?.invoke('room:choose-host'));
  $<HTMLFormElement>('join').addEventListener('submit', (e) => {
    e.preventDefault();
    void join(fromForm());
  });
  bridge?.on('deep-link:join', (link) => {
    $<HTMLInputElement>('url').value = link.url;
    void join(link);
  });
  $<HTMLInputElement>('url').focus();
  showPinWarning();
  bridge?.on('security:fingerprint-changed', (w) =>
    status(
      `${strings[lang].changed.replace('{host}', w.host)}\n${w.expected} → ${w.actual}`,
      'warning',
    ),
  );
});

/** Sent here by main when a pinned host presented another certificate. */
function showPinWarning(): void {
  const q = new URLSearchParams(location.search);
  if (q.get('warning') !== 'fingerprint_changed') return;
  const host = q.get('host') ?? '';
  status(
    `${strings[lang].changed.replace('{host}', host)}\n${q.get('expected') ?? ''} → ${q.get('actual') ?? ''}`,
    'warning',
  );
  $<HTMLInputElement>('url').value = host;
}
