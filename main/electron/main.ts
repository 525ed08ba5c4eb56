// The desktop shell: one window showing the meeting app, either from the host embedded in this
// process ("Host this room") or from a room host on the network ("Join a room"), pinned by its
// certificate fingerprint. Everything security-relevant is decided by the plain modules in
// security/ (tested without Electron); this file only wires them to Electron's objects.
import path from 'node:path';
import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import type { Certificate, IpcMainInvokeEvent, WebContents } from 'electron';
import { startHost } from '../host/host';
import type { RunningHost } from '../host/host';
import { defaultDataDir } from '../host/config';
import { createLogger } from '../host/logger';
import { secureWebPreferences, assertSecure } from './security/web-preferences';
import { APP_ORIGIN, decideWindowOpen, mayNavigate, originOf } from './security/navigation-policy';
import { devicePermissionAllowed, permissionAllowed } from './security/permission-policy';
import { appProtocolHeaders } from './security/csp';
import { chainMatchesPin, compactFingerprint } from './security/certificate-pinning';
import { contentTypeFor, resolveAppFile } from './app-protocol';
import { createSettingsStore } from './settings-store';
import { createCredentialStore } from './credentials';
import { deepLinkFromArgv, parseDeepLink, DEEP_LINK_SCHEME } from './deep-link';
import { menuTemplate } from './menu-template';
import type { MenuAction } from './menu-template';
import { restoreBounds } from './window-state';
import { forkUtilityParserChild } from './utility-parser-child';
import { registerBridgeHandlers } from './ipc/register-handlers';
import { joinRoom } from './join/join-room';
import type { EventChannel, EventPayload, JoinRequest } from '../../shared/ipc/bridge';

