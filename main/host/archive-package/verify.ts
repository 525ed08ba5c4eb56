// Full verification of a meeting package, shared by the import (host) and the offline CLI:
// the ZIP is checked entry by entry, every file is extracted under a numbered name (never under
// its own path) and compared with the manifest, the audit chain is recomputed, and the minutes'
// signatures are checked with poppler's pdfsig when it is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ZipFile } from 'yauzl';
import { ApiError } from '../api/api-error';
import { GENESIS, eventHash } from '../audit/chain';
import {
  Manifest,
  PACKAGE_FORMAT,
  PACKAGE_SCHEMA_VERSION,
} from '../../../shared/api/schemas/archive';
import type { VerifyCheck } from '../../../shared/api/schemas/archive';
import type { AuditEvent } from '../../../shared/api/schemas/audit';
import {
  DEFAULT_ZIP_LIMITS,
  checkEntryName,
  extractEntry,
  openChecked,
  readEntry,
} from './safe-zip';
import type { ZipLimits } from './safe-zip';

const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

export interface VerifiedPackage {
  manifest: Manifest;
  /** Extracted files by their path in the package. */
  files: Map<string, string>;
  checks: VerifyCheck[];
}

function parseManifest(bytes: Buffer): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ApiError(400, 'package_manifest_invalid', { detail: 'not JSON' });
  }
  const head = raw as { format?: unknown; schemaVersion?: unknown };
  if (typeof raw !== 'object' || raw === null || head.format !== PACKAGE_FORMAT)
    throw new ApiError(400, 'package_manifest_invalid', { detail: 'not a meeting package' });
  // Checked before the shape: a newer schema may shape the manifest differently.
  if (typeof head.schemaVersion !== 'number' || head.schemaVersion > PACKAGE_SCHEMA_VERSION)
    throw new ApiError(400, 'package_newer_schema', {
      found: String(head.schemaVersion),
      supported: PACKAGE_SCHEMA_VERSION,
    });
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success)
    throw new ApiError(400, 'package_manifest_invalid', {
      detail: parsed.error.issues[0]?.message ?? 'shape',
    });
  const listed = new Set<string>();
  for (const f of parsed.data.files) {
    const name = checkEntryName(f.path);
    if (listed.has(name.toLowerCase()))
      throw new ApiError(400, 'package_duplicate_entry', { name });
    listed.add(name.toLowerCase());
  }
  return parsed.data;
}

/** Recomputes the meeting's hash chain from audit.json; it must end at the manifest's head. */
export function checkAuditChain(events: readonly AuditEvent[], manifest: Manifest): VerifyCheck {
  let prev = GENESIS;
  for (const [i, e] of events.entries()) {
    if (
      e.seq !== i + 1 ||
      e.prevHash !== prev ||
      eventHash(e) !== e.hash ||
      e.meetingId !== manifest.meeting.id
    )
      return { name: 'audit', ok: false, detail: `event ${e.seq} breaks the chain` };
    prev = e.hash;
  }
  if (prev !== manifest.audit.head || events.length !== manifest.audit.count)
    return {
      name: 'audit',
      ok: false,
      detail: 'the chain does not end at the head named in the manifest',
    };
  return { name: 'audit', ok: true, detail: `${events.length} events, head ${prev.slice(0, 16)}…` };
}

/** Signature check of a PDF with poppler's pdfsig (offline); null when pdfsig is not installed. */
export function checkPdfSignatures(file: string): VerifyCheck | null {
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8', timeout: 60_000 });
  if (run.error) return null;
  const out = `${run.stdout}${run.stderr}`;
  if (/does not contain any signatures/i.test(out))
    return { name: 'signatures', ok: true, detail: 'the minutes are not signed' };
  const results = [...out.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1]!.trim());
  if (results.length === 0)
    return { name: 'signatures', ok: false, detail: out.trim().split('\n')[0] ?? 'unreadable' };
  const bad = results.filter((r) => !/is Valid/i.test(r));
  const trust = [...out.matchAll(/Certificate Validation: (.+)/g)].map((m) => m[1]!.trim());
  return {
    name: 'signatures',
    ok: bad.length === 0,
    detail: `${results.length} signature(s): ${results.join('; ')}${trust.length ? ` (certificates: ${trust.join('; ')})` : ''}`,
  };
}

/**
 * Verifies `packageFile`, extracting into `workDir`. Throws a 4xx ApiError for a package that must
 * be refused (unsafe ZIP, bad manifest, newer schema, checksum mismatch, broken audit chain,
 * invalid signature); otherwise returns the manifest, the extracted files and the checks.
 */
export async function verifyPackage(
  packageFile: string,
  workDir: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<VerifiedPackage> {
  const { zip, entries } = await openChecked(packageFile, limits);
  try {
    return await verifyEntries(zip, entries, workDir);
  } finally {
    zip.close();
  }
}

async function verifyEntries(
  zip: ZipFile,
  entries: Awaited<ReturnType<typeof openChecked>>['entries'],
  workDir: string,
): Promise<VerifiedPackage> {
  const manifestEntry = entries.find((e) => e.name === 'manifest.json');
  if (!manifestEntry) throw new ApiError(400, 'package_manifest_missing');
  const manifest = parseManifest(await readEntry(zip, manifestEntry, MAX_MANIFEST_BYTES));
  const listed = new Map(manifest.files.map((f) => [f.path.normalize('NFC'), f]));
  const filesDir = path.join(workDir, 'files');
  fs.mkdirSync(filesDir, { recursive: true });
  const files = new Map<string, string>();
  let n = 0;
  for (const e of entries) {
    if (e === manifestEntry) continue;
    const want = listed.get(e.name);
    if (!want) throw new ApiError(400, 'package_file_unlisted', { name: e.name });
    const dest = path.join(filesDir, String(n++));
    const got = await extractEntry(zip, e, dest);
    if (got.sha256 !== want.sha256 || got.size !== want.size)
      throw new ApiError(400, 'package_checksum_mismatch', { name: e.name });
    files.set(e.name, dest);
  }
  for (const f of manifest.files)
    if (!files.has(f.path.normalize('NFC')))
      throw new ApiError(400, 'package_file_missing', { name: f.path });
  const checks: VerifyCheck[] = [
    { name: 'checksums', ok: true, detail: `${files.size} files match the manifest` },
  ];

  const auditFile = files.get('audit.json');
  if (!auditFile) throw new ApiError(400, 'package_file_missing', { name: 'audit.json' });
  let events: AuditEvent[];
  try {
    events = (JSON.parse(fs.readFileSync(auditFile, 'utf8')) as { events: AuditEvent[] }).events;
    if (!Array.isArray(events)) throw new Error('no events');
  } catch {
    throw new ApiError(400, 'package_audit_invalid', { detail: 'audit.json is unreadable' });
  }
  const audit = checkAuditChain(events, manifest);
  if (!audit.ok) throw new ApiError(400, 'package_audit_invalid', { detail: audit.detail });
  checks.push(audit);

  const minutes = files.get('minutes/minutes.pdf');
  if (minutes) {
    const sig = checkPdfSignatures(minutes);
    if (sig && !sig.ok)
      throw new ApiError(400, 'package_signature_invalid', { detail: sig.detail });
    checks.push(
      sig ?? {
        name: 'signatures',
        ok: true,
        detail: 'not checked: pdfsig (poppler-utils) is not installed',
      },
    );
  } else checks.push({ name: 'signatures', ok: true, detail: 'the package holds no minutes PDF' });
  return { manifest, files, checks };
}
