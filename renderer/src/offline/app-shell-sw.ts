// The app shell's service worker. Papers and annotations are already kept on the device; this
// keeps the app itself, so a tablet that reloads (or is woken by the OS) while the room's Wi-Fi is
// down still opens the app and reads from the device. It never touches the API or the sync
// socket: those stay live, and their own caches decide what may be shown offline.
//
// Built as its own self-contained entry (`/app-sw.js`) next to the app; registered by
// `register-app-shell.ts`.
import { shellFiles, isShellAsset } from './shell-files';

// The service worker global, typed here: the WebWorker lib cannot share a program with the DOM lib.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
}
const sw = self as unknown as ServiceWorkerScope;

const CACHE = 'app-shell';
/** Deep links (/meetings/…) are client-side routes: every navigation is answered by index.html. */
const SHELL = '/';

/** The build's files, from Vite's manifest (it lists lazily loaded chunks too). */
async function currentFiles(): Promise<string[]> {
  const res = await fetch('/.vite/manifest.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`manifest: ${res.status}`);
  return [SHELL, ...shellFiles(await res.json())];
}

/** Caches what is missing and drops what the current build no longer has. */
async function refresh(): Promise<void> {
  const files = await currentFiles();
  const cache = await caches.open(CACHE);
  const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  for (const f of files) {
    // The shell is always fetched again (a new build has new asset names in it).
    if (have.has(f) && f !== SHELL) continue;
    // Hashed assets may come from the HTTP cache (the page just loaded them); the shell may not.
    const res = await fetch(f, f === SHELL ? { cache: 'no-store' } : {});
    if (res.ok) await cache.put(f, res);
  }
  const keep = new Set(files);
  for (const r of await cache.keys()) if (!keep.has(new URL(r.url).pathname)) await cache.delete(r);
}

sw.addEventListener('install', (e) => {
  e.waitUntil(refresh().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(sw.clients.claim());
});

let refreshed = false;

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin) return;
  if (req.mode === 'navigate') {
    // Network first: online, the app is always the newest build.
    e.respondWith(
      fetch(req).then(
        (res) => {
          if (res.ok && !refreshed) {
            refreshed = true;
            e.waitUntil(refresh().catch(() => (refreshed = false)));
          }
          return res;
        },
        async () => (await caches.match(SHELL)) ?? Response.error(),
      ),
    );
    return;
  }
  if (!isShellAsset(url.pathname)) return;
  // Hashed names never change: the device copy is the file.
  e.respondWith(
    caches.match(url.pathname).then(
      (hit) =>
        hit ??
        fetch(req).then(async (res) => {
          if (res.ok) await (await caches.open(CACHE)).put(url.pathname, res.clone());
          return res;
        }),
    ),
  );
});
