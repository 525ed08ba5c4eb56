import { randomUUID } from 'node:crypto';
import type * as pkijs from 'pkijs';
import type { Database } from '../archive/db';
import type { TrustRoot } from '../../../shared/api/schemas/minutes';
import { OID } from '../../../shared/signing/oids';
import { ApiError } from '../api/api-error';
import {
  certificateDer,
  certificateInfo,
  parsePemCertificate,
} from '../signatures/certificate-info';
import { derToPem } from '../../../shared/signing/pem';

interface Row {
  id: string;
  sha256: string;
  subject: string;
  pem: string;
  not_before: string;
  not_after: string;
  added_by: string | null;
  added_at: string;
}
const toRoot = (r: Row): TrustRoot => ({
  id: r.id,
  subject: r.subject,
  notBefore: r.not_before,
  notAfter: r.not_after,
  sha256: r.sha256,
  addedAt: r.added_at,
  pem: r.pem,
});

function isCa(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  return (ext?.parsedValue as pkijs.BasicConstraints | undefined)?.cA === true;
}

/**
 * The certificate authorities this host trusts for signatures (in production the root of Ban Cơ
 * yếu Chính phủ). Parsed certificates are cached and rebuilt when the list changes.
 */
export function createTrustRoots(db: Database) {
  const q = {
    all: db.prepare<[], Row>('SELECT * FROM trust_roots ORDER BY added_at, id'),
    bySha: db.prepare<[string], Row>('SELECT * FROM trust_roots WHERE sha256 = ?'),
    insert: db.prepare(
      `INSERT INTO trust_roots (id, sha256, subject, pem, not_before, not_after, added_by, added_at)
       VALUES (@id, @sha256, @subject, @pem, @notBefore, @notAfter, @addedBy, @addedAt)`,
    ),
    remove: db.prepare('DELETE FROM trust_roots WHERE id = ?'),
  };
  let cache: pkijs.Certificate[] | null = null;
  return {
    list(): TrustRoot[] {
      return q.all.all().map(toRoot);
    },
    certificates(): pkijs.Certificate[] {
      cache ??= q.all.all().flatMap((r) => {
        const c = parsePemCertificate(r.pem);
        return c ? [c] : [];
      });
      return cache;
    },
    /** Validates and stores a CA certificate; the caller records the audit event. */
    add(pem: string, addedBy: string | null): TrustRoot {
      const cert = parsePemCertificate(pem);
      if (!cert) throw new ApiError(400, 'certificate_malformed');
      if (!isCa(cert)) throw new ApiError(400, 'trust_root_not_ca');
      const info = certificateInfo(cert);
      if (q.bySha.get(info.sha256)) throw new ApiError(409, 'trust_root_exists');
      const row: Row = {
        id: randomUUID(),
        sha256: info.sha256,
        subject: info.subject,
        pem: derToPem(certificateDer(cert)),
        not_before: info.notBefore,
        not_after: info.notAfter,
        added_by: addedBy,
        added_at: new Date().toISOString(),
      };
      q.insert.run({
        id: row.id,
        sha256: row.sha256,
        subject: row.subject,
        pem: row.pem,
        notBefore: row.not_before,
        notAfter: row.not_after,
        addedBy: row.added_by,
        addedAt: row.added_at,
      });
      cache = null;
      return toRoot(row);
    },
    remove(id: string): boolean {
      cache = null;
      return q.remove.run(id).changes > 0;
    },
  };
}
export type TrustRoots = ReturnType<typeof createTrustRoots>;
