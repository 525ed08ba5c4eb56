// "Join a room" in the desktop app: from a join link (QR code), a deep link or an address plus a
// short code, to a verified, pinned host. The fingerprint in the link (or, failing that, the one
// first seen) is pinned per host id; a later change is refused until the person accepts it after
// a loud warning. Two hosts on one network never mix: the host id in the link must match.
import { JoinRequest } from '../../../shared/ipc/bridge';
import type { JoinResult } from '../../../shared/ipc/bridge';
import { compactFingerprint } from '../security/certificate-pinning';
import { PinError, probeHost, requestJson } from './host-probe';

export interface PinStore {
  pinned(hostId: string): { fingerprint: string | null; url: string } | undefined;
  pin(
    hostId: string,
    entry: { fingerprint: string | null; url: string; name: string; caPem: string | null },
  ): void;
}

type Lang = 'vi' | 'en';
const text = {
  fingerprint_changed: {
    vi: 'CẢNH BÁO: chứng thư của máy chủ phòng họp đã thay đổi. Nếu quản trị viên không vừa thay chứng thư, có thể có kẻ mạo danh máy chủ. Đừng đăng nhập; hãy hỏi quản trị viên.',
    en: "WARNING: the room host's certificate has changed. Unless the administrator just replaced it, someone may be impersonating the host. Do not sign in; ask the administrator.",
  },
  fingerprint_mismatch: {
    vi: 'Dấu vân tay chứng thư của máy chủ không khớp với mã QR. Không kết nối.',
    en: "The host's certificate fingerprint does not match the QR code. Not connecting.",
  },
  host_mismatch: {
    vi: 'Địa chỉ này là một máy chủ phòng họp khác với mã QR. Hãy kiểm tra lại địa chỉ.',
    en: 'This address is a different room host than the QR code names. Check the address.',
  },
  unreachable: {
    vi: 'Không kết nối được tới máy chủ phòng họp: {detail}',
    en: 'Cannot reach the room host: {detail}',
  },
  pairing_refused: {
    vi: 'Mã tham gia bị từ chối: {detail}',
    en: 'The joining code was refused: {detail}',
  },
  invalid: {
    vi: 'Liên kết hoặc mã tham gia không hợp lệ.',
    en: 'The join link or code is not valid.',
  },
} as const;

function fail(
  code: keyof typeof text,
  lang: Lang,
  extra: { detail?: string; expected?: string; actual?: string } = {},
): JoinResult {
  return {
    ok: false,
    code,
    message: text[code][lang].replace('{detail}', extra.detail ?? ''),
    ...(extra.expected ? { expected: extra.expected } : {}),
    ...(extra.actual ? { actual: extra.actual } : {}),
  };
}

/** Folds a full join link (`https://h:p/join?t=&h=&fp=`) into the request's fields. */
export function expandJoinLink(input: JoinRequest): JoinRequest {
  const url = new URL(input.url);
  const q = url.searchParams;
  return {
    ...input,
    url: url.origin,
    token: input.token ?? q.get('t') ?? undefined,
    hostId: input.hostId ?? q.get('h') ?? undefined,
    fingerprint: input.fingerprint ?? q.get('fp') ?? undefined,
  };
}

export async function joinRoom(
  raw: JoinRequest,
  pins: PinStore,
  lang: Lang = 'vi',
): Promise<JoinResult> {
  const parsed = JoinRequest.safeParse(raw);
  if (!parsed.success) return fail('invalid', lang);
  const req = expandJoinLink(parsed.data);
  if (!req.token && !req.code) return fail('invalid', lang);
  const linkFp = req.fingerprint ? compactFingerprint(req.fingerprint) : undefined;

  let probe;
  try {
    probe = await probeHost(req.url, linkFp);
  } catch (err) {
    if (err instanceof PinError && err.code === 'fingerprint_mismatch')
      return fail('fingerprint_mismatch', lang, { expected: linkFp, actual: err.actual });
    return fail('unreachable', lang, { detail: err instanceof Error ? err.message : String(err) });
  }
  const { identity } = probe;
  if (req.hostId && req.hostId !== identity.hostId)
    return fail('host_mismatch', lang, { expected: req.hostId, actual: identity.hostId });

  const before = pins.pinned(identity.hostId);
  if (
    before?.fingerprint &&
    probe.fingerprint &&
    before.fingerprint !== probe.fingerprint &&
    !req.acceptChangedFingerprint
  )
    return fail('fingerprint_changed', lang, {
      expected: before.fingerprint,
      actual: probe.fingerprint,
    });

  const redeemed = await requestJson(req.url, '/api/v1/pairing/redeem', {
    method: 'POST',
    body: req.token ? { token: req.token } : { code: req.code },
    caPem: probe.caPem,
    lang,
  }).catch((err: unknown) => err as Error);
  if (redeemed instanceof Error) return fail('unreachable', lang, { detail: redeemed.message });
  if (redeemed.status !== 200) {
    const message =
      (redeemed.body as { error?: { message?: string } } | null)?.error?.message ??
      String(redeemed.status);
    return fail('pairing_refused', lang, { detail: message });
  }
  pins.pin(identity.hostId, {
    fingerprint: probe.fingerprint,
    url: req.url,
    name: identity.name,
    caPem: probe.caPem,
  });
  return {
    ok: true,
    hostId: identity.hostId,
    hostName: identity.name,
    fingerprint: probe.fingerprint,
    url: req.url,
  };
}