const log = createLogger();
const here = __dirname; // dist/main/electron inside app.asar
const appRoot = path.resolve(here, '../../..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const shellDir = path.join(here, 'shell');
const preload = path.join(here, 'preload.cjs');

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  {
    scheme: 'app',
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void main();
}

async function main(): Promise<void> {
  const settings = createSettingsStore(path.join(app.getPath('userData'), 'settings.json'));
  const credentials = createCredentialStore(settings, safeStorage);
  const dataDir = defaultDataDir();
  let host: RunningHost | null = null;
  let window: BrowserWindow | null = null;
  let pendingDeepLink: JoinRequest | null = deepLinkFromArgv(process.argv);

  /** Origins the window may show and that may call the bridge. */
  const appOrigins = (): string[] => {
    const list = [APP_ORIGIN];
    if (host) list.push(new URL(host.url.replace('0.0.0.0', '127.0.0.1')).origin);
    const joined = settings.get().joined;
    if (joined) list.push(new URL(joined.url).origin);
    return list;
  };
  const send = <C extends EventChannel>(channel: C, payload: EventPayload<C>) =>
    window?.webContents.send(channel, payload);

  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  app.on('second-instance', (_e, argv) => {
    const link = deepLinkFromArgv(argv);
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    if (link) handleDeepLink(link);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) handleDeepLink(link);
  });

  await app.whenReady();
  hardenSessions();
  protocol.handle('app', async (request) => {
    // app://renderer/shell/… is the shell's own join page; everything else the built renderer.
    const inShell = new URL(request.url).pathname.startsWith('/shell/');
    const file = inShell
      ? resolveAppFile(shellDir, request.url.replace('/shell/', '/'))
      : resolveAppFile(rendererDir, request.url);
    const headers = appProtocolHeaders(appOrigins().filter((o) => o !== APP_ORIGIN));
    if (!file) return new Response('Not found', { status: 404, headers });
    try {
      const body = await fs.promises.readFile(file);
      return new Response(body, {
        status: 200,
        headers: { ...headers, 'Content-Type': contentTypeFor(file) },
      });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });

  registerBridgeHandlers(
    ipcMain,
    {
      'app:info': () => ({
        version: app.getVersion(),
        platform: process.platform,
        mode: settings.get().mode,
        hostUrl: host?.url ?? settings.get().joined?.url ?? null,
        fingerprint: host?.tls?.fingerprint ?? null,
        lang: settings.get().lang,
      }),
      'app:set-language': (lang) => {
        settings.update({ lang });
        buildMenu();
        return { ok: true };
      },
      'app:open-data-folder': async () => ({ ok: (await shell.openPath(dataDir)) === '' }),
      'room:choose-host': async (_arg, event) => {
        requireShellPage(event);
        settings.update({ mode: 'host', joined: null });
        await showRoom();
        return { ok: true };
      },
      'room:join': async (request, event) => {
        requireShellPage(event);
        const result = await joinRoom(request, settings.pins, settings.get().lang);
        if (result.ok) {
          settings.update({ mode: 'join', joined: { hostId: result.hostId, url: result.url } });
          setImmediate(() => void showRoom());
        }
        return result;
      },
      'room:leave': async () => {
        settings.update({ mode: null, joined: null });
        await showRoom();
        return { ok: true };
      },
      'credentials:available': () => credentials.available(),
      // A page may only touch the credentials of the host that served it.
      'credentials:save': ({ hostId, username, password }, event) => ({
        ok: hostIdOfSender(event) === hostId && credentials.save(hostId, username, password),
      }),
      'credentials:load': ({ hostId }, event) =>
        hostIdOfSender(event) === hostId ? credentials.load(hostId) : null,
      'credentials:forget': ({ hostId }, event) => {
        if (hostIdOfSender(event) === hostId) credentials.forget(hostId);
        return { ok: true };
      },
      'print:page': ({ path: target }) => printPage(target),
    },
    appOrigins,
  );

  buildMenu();
  window = createWindow();
  await showRoom();
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void host?.close();
  });

  /** Choosing or joining a room is for the shell's own page, not for a host's pages. */
  function requireShellPage(event: IpcMainInvokeEvent): void {
    if (originOf(event.senderFrame?.url ?? '') !== APP_ORIGIN)
      throw new Error('Only the app may choose the room.');
  }

  /** The host id behind the page that sent `event` (its own host, or a pinned room host). */
  function hostIdOfSender(event: IpcMainInvokeEvent): string | null {
    const origin = originOf(event.senderFrame?.url ?? '');
    if (!origin) return null;
    if (host && origin === new URL(host.url.replace('0.0.0.0', '127.0.0.1')).origin)
      return host.services.security.identity().id;
    for (const [id, pin] of Object.entries(settings.get().pins))
      if (new URL(pin.url).origin === origin) return id;
    return null;
  }

  function hardenSessions(): void {
    const s = session.defaultSession;
    s.setPermissionRequestHandler((wc, permission, callback) =>
      callback(permissionAllowed(permission, wc.getURL(), appOrigins())),
    );
    s.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
      permissionAllowed(permission, requestingOrigin, appOrigins()),
    );
    s.setDevicePermissionHandler(() => devicePermissionAllowed());
    s.setCertificateVerifyProc((request, callback) => {
      const origin = `https://${request.hostname}`;
      const pinned = pinFor(request.hostname);
      if (pinned === undefined) return callback(-3); // not ours: Chromium's own verification
      const chain = chainPems(request.certificate);
      if (pinned && chainMatchesPin(chain, request.hostname, pinned)) return callback(0);
      const actual = chain.length
        ? compactFingerprint(new X509Certificate(chain[chain.length - 1]!).fingerprint256)
        : '';
      log.warn(
        { host: request.hostname },
        'room host certificate does not match the pinned fingerprint',
      );
      send('security:fingerprint-changed', { host: origin, expected: pinned ?? '', actual });
      // The page cannot load; show the loud warning on the shell's join page instead.
      const warning = new URLSearchParams({
        warning: 'fingerprint_changed',
        host: origin,
        expected: pinned ?? '',
        actual,
      });
      if (window && originOf(window.webContents.getURL()) !== APP_ORIGIN)
        void window.loadURL(`${APP_ORIGIN}/shell/join.html?${warning.toString()}`);
      return callback(-2);
    });
    app.on('web-contents-created', (_e, contents) => lockDown(contents));
  }

  /** The pinned fingerprint for a host name we show, undefined when we pin nothing for it. */
  function pinFor(hostname: string): string | null | undefined {
    const bare = hostname.replace(/^\[|\]$/g, '');
    if (host?.tls && (bare === '127.0.0.1' || bare === 'localhost'))
      return compactFingerprint(host.tls.fingerprint);
    for (const p of Object.values(settings.get().pins)) {
      if (new URL(p.url).hostname.replace(/^\[|\]$/g, '') === bare) return p.fingerprint;
    }
    return undefined;
  }

  function lockDown(contents: WebContents): void {
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(url, appOrigins())) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!mayNavigate(url, appOrigins())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url, appOrigins());
      if (decision.openExternally) void shell.openExternal(url);
      return { action: decision.action };
    });
  }

  function createWindow(): BrowserWindow {
    const workAreas = screen.getAllDisplays().map((d) => d.workArea);
    const bounds = restoreBounds(settings.get().window, workAreas);
    const webPreferences = secureWebPreferences(preload);
    assertSecure(webPreferences);
    const win = new BrowserWindow({
      ...bounds,
      minWidth: 640,
      minHeight: 480,
      title: 'Phòng họp không giấy',
      show: false,
      backgroundColor: '#ffffff',
      webPreferences,
    });
    if (bounds.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    const remember = () => {
      if (win.isDestroyed() || win.isMinimized()) return;
      const b = win.getNormalBounds();
      settings.update({
        window: { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() },
      });
    };
    win.on('close', remember);
    win.on('closed', () => {
      window = null;
    });
    return win;
  }

  async function ensureHost(): Promise<RunningHost> {
    if (host) return host;
    const options = {
      dataDir,
      bind: '0.0.0.0',
      rendererDir: fs.existsSync(rendererDir) ? rendererDir : null,
      demo: !app.isPackaged,
      // PDFs are parsed in utility processes: the packaged app cannot fork itself as Node.
      spawnParserChild: forkUtilityParserChild,
    };
    try {
      host = await startHost({ ...options, port: 8740 }, log);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      host = await startHost({ ...options, port: 0 }, log);
    }
    log.info({ url: host.url, fingerprint: host.tls?.fingerprint }, 'hosting the room');
    return host;
  }

  async function showRoom(): Promise<void> {
    if (!window) return;
    const mode = settings.get().mode ?? (await askMode());
    if (mode === 'host') {
      if (settings.get().mode !== 'host') settings.update({ mode: 'host', joined: null });
      const running = await ensureHost();
      await window.loadURL(`https://127.0.0.1:${running.port}/`);
    } else {
      if (host) {
        await host.close();
        host = null;
      }
      const joined = settings.get().joined;
      if (joined && !pendingDeepLink) await window.loadURL(`${joined.url}/`);
      else await window.loadURL(`${APP_ORIGIN}/shell/join.html`);
    }
    if (pendingDeepLink) {
      const link = pendingDeepLink;
      pendingDeepLink = null;
      handleDeepLink(link);
    }
  }

  async function askMode(): Promise<'host' | 'join'> {
    const vi = settings.get().lang === 'vi';
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: 'Phòng họp không giấy',
      message: vi ? 'Máy tính này sẽ làm gì?' : 'What will this computer do?',
      detail: vi
        ? 'Làm máy chủ: các máy tính bảng trong phòng kết nối tới máy này.\nTham gia: kết nối tới máy chủ phòng họp bằng địa chỉ hoặc mã tham gia.'
        : 'Host: the room’s tablets connect to this computer.\nJoin: connect to the room host with its address or a joining code.',
      buttons: vi
        ? ['Làm máy chủ phòng họp này', 'Tham gia phòng họp']
        : ['Host this room', 'Join a room'],
      defaultId: 1,
      cancelId: 1,
    });
    return response === 0 ? 'host' : 'join';
  }

  function handleDeepLink(link: JoinRequest): void {
    if (!window) {
      pendingDeepLink = link;
      return;
    }
    const onJoinPage = originOf(window.webContents.getURL()) === APP_ORIGIN;
    if (!onJoinPage) {
      pendingDeepLink = link;
      void window.loadURL(`${APP_ORIGIN}/shell/join.html`).then(() => {
        pendingDeepLink = null;
        send('deep-link:join', link);
      });
      return;
    }
    send('deep-link:join', link);
  }

  async function printPage(target: string | undefined): Promise<{ ok: boolean }> {
    if (!window) return { ok: false };
    if (!target) {
      return new Promise((resolve) => window!.webContents.print({}, (ok) => resolve({ ok })));
    }
    const origin = originOf(window.webContents.getURL());
    if (!origin || origin === APP_ORIGIN) return { ok: false };
    // A paper or the minutes: shown in a hidden window (no preload, same hardening) and printed.
    const printer = new BrowserWindow({
      show: false,
      webPreferences: secureWebPreferences(undefined),
    });
    try {
      await printer.loadURL(new URL(target, origin).toString());
      return await new Promise((resolve) => printer.webContents.print({}, (ok) => resolve({ ok })));
    } finally {
      printer.destroy();
    }
  }

  function runMenu(action: MenuAction): void {
    switch (action) {
      case 'host-room':
        settings.update({ mode: 'host', joined: null });
        void showRoom();
        return;
      case 'join-room':
      case 'leave-room':
        settings.update({ mode: 'join', joined: null });
        void showRoom();
        return;
      case 'open-data-folder':
        void shell.openPath(dataDir);
        return;
      case 'print':
        void printPage(undefined);
        return;
      case 'search':
      case 'fit-width':
      case 'next-page':
      case 'previous-page':
        send('menu:command', action);
        return;
      case 'lang-vi':
      case 'lang-en':
        settings.update({ lang: action === 'lang-vi' ? 'vi' : 'en' });
        buildMenu();
        return;
      case 'about':
        void dialog.showMessageBox({
          type: 'info',
          title: 'Phòng họp không giấy',
          message: `Phòng họp không giấy ${app.getVersion()}`,
        });
        return;
    }
  }

  function buildMenu(): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(settings.get().lang, runMenu, {
          mac: process.platform === 'darwin',
          dev: !app.isPackaged,
        }),
      ),
    );
  }
}

/** Leaf first; Electron gives each certificate's issuer as `issuerCert`. */
function chainPems(cert: Certificate): string[] {
  const out: string[] = [];
  let c: Certificate | undefined = cert;
  while (c && out.length < 8) {
    out.push(c.data);
    const next: Certificate | undefined = c.issuerCert;
    if (!next || next.data === c.data) break;
    c = next;
  }
  return out;
}
