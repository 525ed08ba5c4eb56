// The desktop shell's security configuration, tested from its plain modules (no Electron binary).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertSecure, secureWebPreferences } from '../../main/electron/security/web-preferences';
import {
  APP_ORIGIN,
  decideWindowOpen,
  isVettedExternalUrl,
  mayNavigate,
  originOf,
} from '../../main/electron/security/navigation-policy';
import {
  devicePermissionAllowed,
  permissionAllowed,
} from '../../main/electron/security/permission-policy';
import { appProtocolCsp, appProtocolHeaders } from '../../main/electron/security/csp';
import { ELECTRON_FUSES } from '../../main/electron/security/fuses';
import { resolveAppFile } from '../../main/electron/app-protocol';

const HOST = 'https://192.168.1.10:8740';
const origins = [APP_ORIGIN, HOST];

describe('webPreferences', () => {
  it('isolate, sandbox and keep Node out of every page', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
    expect(() => assertSecure(prefs)).not.toThrow();
    expect(secureWebPreferences(undefined)).not.toHaveProperty('preload');
  });
  it('refuses any weakened variant', () => {
    for (const weaken of [
      { contextIsolation: false },
      { sandbox: false },
      { nodeIntegration: true },
      { webSecurity: false },
      { allowRunningInsecureContent: true },
      { webviewTag: true },
    ]) {
      expect(() => assertSecure({ ...secureWebPreferences(undefined), ...weaken })).toThrow(
        /Insecure webPreferences/,
      );
    }
  });
});

describe('navigation', () => {
  it('stays within the app and the room host', () => {
    expect(mayNavigate(`${APP_ORIGIN}/shell/join.html`, origins)).toBe(true);
    expect(mayNavigate(`${HOST}/meetings/1`, origins)).toBe(true);
    for (const bad of [
      'https://192.168.1.10:8741/',
      'http://192.168.1.10:8740/',
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'app://other/index.html',
      'not a url',
    ])
      expect(mayNavigate(bad, origins), bad).toBe(false);
  });
  it('never opens a new app window; vetted https links go to the browser', () => {
    expect(decideWindowOpen('https://vanban.chinhphu.vn/', origins)).toEqual({
      action: 'deny',
      openExternally: true,
    });
    for (const bad of [
      'http://example.com/',
      'file:///C:/x',
      'javascript:1',
      'https://user:pw@example.com/',
      'smb://server/share',
      `${HOST}/x`,
    ])
      expect(decideWindowOpen(bad, origins), bad).toEqual({
        action: 'deny',
        openExternally: false,
      });
    expect(isVettedExternalUrl('https://example.com/a?b=c')).toBe(true);
  });
  it('computes origins for app:// URLs', () => {
    expect(originOf('app://renderer/x/y')).toBe(APP_ORIGIN);
    expect(originOf('https://a.b:1/x')).toBe('https://a.b:1');
    expect(originOf('data:,x')).toBeNull();
  });
});

describe('permissions', () => {
  it('grants only clipboard writing and full screen, and only to the app', () => {
    expect(permissionAllowed('clipboard-sanitized-write', `${HOST}/m`, origins)).toBe(true);
    expect(permissionAllowed('fullscreen', `${APP_ORIGIN}/`, origins)).toBe(true);
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'openExternal',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'clipboard-read',
      'unknown',
    ])
      expect(permissionAllowed(p, `${HOST}/`, origins), p).toBe(false);
    expect(permissionAllowed('fullscreen', 'https://evil.example/', origins)).toBe(false);
    expect(devicePermissionAllowed()).toBe(false);
  });
});

describe('app:// responses', () => {
  it('carry the host CSP, widened only to the room host for connections', () => {
    const csp = appProtocolCsp([HOST]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain(`connect-src 'self' ${HOST} wss://192.168.1.10:8740`);
    expect(csp).not.toMatch(/connect-src[^;]* ws: /);
    expect(appProtocolHeaders([])).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
  it('serve files inside the renderer folder only', () => {
    const root = '/app/dist/renderer';
    expect(resolveAppFile(root, 'app://renderer/assets/index-abc.js')).toBe(
      '/app/dist/renderer/assets/index-abc.js',
    );
    expect(resolveAppFile(root, 'app://renderer/meetings/12')).toBe(
      '/app/dist/renderer/index.html',
    );
    expect(resolveAppFile(root, 'app://renderer/')).toBe('/app/dist/renderer/index.html');
    for (const bad of [
      'app://renderer/%2e%2e/%2e%2e/etc/passwd.txt',
      'app://renderer/..%2F..%2Fmain.cjs',
      'app://other/x.js',
      'https://renderer/x.js',
      'app://renderer/a%00.js',
    ]) {
      const r = resolveAppFile(root, bad);
      expect(r === null || r.startsWith(`${root}/`), bad).toBe(true);
    }
    expect(resolveAppFile(root, 'app://renderer/%2e%2e/x.js')).not.toBe('/app/dist/x.js');
  });
});

describe('fuses', () => {
  it('close Node entry points and bind the app to its checked asar', () => {
    expect(ELECTRON_FUSES).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('main process wiring', () => {
  // main.ts needs Electron to run; this checks that it applies every policy module above.
  const src = fs.readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../../main/electron/main.ts'),
    'utf8',
  );
  it.each([
    ['single instance', 'app.requestSingleInstanceLock()'],
    ['global sandbox', 'app.enableSandbox()'],
    ['secure webPreferences checked', 'assertSecure(webPreferences)'],
    ['navigation lock', "contents.on('will-navigate'"],
    ['redirect lock', "contents.on('will-redirect'"],
    ['no webviews', "contents.on('will-attach-webview'"],
    ['window.open lock', 'contents.setWindowOpenHandler('],
    ['permission requests', 's.setPermissionRequestHandler('],
    ['permission checks', 's.setPermissionCheckHandler('],
    ['device pickers', 's.setDevicePermissionHandler('],
    ['certificate pinning', 's.setCertificateVerifyProc('],
    ['app:// with CSP headers', 'appProtocolHeaders('],
    ['IPC only through the bridge', 'registerBridgeHandlers('],
    ['deep links', 'app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)'],
  ])('%s', (_what, needle) => {
    expect(src).toContain(needle);
  });
  it('never uses raw IPC listeners or sendSync', () => {
    expect(src).not.toMatch(/ipcMain\.(on|handle)\(/);
    expect(src).not.toContain('sendSync');
    expect(src).not.toMatch(
      /nodeIntegration:\s*true|contextIsolation:\s*false|webSecurity:\s*false/,
    );
  });
});
