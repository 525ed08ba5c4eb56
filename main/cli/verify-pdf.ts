// Verifies every signature of a PDF file against trusted root certificates, with no host:
//   npm run verify-pdf -- --file signed.pdf --trust root.pem [--trust other.pem] [--json]
// Exit code 0 when every signature is valid, trusted, in date and the last covers the whole
// file; 1 otherwise; 2 on a usage error.
import fs from 'node:fs';
import type * as pkijs from 'pkijs';
import { pemBlocks } from '../../shared/signing/pem';
import { parseCertificate } from '../../shared/signing/pkcs12';
import { verifyPdfSignatures } from '../host/signatures/verify-pdf';
import type { SignatureReport } from '../../shared/api/schemas/minutes';

const USAGE = 'Usage: verify-pdf --file PDF [--trust ROOT.pem ...] [--json]';

function parse(argv: string[]): { file?: string; trust: string[]; json: boolean; help: boolean } {
  const out = {
    file: undefined as string | undefined,
    trust: [] as string[],
    json: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--file') out.file = argv[++i];
    else if (a === '--trust') out.trust.push(argv[++i] ?? '');
    else if (a === '--json') out.json = true;
    else if (a === '--help') out.help = true;
    else throw new Error(`Unknown argument ${a}. ${USAGE}`);
  }
  return out;
}

const yes = (b: boolean) => (b ? 'yes' : 'NO');

function print(reports: SignatureReport[]): void {
  if (reports.length === 0) console.log('No signatures found.');
  for (const r of reports) {
    console.log(`Signature #${r.index}: ${r.signer}`);
    console.log(`  signed at:          ${r.signedAt ?? 'unknown'}`);
    console.log(`  signature valid:    ${yes(r.valid)}`);
    console.log(`  chain trusted:      ${yes(r.trusted)}`);
    console.log(`  within validity:    ${yes(r.withinValidity)}`);
    console.log(`  key usage allows:   ${yes(r.keyUsageOk)}`);
    console.log(`  covers whole file:  ${r.coversDocument ? 'yes' : 'no'}`);
    console.log(`  appended after:     ${r.appendedAfter ? 'yes' : 'no'}`);
    if (r.certificate)
      console.log(
        `  certificate:        ${r.certificate.subject} (issuer ${r.certificate.issuer})`,
      );
    if (r.problems.length > 0) console.log(`  problems:           ${r.problems.join(', ')}`);
  }
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (args.help || !args.file) {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  const roots: pkijs.Certificate[] = args.trust.flatMap((f) =>
    pemBlocks(fs.readFileSync(f, 'utf8')).map(parseCertificate),
  );
  const reports = await verifyPdfSignatures(fs.readFileSync(args.file), roots);
  if (args.json) console.log(JSON.stringify(reports, null, 2));
  else print(reports);
  const last = reports.at(-1);
  const ok =
    reports.length > 0 &&
    reports.every((r) => r.valid && r.trusted && r.withinValidity && r.keyUsageOk) &&
    last?.coversDocument === true;
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
