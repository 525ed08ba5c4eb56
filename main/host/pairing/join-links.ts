import QRCode from 'qrcode';
import { isWildcardBind, preferredLanAddress } from '../tls/host-names';

export interface JoinLinkInput {
  hostUrl: string;
  bind: string;
  token: string;
  hostId: string;
  fingerprint: string | null;
}

/** The address tablets should use: a wildcard bind is replaced by the host's first LAN address. */
export function reachableBaseUrl(hostUrl: string, bind: string): string {
  const url = new URL(hostUrl);
  if (isWildcardBind(bind)) {
    const lan = preferredLanAddress(bind);
    url.hostname = lan.includes(':') ? `[${lan}]` : lan;
  }
  return url.origin;
}

/** Fingerprints travel in links without colons (`AB12…`), and are compared that way too. */
export function compactFingerprint(fp: string): string {
  return fp.replace(/:/g, '').toUpperCase();
}

/**
 * The join page URL the QR code holds (`/join?t=…&h=…&fp=…`) and the same for the desktop app
 * (`phonghop://join?url=…&t=…&h=…&fp=…`).
 */
export async function joinLinks(input: JoinLinkInput) {
  const base = reachableBaseUrl(input.hostUrl, input.bind);
  const q = new URLSearchParams({ t: input.token, h: input.hostId });
  if (input.fingerprint) q.set('fp', compactFingerprint(input.fingerprint));
  const joinUrl = `${base}/join?${q.toString()}`;
  const deep = new URLSearchParams({ url: base, t: input.token, h: input.hostId });
  if (input.fingerprint) deep.set('fp', compactFingerprint(input.fingerprint));
  const deepLink = `phonghop://join?${deep.toString()}`;
  const qrSvg = await QRCode.toString(joinUrl, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { joinUrl, deepLink, qrSvg };
}
