import type * as pkijs from 'pkijs';

// The WebCrypto types as pkijs sees them: shared/ compiles without the DOM library for Node code,
// yet runs in browsers too, so the types come from pkijs rather than from either environment.
export type WebCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
export type WebCryptoKey = Parameters<pkijs.SignedData['sign']>[0];

export function defaultCrypto(): WebCrypto {
  return (globalThis as unknown as { crypto: WebCrypto }).crypto;
}
