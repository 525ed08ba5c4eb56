// The shell's IPC bridge (sender checks, payload validation, static channel list), deep links,
// menus, window placement, remembered credentials and certificate pinning, without Electron.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, invokeChannels } from '../../shared/ipc/bridge';
import { registerBridgeHandlers } from '../../main/electron/ipc/register-handlers';
import type { BridgeHandlers } from '../../main/electron/ipc/register-handlers';
import { isTrustedSender } from '../../main/electron/ipc/sender-policy';
import { createBridge } from '../../main/electron/preload/bridge-client';
import { deepLinkFromArgv, parseDeepLink } from '../../main/electron/deep-link';
import { menuTemplate } from '../../main/electron/menu-template';
import type { MenuAction } from '../../main/electron/menu-template';
import { restoreBounds } from '../../main/electron/window-state';
import { createSettingsStore } from '../../main/electron/settings-store';
import { createCredentialStore } from '../../main/electron/credentials';
import { chainMatchesPin } from '../../main/electron/security/certificate-pinning';
import { ensureHostCertificates } from '../../main/host/tls/host-certificates';
import { APP_ORIGIN } from '../../main/electron/security/navigation-policy';

const HOST = 'https://10.0.0.5:8740';
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, l: Listener) => void handlers.set(channel, l),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}
const event = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

function stubHandlers(): BridgeHandlers {
  const ok = () => ({ ok: true });
  return {
    'app:info': () => ({
      version: '0.1.0',
      platform: 'linux',
      mode: null,
      hostUrl: null,
      fingerprint: null,
      lang: 'vi',
    }),
    'app:set-language': ok,
    'app:open-data-folder': ok,
    'room:choose-host': ok,
    'room:join': () => ({ ok: true, hostId: 'h', hostName: 'n', fingerprint: null, url: HOST }),
    'room:leave': ok,
    'credentials:available': () => true,
    'credentials:save': ok,
    'credentials:load': () => null,
    'credentials:forget': ok,
    'print:page': ok,
  };
}

