// The desktop app's preload bridge (shared/ipc/bridge.ts), or null in a plain browser (tablets).
// Use it for what only the desktop shell can do: print a paper or the minutes
// (`invoke('print:page', { path: '/api/v1/…' })`), remember a password with the OS key store
// (`credentials:save` / `credentials:load` for the current host id), open the data folder.
import { BRIDGE_GLOBAL } from '../../../../shared/ipc/bridge';
import type { PhonghopBridge } from '../../../../shared/ipc/bridge';

export function desktopBridge(): PhonghopBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return candidate && typeof candidate === 'object' ? (candidate as PhonghopBridge) : null;
}
