// Offline verification of a meeting package: `npm run verify-package -- FILE.zip [--lang en]`.
// Checks the ZIP's safety, every file's SHA-256 against the manifest, the audit hash chain, and
// the minutes' signatures (poppler's pdfsig). Prints a report; exit 0 when valid, 1 when not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyPackage } from '../host/archive-package/verify';
import { ApiError } from '../host/api/api-error';
import { formatErrorMessage } from '../../shared/api/errors';
import type { Lang } from '../../shared/api/errors';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const langAt = args.indexOf('--lang');
  const lang: Lang = langAt >= 0 && args[langAt + 1] === 'en' ? 'en' : 'vi';
  const file = args.find((a, i) => !a.startsWith('--') && i !== langAt + 1);
  if (!file) {
    console.error('Usage: npm run verify-package -- PACKAGE.zip [--lang en]');
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`${file}: no such file`);
    return 2;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-verify-'));
  try {
    const v = await verifyPackage(path.resolve(file), work);
    const m = v.manifest;
    console.log(`Package: ${path.basename(file)}`);
    console.log(`Meeting: ${m.meeting.title} (${m.meeting.id}), ${m.meeting.startsAt}`);
    console.log(
      `Format: ${m.format} schema ${m.schemaVersion}, made ${m.createdAt} by ${m.generator.app} ${m.generator.version}`,
    );
    console.log(`Files: ${m.files.length}`);
    for (const c of v.checks) console.log(`  [${c.ok ? 'OK' : 'FAIL'}] ${c.name}: ${c.detail}`);
    if (m.notIncluded.length > 0) {
      console.log('Not included:');
      for (const n of m.notIncluded) console.log(`  - ${n}`);
    }
    const ok = v.checks.every((c) => c.ok);
    console.log(ok ? 'RESULT: VALID' : 'RESULT: INVALID');
    return ok ? 0 : 1;
  } catch (err) {
    if (err instanceof ApiError) {
      console.log(`  [FAIL] ${err.code}: ${formatErrorMessage(err.code, lang, err.params)}`);
      console.log('RESULT: INVALID');
      return 1;
    }
    throw err;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
