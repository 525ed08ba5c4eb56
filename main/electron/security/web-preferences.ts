import type { WebPreferences } from 'electron';

/**
 * The only webPreferences any window of the app gets: the page is a web page (it may come from a
 * host on the network), so it runs isolated and sandboxed, without Node, and talks to main only
 * through the preload bridge (shared/ipc/bridge.ts).
 */
export function secureWebPreferences(preload: string | undefined): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    ...(preload ? { preload } : {}),
  };
}

/** Settings a window must never be created with; checked by tests and at window creation. */
export function assertSecure(prefs: WebPreferences): void {
  const bad: string[] = [];
  if (prefs.contextIsolation !== true) bad.push('contextIsolation');
  if (prefs.sandbox !== true) bad.push('sandbox');
  if (prefs.nodeIntegration !== false) bad.push('nodeIntegration');
  if (prefs.webSecurity === false) bad.push('webSecurity');
  if (prefs.allowRunningInsecureContent === true) bad.push('allowRunningInsecureContent');
  if (prefs.webviewTag === true) bad.push('webviewTag');
  if (bad.length) throw new Error(`Insecure webPreferences: ${bad.join(', ')}`);
}
