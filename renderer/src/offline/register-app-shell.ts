// Registers the app shell's service worker (see app-shell-sw.ts) in a built app. Not in the dev
// server (its modules are not files), and not where service workers are unavailable (plain HTTP
// on the LAN is not a secure context; the host serves HTTPS there). Its install downloads and
// stores every file of the build, so it waits until the app has started (see after-start.ts).
import { afterStart } from '../app/after-start';

export function registerAppShell(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  afterStart(() => {
    // A failure only means no offline reload; the app itself works the same.
    navigator.serviceWorker.register('/app-sw.js', { scope: '/' }).catch(() => {});
  });
}
