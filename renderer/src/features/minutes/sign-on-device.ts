// Signing where the key is: the .p12 file is opened in this browser with WebCrypto (pkijs), the
// CMS is built here, and only the certificate chain and the CMS travel to the host. The key is
// imported non-extractable and never leaves this page.
import { api, ApiClientError } from '../../api/client';
import { readPkcs12 } from '../../../../shared/signing/pkcs12';
import { buildPadesCms } from '../../../../shared/signing/pades-cms';
import { base64ToBytes, bytesToBase64 } from '../../../../shared/signing/pem';

export function canSignHere(): boolean {
  // WebCrypto's subtle API exists only in secure contexts (https, localhost, the desktop app).
  return (
    typeof globalThis.crypto !== 'undefined' && typeof globalThis.crypto.subtle !== 'undefined'
  );
}

export async function signMinutesOnDevice(meetingId: string, p12: Uint8Array, passphrase: string) {
  const identity = await readPkcs12(p12, passphrase);
  const attempt = async () => {
    const prepared = await api.call('prepareMinutesSignature', {
      params: { m: meetingId },
      body: { certificateChain: identity.certificateChainPem },
    });
    const cms = await buildPadesCms({
      digest: base64ToBytes(prepared.digest),
      certificates: identity.certificates,
      privateKey: identity.privateKey,
    });
    return api.call('completeMinutesSignature', {
      params: { m: meetingId, s: prepared.signingId },
      body: { cms: bytesToBase64(cms) },
    });
  };
  try {
    return await attempt();
  } catch (err) {
    // The other signer finished between our prepare and complete: sign the new file once more.
    if (err instanceof ApiClientError && err.code === 'signing_stale') return attempt();
    throw err;
  }
}
