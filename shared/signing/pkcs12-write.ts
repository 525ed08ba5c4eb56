import * as pkijs from 'pkijs';
import { defaultCrypto } from './web-crypto';
import type { WebCrypto, WebCryptoKey } from './web-crypto';

const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

/**
 * Writes a PKCS#12 file as current tools do (PBES2 with AES-256-CBC and PBKDF2-SHA-256, SHA-256
 * MAC), readable by OpenSSL 3, Windows and `readPkcs12`. `key` must be extractable.
 */
export async function writePkcs12(
  key: WebCryptoKey,
  certificates: pkijs.Certificate[],
  passphrase: string,
  opts: { iterations?: number; crypto?: WebCrypto } = {},
): Promise<Uint8Array> {
  const engine = new pkijs.CryptoEngine({
    name: 'pkcs12-write',
    crypto: opts.crypto ?? defaultCrypto(),
  });
  const iterations = opts.iterations ?? 100_000;
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer;
  const pkcs8 = (await engine.exportKey('pkcs8', key)) as ArrayBuffer;
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({
    parsedValue: pkijs.PrivateKeyInfo.fromBER(pkcs8),
  });
  const encryption = {
    password,
    // No IV here: pkijs draws a fresh random one for each encryption (the DOM typing asks for one).
    contentEncryptionAlgorithm: {
      name: 'AES-CBC',
      length: 256,
    } as pkijs.ContentEncryptionAlgorithm,
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: iterations,
  };
  await keyBag.makeInternalValues(encryption, engine);
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [new pkijs.SafeBag({ bagId: SHROUDED_KEY_BAG, bagValue: keyBag })],
              }),
            },
            {
              privacyMode: 1,
              value: new pkijs.SafeContents({
                safeBags: certificates.map(
                  (c) =>
                    new pkijs.SafeBag({
                      bagId: CERT_BAG,
                      bagValue: new pkijs.CertBag({ parsedValue: c }),
                    }),
                ),
              }),
            },
          ],
        },
      }),
    },
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues(
    { safeContents: [{}, encryption] },
    engine,
  );
  await pfx.makeInternalValues(
    { password, iterations, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' },
    engine,
  );
  return new Uint8Array(pfx.toSchema().toBER(false));
}
