// Remembered sign-in on this computer: the password is encrypted with the OS key store
// (Electron safeStorage: Keychain, DPAPI, libsecret) before it touches the settings file. Where
// no key store is available nothing is remembered, rather than storing it in clear.
import type { SettingsStore } from './settings-store';

export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function createCredentialStore(
  settings: SettingsStore,
  crypto: Encryptor,
  platform: string = process.platform,
) {
  // On Linux without a keyring, safeStorage falls back to a hard-coded key ("basic_text"):
  // not a secret. Electron reports that as available, so the backend is checked separately.
  const usable = () =>
    crypto.isEncryptionAvailable() &&
    !(platform === 'linux' && selectedBackend(crypto) === 'basic_text');
  return {
    available: usable,
    save(hostId: string, username: string, password: string): boolean {
      if (!usable()) return false;
      const secret = crypto.encryptString(password).toString('base64');
      settings.update({
        credentials: { ...settings.get().credentials, [hostId]: { username, secret } },
      });
      return true;
    },
    load(hostId: string): { hostId: string; username: string; password: string } | null {
      const entry = settings.get().credentials[hostId];
      if (!entry || !usable()) return null;
      try {
        return {
          hostId,
          username: entry.username,
          password: crypto.decryptString(Buffer.from(entry.secret, 'base64')),
        };
      } catch {
        return null;
      }
    },
    forget(hostId: string): void {
      const { [hostId]: _gone, ...rest } = settings.get().credentials;
      settings.update({ credentials: rest });
    },
  };
}

function selectedBackend(crypto: Encryptor): string | undefined {
  const withBackend = crypto as Encryptor & { getSelectedStorageBackend?: () => string };
  return withBackend.getSelectedStorageBackend?.();
}
