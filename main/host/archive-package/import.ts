// POST /archive/import: a package from another host becomes a read-only archived meeting. The
// upload goes to a temp folder, is verified in full (verify.ts), then the rows are inserted in one
// transaction and the papers renamed into the content store. Any refusal leaves nothing behind:
// the temp folder is removed, the transaction rolled back, papers added by this import removed.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Statement } from 'better-sqlite3';
import type { Services } from '../services';
import type { User } from '../../../shared/api/schemas/users';
import type { ImportAnswer } from '../../../shared/api/schemas/archive';
import { ApiError } from '../api/api-error';
import { columnsOf, decodeValue, meetingTables } from './records';
import type { RecordTable } from './records';
import { storePath } from './parts';
import { verifyPackage } from './verify';
import type { VerifiedPackage } from './verify';
import { DEFAULT_ZIP_LIMITS } from './safe-zip';
import type { ZipLimits } from './safe-zip';

export const MAX_PACKAGE_BYTES = 8 * 1024 ** 3;

/** Streams the upload to `file` (hashing it), refusing it past `limit` bytes. */
async function receive(body: Readable, file: string, limit: number): Promise<string> {
  const hash = createHash('sha256');
  let size = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) {
        done(
          new ApiError(413, 'payload_too_large', { limit: `${Math.round(limit / 1024 ** 2)} MB` }),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(body, guard, fs.createWriteStream(file, { flags: 'wx' }));
  if (size === 0) throw new ApiError(400, 'package_invalid', { detail: 'empty body' });
  return hash.digest('hex');
}

/** Reads a JSON-lines file synchronously (inside the import transaction), one row at a time. */
function* jsonLines(file: string): Generator<Record<string, unknown>> {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    let rest = '';
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      const text = rest + (n > 0 ? buf.toString('utf8', 0, n) : '');
      const lines = text.split('\n');
      rest = n > 0 ? lines.pop()! : '';
      for (const line of lines) if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
      if (n === 0) break;
    }
  } finally {
    fs.closeSync(fd);
  }
}

