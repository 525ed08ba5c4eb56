#!/usr/bin/env node
// `npm run build:main`: bundles the Electron main process, the preload bridge and the shell's
// join page into dist/main/electron/. Our code is bundled; the runtime dependencies stay
// external (electron-builder packs them, with better-sqlite3 rebuilt for Electron).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/main/electron');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];

// The host code uses import.meta.url (ESM); in a CommonJS bundle it becomes the bundle's own URL.
const cjsImportMeta = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const common = {
  bundle: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  target: 'node20',
};

fs.rmSync(out, { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    ...cjsImportMeta,
    entryPoints: [path.join(root, 'main/electron/main.ts')],
    outfile: path.join(out, 'main.cjs'),
    platform: 'node',
    format: 'cjs',
    external,
  }),
  // Sandboxed preloads may only require('electron'): everything else is bundled in.
  build({
    ...common,
    entryPoints: [path.join(root, 'main/electron/preload/preload.ts')],
    outfile: path.join(out, 'preload.cjs'),
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    minify: true,
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'renderer/src/features/pairing/desktop-join-page.ts')],
    outfile: path.join(out, 'shell/join.js'),
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
  }),
  // The PDF parsing child process the host forks, next to main.cjs (see documents/pdf-parser.ts).
  ...(fs.existsSync(path.join(root, 'main/host/documents/parse-process.ts'))
    ? [
        build({
          ...common,
          entryPoints: [path.join(root, 'main/host/documents/parse-process.ts')],
          outfile: path.join(out, 'parse-process.js'),
          platform: 'node',
          format: 'esm',
          external,
        }),
      ]
    : []),
  // The worker thread that verifies PDF signatures (see signatures/verify-off-thread.ts).
  build({
    ...common,
    entryPoints: [path.join(root, 'main/host/signatures/verify-worker.ts')],
    outfile: path.join(out, 'verify-worker.js'),
    platform: 'node',
    format: 'esm',
    external,
  }),
]);
fs.copyFileSync(
  path.join(root, 'main/electron/shell/join.html'),
  path.join(out, 'shell/join.html'),
);
console.log(`built ${path.relative(root, out)}: main.cjs, preload.cjs, shell/join.html`);
