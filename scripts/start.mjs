#!/usr/bin/env node
// `npm start`: the desktop app on the local data folder ./data with the demo meeting. Where
// Electron's binary is not installed (CI, servers, machines that cannot download it), the same
// host runs headless instead and prints the address to open in a browser.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.PHONGHOP_DATA_DIR ?? path.join(root, 'data');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args) {
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  const dist = path.join(root, 'node_modules', 'electron', 'dist');
  if (!fs.existsSync(dist)) return null;
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
  const bin = path.join(dist, rel);
  return fs.existsSync(bin) ? bin : null;
}

/** Runs `child` until it exits, passing SIGINT/SIGTERM on so the host closes its database. */
function supervise(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  console.log('Building the app (first start)…');
  run(['run', '-s', 'build:renderer']);
}

const electron = electronBinary();
if (!electron) {
  console.log(
    "Electron's binary is not installed (node_modules/electron/dist is missing: its download was skipped or blocked); starting the headless host instead.",
  );
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const extra = process.argv.slice(2);
  const child = spawn(
    process.execPath,
    [tsx, path.join(root, 'main', 'cli', 'host.ts'), '--data', dataDir, '--demo', ...extra],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  supervise(child);
} else {
  if (!fs.existsSync(path.join(root, 'dist', 'main', 'electron', 'main.cjs')))
    run(['run', '-s', 'build:main']);
  // better-sqlite3 is a native module: it must be built for Electron's Node ABI, not this Node's.
  const probe = spawnSync(electron, ['-e', "require('better-sqlite3')"], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.status !== 0) {
    console.log(
      'Rebuilding better-sqlite3 for Electron (electron-builder install-app-deps); `npm rebuild better-sqlite3` restores the Node build for the tests and the headless host.',
    );
    const rebuilt = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), 'install-app-deps'],
      { cwd: root, stdio: 'inherit' },
    );
    if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);
  }
  const child = spawn(electron, [root, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PHONGHOP_DATA_DIR: dataDir },
  });
  supervise(child);
}
