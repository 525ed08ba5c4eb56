import type { Database } from '../archive/db';
import type { MinutesStatus, SignerRole } from '../../../shared/api/schemas/minutes';

interface MinutesRow {
  meeting_id: string;
  status: MinutesStatus;
  revision: number;
  finalized_at: string | null;
  finalized_by: string | null;
  audit_head: string | null;
  pdf: Buffer | null;
  pdf_sha256: string | null;
  updated_at: string;
}

export interface SignatureRow {
  id: string;
  meeting_id: string;
  revision: number;
  role: SignerRole;
  user_id: string;
  status: 'pending' | 'signed' | 'void';
  base_sha256: string;
  prepared_pdf: Buffer | null;
  byte_range: string;
  digest: string;
  certificate_chain: string;
  signer_name: string;
  certificate_sha256: string;
  signed_at: string;
  cms: Buffer | null;
  created_at: string;
  completed_at: string | null;
}

export interface MinutesRecord {
  meetingId: string;
  status: MinutesStatus;
  revision: number;
  finalizedAt: string | null;
  auditHead: string | null;
  pdfSha256: string | null;
}

const toRecord = (r: MinutesRow): MinutesRecord => ({
  meetingId: r.meeting_id,
  status: r.status,
  revision: r.revision,
  finalizedAt: r.finalized_at,
  auditHead: r.audit_head,
  pdfSha256: r.pdf_sha256,
});

/** The minutes rows and their signatures. Callers wrap writes in services.tx with an audit event. */
export function createMinutesRepo(db: Database) {
  const q = {
    get: db.prepare<[string], MinutesRow>('SELECT * FROM minutes WHERE meeting_id = ?'),
    pdf: db.prepare<[string], { pdf: Buffer | null; pdf_sha256: string | null }>(
      'SELECT pdf, pdf_sha256 FROM minutes WHERE meeting_id = ?',
    ),
    finalize: db.prepare(
      `INSERT INTO minutes (meeting_id, status, revision, finalized_at, finalized_by, audit_head, pdf, pdf_sha256, updated_at)
       VALUES (@meetingId, 'final', 1, @at, @by, @auditHead, @pdf, @sha, @at)
       ON CONFLICT (meeting_id) DO UPDATE SET status = 'final', revision = minutes.revision + 1, finalized_at = @at,
         finalized_by = @by, audit_head = @auditHead, pdf = @pdf, pdf_sha256 = @sha, updated_at = @at`,
    ),
    reopen: db.prepare("UPDATE minutes SET status = 'draft', updated_at = ? WHERE meeting_id = ?"),
    setSigned: db.prepare(
      "UPDATE minutes SET status = 'signed', pdf = ?, pdf_sha256 = ?, updated_at = ? WHERE meeting_id = ?",
    ),
    signatures: db.prepare<[string, number], SignatureRow>(
      "SELECT * FROM minutes_signatures WHERE meeting_id = ? AND revision = ? AND status = 'signed' ORDER BY completed_at, id",
    ),
    signature: db.prepare<[string, string], SignatureRow>(
      'SELECT * FROM minutes_signatures WHERE id = ? AND meeting_id = ?',
    ),
    insertSignature: db.prepare(
      `INSERT INTO minutes_signatures (id, meeting_id, revision, role, user_id, status, base_sha256, prepared_pdf, byte_range,
         digest, certificate_chain, signer_name, certificate_sha256, signed_at, created_at)
       VALUES (@id, @meetingId, @revision, @role, @userId, 'pending', @baseSha256, @preparedPdf, @byteRange,
         @digest, @certificateChain, @signerName, @certificateSha256, @signedAt, @createdAt)`,
    ),
    voidPending: db.prepare(
      "UPDATE minutes_signatures SET status = 'void', prepared_pdf = NULL WHERE meeting_id = ? AND role = ? AND status = 'pending'",
    ),
    voidAll: db.prepare(
      "UPDATE minutes_signatures SET status = 'void', prepared_pdf = NULL WHERE meeting_id = ? AND status IN ('pending','signed')",
    ),
    complete: db.prepare(
      "UPDATE minutes_signatures SET status = 'signed', cms = ?, prepared_pdf = NULL, completed_at = ? WHERE id = ? AND status = 'pending'",
    ),
  };
  return {
    get(meetingId: string): MinutesRecord | undefined {
      const r = q.get.get(meetingId);
      return r && toRecord(r);
    },
    pdf(meetingId: string): Buffer | null {
      return q.pdf.get(meetingId)?.pdf ?? null;
    },
    finalize(input: {
      meetingId: string;
      by: string;
      auditHead: string;
      pdf: Buffer;
      sha256: string;
    }): void {
      q.finalize.run({
        meetingId: input.meetingId,
        at: new Date().toISOString(),
        by: input.by,
        auditHead: input.auditHead,
        pdf: input.pdf,
        sha: input.sha256,
      });
    },
    reopen(meetingId: string): number {
      q.reopen.run(new Date().toISOString(), meetingId);
      return q.voidAll.run(meetingId).changes;
    },
    signedSignatures(meetingId: string, revision: number): SignatureRow[] {
      return q.signatures.all(meetingId, revision);
    },
    signature(meetingId: string, id: string): SignatureRow | undefined {
      return q.signature.get(id, meetingId);
    },
    addPending(row: {
      id: string;
      meetingId: string;
      revision: number;
      role: SignerRole;
      userId: string;
      baseSha256: string;
      preparedPdf: Buffer;
      byteRange: readonly number[];
      digest: string;
      certificateChain: string[];
      signerName: string;
      certificateSha256: string;
      signedAt: string;
    }): void {
      q.voidPending.run(row.meetingId, row.role);
      q.insertSignature.run({
        ...row,
        byteRange: JSON.stringify(row.byteRange),
        certificateChain: JSON.stringify(row.certificateChain),
        createdAt: new Date().toISOString(),
      });
    },
    complete(
      meetingId: string,
      signatureId: string,
      cms: Buffer,
      signedPdf: Buffer,
      sha256: string,
    ): void {
      const at = new Date().toISOString();
      q.complete.run(cms, at, signatureId);
      q.setSigned.run(signedPdf, sha256, at, meetingId);
    },
  };
}
export type MinutesRepo = ReturnType<typeof createMinutesRepo>;
