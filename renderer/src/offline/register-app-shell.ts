// Registers the app shell's service worker (see app-shell-sw.ts) in a built app. Not in the dev
// server (its modules are not files), and not where service workers are unavailable (plain HTTP
// on the LAN is not a secure context; the host serves HTTPS there).
export function registerAppShell(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // A failure only means no offline reload; the app itself works the same.
    navigator.serviceWorker.register('/app-sw.js', { scope: '/' }).catch(() => {});
  });
}
