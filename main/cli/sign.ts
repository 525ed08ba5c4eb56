// Signs minutes with a PKCS#12 file, for automation. The key stays in this process: only the
// CMS goes to the host, as with the browser.
//   Host flow:  npm run sign -- --host http://127.0.0.1:8740 --user chu-toa --meeting <id> --p12 key.p12
//   Local PDF:  npm run sign -- --in minutes.pdf --out signed.pdf --p12 key.p12 [--reason "..."]
// The passphrase comes from PHONGHOP_P12_PASSPHRASE (or --passphrase-file), never the command
// line; the host password from PHONGHOP_PASSWORD.
import fs from 'node:fs';
import { parseArgs } from './args';
import { readPkcs12 } from '../../shared/signing/pkcs12';
import { buildPadesCms } from '../../shared/signing/pades-cms';
import { base64ToBytes, bytesToBase64 } from '../../shared/signing/pem';
import {
  addSignaturePlaceholder,
  embedCms,
  signedBytes,
} from '../host/signatures/pdf-signature-placeholder';
import { digestOf } from '../host/signatures/cms-inspect';

const USAGE = `Usage:
  sign --host URL --user NAME --meeting ID --p12 FILE [--passphrase-file FILE]   (password: PHONGHOP_PASSWORD)
  sign --in PDF --out PDF --p12 FILE [--reason TEXT] [--field NAME] [--passphrase-file FILE]
The PKCS#12 passphrase is read from PHONGHOP_P12_PASSPHRASE or --passphrase-file.`;

async function api<T>(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base.replace(/\/$/, '')}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': 'vi',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
      message = `${parsed.error?.code ?? res.status}: ${parsed.error?.message ?? text}`;
    } catch {
      // not JSON: show the raw text
    }
    throw new Error(`${method} ${path} failed (${res.status}) ${message}`);
  }
  return JSON.parse(text) as T;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    host: 'string',
    user: 'string',
    meeting: 'string',
    p12: 'string',
    'passphrase-file': 'string',
    in: 'string',
    out: 'string',
    reason: 'string',
    field: 'string',
    help: 'boolean',
  });
  if (args.help || typeof args.p12 !== 'string') {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  const passphrase =
    typeof args['passphrase-file'] === 'string'
      ? fs.readFileSync(args['passphrase-file'], 'utf8').replace(/\r?\n$/, '')
      : (process.env.PHONGHOP_P12_PASSPHRASE ?? '');
  const identity = await readPkcs12(new Uint8Array(fs.readFileSync(args.p12)), passphrase);

  if (typeof args.in === 'string' && typeof args.out === 'string') {
    const prepared = await addSignaturePlaceholder(fs.readFileSync(args.in), {
      fieldName: typeof args.field === 'string' ? args.field : `Signature_${Date.now()}`,
      signerName: identity.signerName,
      reason: typeof args.reason === 'string' ? args.reason : 'Ký số',
      signedAt: new Date(),
    });
    const digest = digestOf(signedBytes(prepared.bytes, prepared.byteRange));
    const cms = await buildPadesCms({
      digest,
      certificates: identity.certificates,
      privateKey: identity.privateKey,
    });
    fs.writeFileSync(args.out, embedCms(prepared.bytes, prepared.byteRange, cms));
    console.log(`Signed by ${identity.signerName}: ${args.out}`);
    return 0;
  }

  if (
    typeof args.host !== 'string' ||
    typeof args.user !== 'string' ||
    typeof args.meeting !== 'string'
  ) {
    console.log(USAGE);
    return 2;
  }
  const login = await api<{ token: string }>(args.host, 'POST', '/auth/login', null, {
    username: args.user,
    password: process.env.PHONGHOP_PASSWORD ?? '',
  });
  const m = encodeURIComponent(args.meeting);
  const prep = await api<{ signingId: string; digest: string }>(
    args.host,
    'POST',
    `/meetings/${m}/minutes/signatures/prepare`,
    login.token,
    {
      certificateChain: identity.certificateChainPem,
      ...(typeof args.reason === 'string' ? { reason: args.reason } : {}),
    },
  );
  const cms = await buildPadesCms({
    digest: base64ToBytes(prep.digest),
    certificates: identity.certificates,
    privateKey: identity.privateKey,
  });
  const result = await api<{
    minutes: { status: string; signatures: Array<{ signer: string; role: string }> };
  }>(
    args.host,
    'POST',
    `/meetings/${m}/minutes/signatures/${encodeURIComponent(prep.signingId)}`,
    login.token,
    { cms: bytesToBase64(cms) },
  );
  console.log(
    `Signed by ${identity.signerName}. Minutes ${result.minutes.status}; signatures: ${result.minutes.signatures.map((s) => `${s.signer} (${s.role})`).join(', ')}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