export async function importPackage(
  services: Services,
  body: Readable,
  user: User,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ImportAnswer> {
  const work = path.join(services.config.dataDir, 'tmp', `import-${randomUUID()}`);
  fs.mkdirSync(work, { recursive: true });
  try {
    const pkg = path.join(work, 'package.zip');
    const packageSha = await receive(body, pkg, MAX_PACKAGE_BYTES);
    const verified = await verifyPackage(pkg, work, limits);
    const answer = await commitImport(services, verified, packageSha, user);
    // Keep the package as received: the archives office may ask for the original bytes.
    const kept = path.join(services.config.dataDir, 'archive-packages', `${answer.meetingId}.zip`);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.renameSync(pkg, kept);
    return answer;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

interface Scope {
  meetingId: string;
  documents: Set<string>;
  lineages: Set<string>;
  ballots: Set<string>;
}

/** A row may only belong to the imported meeting: a package must not write into another one. */
function rowBelongs(t: RecordTable, row: Record<string, unknown>, s: Scope): boolean {
  if (t.name === 'meetings') return row.id === s.meetingId;
  if (t.name === 'ydoc_updates') {
    const doc = String(row.doc);
    return (
      doc === `meeting/${s.meetingId}` ||
      doc === `minutes/${s.meetingId}` ||
      (doc.startsWith('annotations/') && s.documents.has(doc.slice(12)))
    );
  }
  if ('meeting_id' in row) return row.meeting_id === s.meetingId;
  if ('document_id' in row) return s.documents.has(String(row.document_id));
  if ('ballot_id' in row) return s.ballots.has(String(row.ballot_id));
  if ('lineage_id' in row) return s.lineages.has(String(row.lineage_id));
  return false;
}

async function commitImport(
  services: Services,
  v: VerifiedPackage,
  packageSha: string,
  user: User,
): Promise<ImportAnswer> {
  const { db } = services;
  const meetingId = v.manifest.meeting.id;
  if (services.meetings.get(meetingId))
    throw new ApiError(409, 'package_already_imported', { title: v.manifest.meeting.title });
  const local = new Map(meetingTables(db).map((t) => [t.name, t]));
  const recordFiles = [...v.files.keys()].filter((p) => /^records\/[a-z0-9_]+\.jsonl$/.test(p));
  if (!recordFiles.includes('records/meetings.jsonl'))
    throw new ApiError(400, 'package_records_invalid', { detail: 'no meeting record' });

  // Which documents and ballots the package brings, to check that every row stays inside it.
  const scope: Scope = { meetingId, documents: new Set(), lineages: new Set(), ballots: new Set() };
  const docShas = new Map<string, string>();
  for (const row of v.files.has('records/documents.jsonl')
    ? jsonLines(v.files.get('records/documents.jsonl')!)
    : []) {
    if (row.meeting_id !== meetingId)
      throw new ApiError(400, 'package_records_invalid', { detail: 'a paper of another meeting' });
    scope.documents.add(String(row.id));
    scope.lineages.add(String(row.lineage_id));
    docShas.set(String(row.id), String(row.sha256));
  }
  for (const row of v.files.has('records/ballots.jsonl')
    ? jsonLines(v.files.get('records/ballots.jsonl')!)
    : [])
    scope.ballots.add(String(row.id));

  // Papers first, into the content store; remembered so a failed commit can take them back.
  const added: string[] = [];
  const rollbackFiles = () => added.forEach((f) => fs.rmSync(f, { force: true }));
  try {
    for (const [p, file] of v.files) {
      const m = /^papers\/(.+)\.pdf$/.exec(p);
      if (!m) continue;
      const listed = v.manifest.files.find((f) => f.path === p)!;
      if (docShas.get(m[1]!) !== listed.sha256)
        throw new ApiError(400, 'package_checksum_mismatch', { name: p });
      const target = storePath(services.config.dataDir, listed.sha256);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(file, target);
      added.push(target);
    }

    const users = JSON.parse(
      fs.readFileSync(v.files.get('users.json') ?? '/dev/null', 'utf8') || '[]',
    ) as Array<{ id: string; username: string; displayName: string }>;
    const skipped: string[] = [];
    let rows = 0;
    db.transaction(() => {
      // Rows reference each other (papers → agenda items, ballots → users); checked at commit.
      db.pragma('defer_foreign_keys = ON');
      const now = new Date().toISOString();
      const userExists = db.prepare<[string], { one: number }>(
        'SELECT 1 AS one FROM users WHERE id = ?',
      );
      const nameTaken = db.prepare<[string], { one: number }>(
        'SELECT 1 AS one FROM users WHERE username = ?',
      );
      const addUser = db.prepare(
        `INSERT INTO users (id, username, display_name, password_hash, is_admin, can_create_meetings, created_at)
         VALUES (?, ?, ?, '!imported', 0, 0, ?)`,
      );
      for (const u of Array.isArray(users) ? users : []) {
        if (typeof u.id !== 'string' || typeof u.username !== 'string' || userExists.get(u.id))
          continue;
        // People from another host get an account that cannot sign in (no password matches '!').
        const username = nameTaken.get(u.username)
          ? `${u.username}@${meetingId.slice(0, 8)}`
          : u.username;
        addUser.run(u.id, username, String(u.displayName ?? u.username), now);
      }
      const ordered = [
        'meetings',
        ...recordFiles.map((p) => p.slice(8, -6)).filter((n) => n !== 'meetings'),
      ];
      for (const name of ordered) {
        const t = local.get(name);
        if (!t) {
          skipped.push(name);
          continue;
        }
        const cols = new Set(columnsOf(db, name));
        const statements = new Map<string, Statement<unknown[], unknown>>();
        for (const row of jsonLines(v.files.get(`records/${name}.jsonl`)!)) {
          if (!rowBelongs(t, row, scope))
            throw new ApiError(400, 'package_records_invalid', {
              detail: `a row of ${name} belongs to another meeting`,
            });
          const keys = Object.keys(row).filter((k) => cols.has(k));
          const sig = keys.join(',');
          let stmt = statements.get(sig);
          if (!stmt) {
            stmt = db.prepare<unknown[], unknown>(
              `INSERT INTO "${name}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
            );
            statements.set(sig, stmt);
          }
          stmt.run(...keys.map((k) => decodeValue(row[k])));
          rows++;
        }
      }
      db.prepare("UPDATE meetings SET status = 'archived' WHERE id = ?").run(meetingId);
      const chain = services.audit.verify(meetingId);
      const atHead = services.audit.list(meetingId, v.manifest.audit.count - 1, 1)[0];
      if (!chain.valid || (v.manifest.audit.count > 0 && atHead?.hash !== v.manifest.audit.head))
        throw new ApiError(400, 'package_audit_invalid', {
          detail: 'the imported chain does not match the manifest',
        });
      db.prepare(
        `INSERT INTO archive_imports (meeting_id, imported_at, imported_by, package_sha256, schema_version, source_host, manifest)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        meetingId,
        now,
        user.id,
        packageSha,
        v.manifest.schemaVersion,
        `${v.manifest.generator.app} ${v.manifest.generator.version}`,
        JSON.stringify(v.manifest),
      );
      services.audit.append('', user.id, 'archive.import', {
        meetingId,
        title: v.manifest.meeting.title,
        packageSha256: packageSha,
        files: v.manifest.files.length,
      });
    }).immediate();
    services.search.reindexMeeting(meetingId);
    const checks = [
      ...v.checks,
      {
        name: 'records',
        ok: true,
        detail: `${rows} rows imported${skipped.length ? `; not known here: ${skipped.join(', ')}` : ''}`,
      },
    ];
    return { meetingId, title: v.manifest.meeting.title, files: v.manifest.files.length, checks };
  } catch (err) {
    rollbackFiles();
    if (err instanceof ApiError) throw err;
    const msg = (err as Error).message;
    if (/constraint|UNIQUE|FOREIGN KEY|NOT NULL/i.test(msg))
      throw new ApiError(400, 'package_records_invalid', { detail: msg });
    throw err;
  }
}
