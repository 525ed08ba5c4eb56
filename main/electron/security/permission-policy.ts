import { originOf } from './navigation-policy';

// Everything the app needs from the browser: copying text (clipboard write), full screen for the
// presentation view, and printing is not a permission. Camera, microphone, location,
// notifications, MIDI, USB, HID, serial... are refused, whoever asks.
const GRANTED = new Set(['clipboard-sanitized-write', 'fullscreen', 'pointerLock']);

export function permissionAllowed(
  permission: string,
  requestingUrl: string,
  appOrigins: readonly string[],
): boolean {
  if (!GRANTED.has(permission)) return false;
  const origin = originOf(requestingUrl);
  return origin !== null && appOrigins.includes(origin);
}

/** Device pickers (USB, HID, serial, Bluetooth) are never offered. */
export function devicePermissionAllowed(): boolean {
  return false;
}
