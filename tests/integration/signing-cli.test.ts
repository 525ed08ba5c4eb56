import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa } from '../helpers/pki';
import type { TestCa } from '../helpers/pki';
import { nssDbTrusting, pdfsig } from '../helpers/pdfsig';

const tsx = path.resolve('node_modules/.bin/tsx');
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(tsx, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('sign and verify-pdf command-line tools', () => {
  let dir: string;
  let ca: TestCa;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-cli-'));
    ca = await createTestCa();
    fs.writeFileSync(path.join(dir, 'root.pem'), ca.pem);
    for (const [file, name] of [
      ['chair.p12', 'Nguyễn Văn Hùng'],
      ['secretary.p12', 'Trần Thị Lan'],
    ] as const) {
      const signer = await ca.issue({ name });
      fs.writeFileSync(path.join(dir, file), await signer.p12('bí mật'));
    }
    const doc = await PDFDocument.create();
    doc.addPage();
    fs.writeFileSync(path.join(dir, 'in.pdf'), await doc.save({ useObjectStreams: false }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('signs a PDF twice with .p12 files; verify-pdf and pdfsig accept it; a changed byte is refused', () => {
    const f = (n: string) => path.join(dir, n);
    const env = { PHONGHOP_P12_PASSPHRASE: 'bí mật' };
    const first = run(
      'main/cli/sign.ts',
      ['--in', f('in.pdf'), '--out', f('one.pdf'), '--p12', f('chair.p12'), '--field', 'ChuToa'],
      env,
    );
    expect(first.out).toContain('Signed by Nguyễn Văn Hùng');
    expect(first.code).toBe(0);
    const second = run(
      'main/cli/sign.ts',
      [
        '--in',
        f('one.pdf'),
        '--out',
        f('two.pdf'),
        '--p12',
        f('secretary.p12'),
        '--field',
        'ThuKy',
      ],
      env,
    );
    expect(second.code).toBe(0);
    const verified = run('main/cli/verify-pdf.ts', [
      '--file',
      f('two.pdf'),
      '--trust',
      f('root.pem'),
    ]);
    expect(verified.out).toMatch(
      /Signature #1: Nguyễn Văn Hùng[\s\S]*signature valid: +yes[\s\S]*Signature #2: Trần Thị Lan[\s\S]*covers whole file: +yes/,
    );
    expect(verified.code).toBe(0);
    const ps = pdfsig(fs.readFileSync(f('two.pdf')), nssDbTrusting([ca.pem]));
    expect(ps.signatures.map((s) => s.validation)).toEqual([
      'Signature is Valid.',
      'Signature is Valid.',
    ]);

    expect(run('main/cli/verify-pdf.ts', ['--file', f('two.pdf')]).code).toBe(1);
    const tampered = fs.readFileSync(f('two.pdf'));
    tampered[15] = tampered[15]! ^ 0x01;
    fs.writeFileSync(f('bad.pdf'), tampered);
    const bad = run('main/cli/verify-pdf.ts', ['--file', f('bad.pdf'), '--trust', f('root.pem')]);
    expect(bad.out).toContain('signature valid:    NO');
    expect(bad.code).toBe(1);
    const wrongPass = run(
      'main/cli/sign.ts',
      ['--in', f('in.pdf'), '--out', f('x.pdf'), '--p12', f('chair.p12')],
      { PHONGHOP_P12_PASSPHRASE: 'sai' },
    );
    expect(wrongPass.code).toBe(1);
    expect(wrongPass.out).toMatch(/passphrase/i);
  });
});
