// Runs poppler's pdfsig against a PDF with its own NSS database trusting the given roots.
// pdfsig exits 0 even on "Digest Mismatch", so callers read the parsed output, not the code.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PdfsigSignature {
  signer: string;
  validation: string;
  trust: string;
  coversWholeDocument: boolean;
}

export function nssDbTrusting(rootPems: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-nss-'));
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password'], { stdio: 'ignore' });
  rootPems.forEach((pem, i) => {
    const file = path.join(dir, `root${i}.pem`);
    fs.writeFileSync(file, pem);
    execFileSync(
      'certutil',
      ['-A', '-d', `sql:${dir}`, '-n', `root${i}`, '-t', 'C,C,C', '-i', file],
      { stdio: 'ignore' },
    );
  });
  return dir;
}

export function pdfsig(
  pdf: Uint8Array,
  nssDir: string,
): { output: string; signatures: PdfsigSignature[] } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-pdfsig-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const run = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, file], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const output = `${run.stdout}${run.stderr}`;
  const signatures: PdfsigSignature[] = [];
  for (const block of output.split(/^Signature #\d+:$/m).slice(1)) {
    const field = (name: string) =>
      new RegExp(`- ${name}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? '';
    signatures.push({
      signer: field('Signer Certificate Common Name'),
      validation: field('Signature Validation'),
      trust: field('Certificate Validation'),
      coversWholeDocument: /Total document signed/.test(block),
    });
  }
  return { output, signatures };
}