describe('IPC in main', () => {
  it('registers exactly the channels of the bridge contract', () => {
    const ipc = fakeIpcMain();
    const off = registerBridgeHandlers(ipc, stubHandlers(), () => [APP_ORIGIN, HOST]);
    expect([...ipc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    off();
    expect(ipc.handlers.size).toBe(0);
  });
  it('answers the top frame of the app and refuses iframes and foreign pages', async () => {
    const ipc = fakeIpcMain();
    registerBridgeHandlers(ipc, stubHandlers(), () => [APP_ORIGIN, HOST]);
    const info = ipc.handlers.get('app:info')!;
    await expect(Promise.resolve(info(event(`${HOST}/meetings`)))).resolves.toMatchObject({
      version: '0.1.0',
    });
    await expect(
      Promise.resolve(info(event(`${APP_ORIGIN}/shell/join.html`))),
    ).resolves.toMatchObject({ lang: 'vi' });
    await expect(
      Promise.resolve().then(() => info(event(`${HOST}/x`, { url: HOST }))),
    ).rejects.toThrow(/untrusted sender/);
    await expect(
      Promise.resolve().then(() => info(event('https://evil.example/'))),
    ).rejects.toThrow(/untrusted sender/);
    await expect(
      Promise.resolve().then(() => info({ senderFrame: null } as unknown as IpcMainInvokeEvent)),
    ).rejects.toThrow(/untrusted sender/);
  });
  it('validates arguments before the handler and answers after it', async () => {
    const ipc = fakeIpcMain();
    let called = 0;
    registerBridgeHandlers(
      ipc,
      {
        ...stubHandlers(),
        'credentials:save': () => (called++, { ok: true }),
        'credentials:load': () => ({ nope: 1 }) as never,
      },
      () => [HOST],
    );
    const save = ipc.handlers.get('credentials:save')!;
    await expect(
      Promise.resolve().then(() => save(event(HOST), { hostId: 'h', username: 'u' })),
    ).rejects.toThrow();
    await expect(
      Promise.resolve().then(() =>
        save(event(HOST), { hostId: 'h', username: 'u', password: 'p', extra: 1 }),
      ),
    ).rejects.toThrow();
    expect(called).toBe(0);
    await expect(
      Promise.resolve(save(event(HOST), { hostId: 'h', username: 'u', password: 'p' })),
    ).resolves.toEqual({ ok: true });
    expect(called).toBe(1);
    await expect(
      Promise.resolve().then(() =>
        ipc.handlers.get('credentials:load')!(event(HOST), { hostId: 'h' }),
      ),
    ).rejects.toThrow();
    const join = ipc.handlers.get('room:join')!;
    await expect(
      Promise.resolve().then(() => join(event(HOST), { url: 'http://10.0.0.5:8740' })),
    ).rejects.toThrow();
    await expect(
      Promise.resolve().then(() => join(event(HOST), { url: 'file:///etc/passwd' })),
    ).rejects.toThrow();
  });
  it('trusts only top-level frames of the app origins', () => {
    expect(isTrustedSender({ url: `${HOST}/a`, parent: null }, [HOST])).toBe(true);
    expect(isTrustedSender({ url: `${HOST}/a`, parent: {} }, [HOST])).toBe(false);
    expect(isTrustedSender({ url: 'https://10.0.0.5:9999/', parent: null }, [HOST])).toBe(false);
  });
});

describe('preload bridge', () => {
  function fakeIpcRenderer() {
    const calls: Array<[string, unknown]> = [];
    const listeners = new Map<string, Set<(e: unknown, ...a: unknown[]) => void>>();
    return {
      calls,
      listeners,
      invoke: async (channel: string, ...args: unknown[]) => (
        calls.push([channel, args[0]]),
        { ok: true }
      ),
      on: (c: string, l: (e: unknown, ...a: unknown[]) => void) =>
        void (listeners.get(c) ?? listeners.set(c, new Set()).get(c)!).add(l),
      removeListener: (c: string, l: (e: unknown, ...a: unknown[]) => void) =>
        void listeners.get(c)?.delete(l),
      send: () => {
        throw new Error('never');
      },
      sendSync: () => {
        throw new Error('never');
      },
    };
  }
  it('exposes only invoke and on, frozen', () => {
    const bridge = createBridge(fakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
  it('refuses unknown channels and invalid arguments before they reach main', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc) as unknown as {
      invoke(c: string, a?: unknown): Promise<unknown>;
      on(c: string, l: (p: unknown) => void): () => void;
    };
    await expect(bridge.invoke('fs:read', '/etc/passwd')).rejects.toThrow(/Unknown channel/);
    await expect(bridge.invoke('__proto__')).rejects.toThrow(/Unknown channel/);
    await expect(bridge.invoke('app:set-language', 'fr')).rejects.toThrow(/Invalid argument/);
    await expect(bridge.invoke('app:set-language', 'en')).resolves.toEqual({ ok: true });
    expect(ipc.calls).toEqual([['app:set-language', 'en']]);
    expect(() => bridge.on('ipc:raw', () => {})).toThrow(/Unknown event/);
  });
  it('delivers only well-formed events, without the IPC event object', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const got: unknown[] = [];
    const off = bridge.on('menu:command', (p) => got.push(p));
    const [listener] = [...ipc.listeners.get('menu:command')!];
    listener!({ sender: 'secret' }, 'search');
    listener!({ sender: 'secret' }, 'rm -rf');
    expect(got).toEqual(['search']);
    off();
    expect(ipc.listeners.get('menu:command')!.size).toBe(0);
  });
  it('preload source uses the bridge only (no raw ipcRenderer, no sendSync)', () => {
    const src = fs.readFileSync(
      path.join(__dirname, '../../main/electron/preload/preload.ts'),
      'utf8',
    );
    expect(src).toContain(
      'contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer))',
    );
    expect(src).not.toContain('sendSync');
    // Imported once, handed once to createBridge: never exposed itself.
    expect(src.match(/ipcRenderer/g)).toHaveLength(2);
    expect(EVENT_CHANNELS.length).toBeGreaterThan(0);
    expect(Object.keys(invokeChannels)).toEqual(INVOKE_CHANNELS);
  });
});

describe('deep links', () => {
  it('parse phonghop://join links from the QR code', () => {
    const link =
      'phonghop://join?url=https%3A%2F%2F10.0.0.5%3A8740&t=abcdefghijklmnop&h=host-1&fp=AB12';
    expect(parseDeepLink(link)).toEqual({
      url: 'https://10.0.0.5:8740',
      token: 'abcdefghijklmnop',
      hostId: 'host-1',
      fingerprint: 'AB12',
    });
    expect(deepLinkFromArgv(['/opt/app/phong-hop', '--no-sandbox', link])).toMatchObject({
      hostId: 'host-1',
    });
    for (const bad of [
      'phonghop://delete?url=x',
      'https://join?url=x',
      'phonghop://join',
      'garbage',
    ])
      expect(parseDeepLink(bad), bad).toBeNull();
    expect(deepLinkFromArgv(['app', '--flag'])).toBeNull();
  });
});

describe('menu', () => {
  const collect = (lang: 'vi' | 'en') => {
    const actions: MenuAction[] = [];
    const items = menuTemplate(lang, (a) => actions.push(a));
    const flat = items.flatMap((top) => [
      top,
      ...((top.submenu as Electron.MenuItemConstructorOptions[]) ?? []),
    ]);
    return { items, flat, actions };
  };
  it('is in Vietnamese or English with the same shortcuts', () => {
    const vi = collect('vi');
    const en = collect('en');
    expect(vi.items.map((i) => i.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Ngôn ngữ', 'Trợ giúp']);
    expect(en.items.map((i) => i.label)).toEqual(['File', 'Edit', 'View', 'Language', 'Help']);
    expect(vi.flat.map((i) => i.accelerator)).toEqual(en.flat.map((i) => i.accelerator));
    const accel = vi.flat.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]);
    expect(accel).toContainEqual(['In…', 'CmdOrCtrl+P']);
    expect(accel).toContainEqual(['Tham gia phòng họp…', 'CmdOrCtrl+J']);
    expect(accel).toContainEqual(['Tìm kiếm', 'CmdOrCtrl+F']);
    for (const i of vi.flat)
      if (i.type !== 'separator') expect(i.label, JSON.stringify(i)).toBeTruthy();
    const accelerators = vi.flat.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
  it('runs the chosen action', () => {
    const { flat, actions } = collect('en');
    const print = flat.find((i) => i.label === 'Print…')!;
    (print.click as () => void)();
    expect(actions).toEqual(['print']);
  });
});

describe('window state', () => {
  const screenA = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('restores the saved place when it is still on a display', () => {
    expect(
      restoreBounds({ x: 100, y: 80, width: 1200, height: 800, maximized: true }, screenA),
    ).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
  });
  it('falls back when the display it was on is gone (projector unplugged)', () => {
    const r = restoreBounds(
      { x: 2500, y: 80, width: 1200, height: 800, maximized: false },
      screenA,
    );
    expect(r.x).toBeUndefined();
    expect(r.width).toBe(1200);
    expect(restoreBounds(null, screenA)).toEqual({ width: 1280, height: 860, maximized: false });
  });
});

describe('remembered credentials', () => {
  const file = () =>
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-settings-')), 'settings.json');
  const xor = (s: Buffer) => Buffer.from(s.map((b) => b ^ 0x5a));
  const encryptor = (backend = 'gnome_libsecret') => ({
    isEncryptionAvailable: () => true,
    encryptString: (p: string) => xor(Buffer.from(p, 'utf8')),
    decryptString: (b: Buffer) => xor(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  });
  it('are stored encrypted and read back', () => {
    const f = file();
    const settings = createSettingsStore(f);
    const store = createCredentialStore(settings, encryptor(), 'linux');
    expect(store.save('host-1', 'thu-ky', 'mật-khẩu')).toBe(true);
    expect(fs.readFileSync(f, 'utf8')).not.toContain('mật-khẩu');
    expect(
      createCredentialStore(createSettingsStore(f), encryptor(), 'linux').load('host-1'),
    ).toEqual({ hostId: 'host-1', username: 'thu-ky', password: 'mật-khẩu' });
    store.forget('host-1');
    expect(store.load('host-1')).toBeNull();
  });
  it('are not kept at all without a real key store', () => {
    const store = createCredentialStore(
      createSettingsStore(file()),
      encryptor('basic_text'),
      'linux',
    );
    expect(store.available()).toBe(false);
    expect(store.save('h', 'u', 'p')).toBe(false);
    const none = createCredentialStore(
      createSettingsStore(file()),
      { ...encryptor(), isEncryptionAvailable: () => false },
      'win32',
    );
    expect(none.save('h', 'u', 'p')).toBe(false);
  });
});

describe('certificate pinning', () => {
  it('accepts the chain of the pinned CA for the right host name only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-pin-'));
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-pin2-'));
    const a = await ensureHostCertificates({ dir, names: ['10.0.0.5', 'phong-hop.local'] });
    const b = await ensureHostCertificates({ dir: other, names: ['10.0.0.5'] });
    const chain = a.certChainPem.match(
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
    )!;
    expect(chain).toHaveLength(2);
    expect(chainMatchesPin(chain, '10.0.0.5', a.fingerprint)).toBe(true);
    expect(
      chainMatchesPin(chain, 'phong-hop.local', a.fingerprint.replace(/:/g, '').toLowerCase()),
    ).toBe(true);
    expect(chainMatchesPin(chain, '10.0.0.6', a.fingerprint)).toBe(false);
    expect(chainMatchesPin(chain, '10.0.0.5', b.fingerprint)).toBe(false);
    // A leaf from another CA presented with our CA appended does not pass.
    const forged = [
      b.certChainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)![0],
      chain[1]!,
    ];
    expect(chainMatchesPin(forged, '10.0.0.5', a.fingerprint)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(other, { recursive: true, force: true });
  });
});
