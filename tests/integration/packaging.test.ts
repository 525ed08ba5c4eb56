// Packaging: electron-builder.yml is checked, then the `dir` target is really built against a
// stand-in Electron distribution (Electron's binary cannot be downloaded here) and the result is
// inspected: entry points in app.asar, no sources/tests/dev files, the native module unpacked,
// and the fuses flipped in the binary exactly as main/electron/security/fuses.ts says.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { ELECTRON_FUSES } from '../../main/electron/security/fuses';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, opts: { isPack: boolean }): string[];
  extractFile(archive: string, file: string): Buffer;
  statFile(archive: string, file: string): { unpacked?: boolean; size?: number };
};
const yaml = require('js-yaml') as { load(text: string): unknown };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  protocols: Array<{ schemes: string[] }>;
}

const config = yaml.load(
  fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('targets AppImage and deb, NSIS, dmg with the app id, name and icons', () => {
    expect(config.appId).toBe('vn.phonghop.khonggiay');
    expect(config.productName).toBe('Phòng họp không giấy');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const icon of [
      config.win.icon,
      config.mac.icon,
      path.join(config.linux.icon, '512x512.png'),
    ])
      expect(fs.statSync(path.join(root, icon)).size, icon).toBeGreaterThan(100);
    expect(config.protocols[0]!.schemes).toEqual(['phonghop']);
  });
  it('packs into asar with native modules unpacked and sets the fuses of the shell', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.electronFuses).toEqual(ELECTRON_FUSES);
  });
  it('rebuilds better-sqlite3 for Electron in `npm run dist`', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toMatch(
      /electron-builder install-app-deps && electron-builder --config electron-builder\.yml/,
    );
    expect(pkg.main).toBe('dist/main/electron/main.cjs');
  });
});

describe('the packaged app (dir target, stand-in Electron)', () => {
  let work: string;
  let appDir: string;
  let archive: string;
  let files: string[];
  let builderLog = '';

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-pack-'));
    if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
      const r = spawnSync('npm', ['run', '-s', 'build:renderer'], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`renderer build failed: ${r.stderr}`);
    }
    const built = spawnSync(process.execPath, ['scripts/build-main.mjs'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`build:main failed: ${built.stderr}`);

    // The stand-in: a script where Electron's binary goes, carrying a fuse wire (sentinel,
    // version 1, 8 fuses, all enabled) so electron-builder's real fuse flipping runs on it.
    const dist = path.join(work, 'electron-dist');
    fs.mkdirSync(dist);
    const wire = Buffer.concat([
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from('11111111'),
      Buffer.from('\n'),
    ]);
    fs.writeFileSync(
      path.join(dist, 'electron'),
      Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n# '), wire]),
      { mode: 0o755 },
    );
    fs.writeFileSync(path.join(dist, 'version'), '41.10.0');

    const out = path.join(work, 'out');
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${dist}`,
        `-c.directories.output=${out}`,
        // No network here to fetch Electron's headers; the rebuild is `npm run dist`'s job.
        '-c.npmRebuild=false',
        '--publish',
        'never',
      ],
      { cwd: root, encoding: 'utf8', timeout: 540_000, env: { ...process.env, CI: '1' } },
    );
    builderLog = `${r.stdout}\n${r.stderr}`;
    if (r.status !== 0) throw new Error(`electron-builder failed (${r.status}):\n${builderLog}`);
    appDir = path.join(out, 'linux-unpacked');
    archive = path.join(appDir, 'resources', 'app.asar');
    files = asar.listPackage(archive, { isPack: false });
  }, 600_000);

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds the entry points named by package.json', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as {
      main: string;
      name: string;
    };
    expect(pkg.main).toBe('dist/main/electron/main.cjs');
    for (const entry of [
      '/package.json',
      '/dist/main/electron/main.cjs',
      '/dist/main/electron/preload.cjs',
      // The PDF parser's process (Electron utilityProcess in the app).
      '/dist/main/electron/parse-process.js',
      '/dist/main/electron/shell/join.html',
      '/dist/main/electron/shell/join.js',
      '/dist/renderer/index.html',
    ])
      expect(files, entry).toContain(entry);
  });

  it('holds no sources, tests, source maps or dev tools', () => {
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(
      own.filter((f) =>
        /^\/(main|shared|renderer|tests|bench|scripts|resources|\.ci|\.git)(\/|$)/.test(f),
      ),
    ).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|map)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    for (const dev of [
      'electron',
      'electron-builder',
      'vitest',
      'typescript',
      'vite',
      '@playwright/test',
      'eslint',
      'tsx',
      'react',
    ])
      expect(files, dev).not.toContain(`/node_modules/${dev}/package.json`);
    for (const cfg of [
      '/tsconfig.json',
      '/electron-builder.yml',
      '/vitest.config.ts',
      '/eslint.config.js',
      '/CONTRIBUTING.md',
      '/package-lock.json',
    ])
      expect(files).not.toContain(cfg);
  });

  it('keeps the runtime dependencies and unpacks better-sqlite3', () => {
    for (const dep of ['zod', 'yjs', 'ws', 'pino', '@peculiar/x509', 'qrcode'])
      expect(files, dep).toContain(`/node_modules/${dep}/package.json`);
    const native = '/node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(files).toContain(native);
    expect(asar.statFile(archive, native.slice(1)).unpacked).toBe(true);
    expect(
      fs.statSync(path.join(appDir, 'resources', 'app.asar.unpacked', native)).size,
    ).toBeGreaterThan(100_000);
    expect(
      fs.existsSync(
        path.join(
          appDir,
          'resources',
          'app.asar.unpacked/node_modules/better-sqlite3/build/Release/obj',
        ),
      ),
    ).toBe(false);
  });

  it('names the binary and flips the fuses as configured', async () => {
    const binary = path.join(appDir, 'phong-hop-khong-giay');
    expect(fs.existsSync(binary)).toBe(true);
    const wire = await getCurrentFuseWire(binary);
    const on = (i: FuseV1Options) => String.fromCharCode(wire[i] as number);
    expect(on(FuseV1Options.RunAsNode)).toBe('0');
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  });
});
