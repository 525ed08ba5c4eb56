#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it. Steps: make sure Debian's Chromium, poppler and NSS's
// certutil (pdfsig's trust store) are there, installing them when run as root; typecheck, lint,
// unit + integration (vitest), build the renderer, e2e (Playwright on Chromium). Ends with one line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test-results');
fs.mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const want = (step) => only.length === 0 || only.includes(step);

function run(title, cmd, args, opts = {}) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    ...opts,
    env: { ...process.env, ...(opts.env ?? {}) },
  });
  return r.status === 0;
}

function ensureSystemPackages() {
  const needed = [];
  if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) needed.push('chromium');
  if (spawnSync('sh', ['-c', 'command -v pdfsig'], { stdio: 'ignore' }).status !== 0)
    needed.push('poppler-utils');
  if (spawnSync('sh', ['-c', 'command -v certutil'], { stdio: 'ignore' }).status !== 0)
    needed.push('libnss3-tools');
  if (needed.length === 0) return true;
  const command = `apt-get update && apt-get install -y ${needed.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(
      `\nThe tests need Debian packages that are missing: ${needed.join(', ')}.\nRun as root:  ${command}\nthen npm test again.`,
    );
    return false;
  }
  console.log(
    `Installing ${needed.join(', ')} from Debian (needed by the browser and PDF signature tests)…`,
  );
  return run('system packages', 'sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`]);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function readVitest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  counts.passed += r.numPassedTests ?? 0;
  counts.failed += r.numFailedTests ?? 0;
  counts.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function readPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  counts.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  counts.failed += s.unexpected ?? 0;
  counts.skipped += s.skipped ?? 0;
}

let ok = ensureSystemPackages();
if (!ok) process.exit(1);

const step = (name, title, cmd, args, opts) => {
  if (!want(name)) return;
  if (!run(title, cmd, args, opts)) {
    failures.push(title);
    ok = false;
  }
};

step('typecheck', 'typecheck', 'npm', ['run', '-s', 'typecheck']);
step('lint', 'lint', 'npm', ['run', '-s', 'lint']);
const vitestJson = path.join(outDir, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
step('unit', 'unit + integration', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
readVitest(vitestJson);
if (want('e2e')) {
  step('e2e', 'build renderer', 'npm', ['run', '-s', 'build:renderer']);
  const pwJson = path.join(outDir, 'playwright.json');
  fs.rmSync(pwJson, { force: true });
  step(
    'e2e',
    'e2e (Chromium)',
    'npx',
    ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=list,json'],
    {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
    },
  );
  readPlaywright(pwJson);
}

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
