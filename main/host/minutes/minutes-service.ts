import { randomUUID } from 'node:crypto';
import type * as pkijs from 'pkijs';
import type {
  MinutesSignature,
  MinutesState,
  MinutesStatus,
  SignatureReport,
  SignerRole,
} from '../../../shared/api/schemas/minutes';
import { base64ToBytes } from '../../../shared/signing/pem';
import { ApiError, conflict, notFound } from '../api/api-error';
import type { Database } from '../archive/db';
import type { AuditChain } from '../audit/chain';
import type { MeetingsRepo } from '../archive/repos/meetings';
import type { LiveMeetings } from '../live/live-meetings';
import {
  certificateDer,
  certificateInfo,
  parsePemCertificate,
  signerName,
} from '../signatures/certificate-info';
import { CmsError, digestOf, inspectCms, verifyCmsSignature } from '../signatures/cms-inspect';
import {
  addSignaturePlaceholder,
  embedCms,
  signedBytes,
} from '../signatures/pdf-signature-placeholder';
import { buildChain, keyUsageAllowsSigning } from '../signatures/trust-chain';
import { createPdfVerifier } from '../signatures/verify-off-thread';
import { blocksText, draftBlocks, loadDraftDoc } from './draft-blocks';
import { createMinutesRepo } from './minutes-repo';
import type { SignatureRow } from './minutes-repo';
import { placeFromOrganization, renderMinutesPdf } from './render-minutes-pdf';
import { createTrustRoots } from './trust-roots';

const FIELD_NAMES: Record<SignerRole, string> = { chair: 'ChuToa', secretary: 'ThuKy' };
const REASONS: Record<SignerRole, string> = {
  chair: 'Chủ tọa ký biên bản',
  secretary: 'Thư ký ký biên bản',
};

const sha256Hex = (b: Uint8Array) => digestOf(b).toString('hex');

/** What the module needs from the services once they exist (see `attach`). */
export interface MinutesHost {
  audit: AuditChain;
  tx<T>(fn: () => T): T;
  live: LiveMeetings;
}

/**
 * The minutes (biên bản) of a meeting: draft → final (PDF rendered, draft locked) → signed
 * (PAdES signatures by the chair and the secretary, each an incremental update). Reopening
 * returns to draft and voids every signature of the revision, with an audit event.
 */
export function createMinutes(db: Database, meetings: MeetingsRepo) {
  const repo = createMinutesRepo(db);
  const trust = createTrustRoots(db);
  // Stored minutes carry signers' CMS and /verify takes anyone's file: both verify off the loop.
  const verifier = createPdfVerifier();
  let host: MinutesHost | undefined;
  const deps = {
    db,
    meetings,
    get audit(): AuditChain {
      if (!host) throw new Error('minutes module not attached');
      return host.audit;
    },
    tx<T>(fn: () => T): T {
      if (!host) throw new Error('minutes module not attached');
      return host.tx(fn);
    },
  };

  function state(meetingId: string): MinutesStatus {
    return repo.get(meetingId)?.status ?? 'draft';
  }

  function toSignature(r: SignatureRow): MinutesSignature {
    const chain = JSON.parse(r.certificate_chain) as string[];
    const cert = parsePemCertificate(chain[0] ?? '');
    return {
      id: r.id,
      role: r.role,
      userId: r.user_id,
      signer: r.signer_name,
      signedAt: r.signed_at,
      certificate: cert
        ? certificateInfo(cert)
        : {
            subject: r.signer_name,
            issuer: '',
            serialNumber: '',
            notBefore: '',
            notAfter: '',
            sha256: r.certificate_sha256,
          },
    };
  }

  function view(meetingId: string): MinutesState {
    const rec = repo.get(meetingId);
    const signatures =
      rec && rec.status !== 'draft'
        ? repo.signedSignatures(meetingId, rec.revision).map(toSignature)
        : [];
    const roles = new Set(deps.meetings.participants(meetingId).map((p) => p.role));
    const awaiting =
      rec && rec.status !== 'draft'
        ? (['chair', 'secretary'] as const).filter(
            (r) => roles.has(r) && !signatures.some((s) => s.role === r),
          )
        : [];
    return {
      status: rec?.status ?? 'draft',
      revision: rec?.revision ?? 0,
      finalizedAt: rec?.status === 'draft' ? null : (rec?.finalizedAt ?? null),
      auditHead: rec?.status === 'draft' ? null : (rec?.auditHead ?? null),
      pdfSha256: rec?.status === 'draft' ? null : (rec?.pdfSha256 ?? null),
      signatures,
      awaiting: [...awaiting],
    };
  }

  /** Checks a certificate chain offered by a signer: parsable, trusted, in date, may sign. */
  async function checkCertificates(
    pems: string[],
  ): Promise<{ signer: pkijs.Certificate; chain: pkijs.Certificate[] }> {
    const certs = pems.map(parsePemCertificate);
    if (certs.some((c) => c === null)) throw new ApiError(400, 'certificate_malformed');
    const [signer, ...rest] = certs as pkijs.Certificate[];
    const result = await buildChain(signer!, rest, trust.certificates());
    if (!result.trusted)
      throw new ApiError(400, 'certificate_untrusted', {
        subject: certificateInfo(signer!).subject,
      });
    if (result.problem === 'expired')
      throw new ApiError(400, 'certificate_expired', {
        notAfter: signer!.notAfter.value.toISOString(),
      });
    if (result.problem === 'not-yet-valid')
      throw new ApiError(400, 'certificate_not_yet_valid', {
        notBefore: signer!.notBefore.value.toISOString(),
      });
    if (!keyUsageAllowsSigning(signer!)) throw new ApiError(400, 'certificate_key_usage');
    return { signer: signer!, chain: rest };
  }

  return {
    repo,
    trust,
    state,
    view,
    /** Called once the services exist: the live doc shows the minutes' state to every participant. */
    attach(h: MinutesHost): void {
      host = h;
      // Projected after every meeting command, so it reads two small rows and parses nothing.
      h.live.addSection('minutes', (m) => {
        const rec = repo.get(m);
        if (!rec) return { status: 'draft', revision: 0, signatures: [] };
        const signed = rec.status === 'draft' ? [] : repo.signedSignatures(m, rec.revision);
        return {
          status: rec.status,
          revision: rec.revision,
          signatures: signed.map((x) => ({ role: x.role, signer: x.signer_name })),
        };
      });
    },

    async finalize(meetingId: string, userId: string, place?: string): Promise<MinutesState> {
      if (state(meetingId) !== 'draft') throw new ApiError(409, 'minutes_not_draft');
      const meeting = deps.meetings.get(meetingId);
      if (!meeting) throw notFound('meeting');
      const blocks = draftBlocks(loadDraftDoc(deps.db, meetingId));
      if (blocksText(blocks) === '') throw new ApiError(409, 'minutes_empty');
      const participants = deps.meetings.participants(meetingId);
      const auditHead = deps.audit.head(meetingId);
      const revision = (repo.get(meetingId)?.revision ?? 0) + 1;
      const pdf = Buffer.from(
        await renderMinutesPdf({
          organization: meeting.organization,
          title: meeting.title,
          place: place ?? placeFromOrganization(meeting.organization) ?? meeting.location ?? '',
          date: new Date(meeting.startsAt),
          blocks,
          chairName: participants.find((p) => p.role === 'chair')?.displayName ?? null,
          secretaryName: participants.find((p) => p.role === 'secretary')?.displayName ?? null,
          auditHead,
          revision,
          meetingId,
        }),
      );
      const sha256 = sha256Hex(pdf);
      deps.tx(() => {
        // Checked again inside the transaction: two finalise calls must not both win.
        if (state(meetingId) !== 'draft') throw new ApiError(409, 'minutes_not_draft');
        repo.finalize({ meetingId, by: userId, auditHead, pdf, sha256 });
        deps.audit.append(meetingId, userId, 'minutes.finalize', {
          revision,
          pdfSha256: sha256,
          auditHead,
        });
      });
      return view(meetingId);
    },

    reopen(meetingId: string, userId: string, reason: string): MinutesState {
      return deps.tx(() => {
        const rec = repo.get(meetingId);
        if (!rec || rec.status === 'draft') throw new ApiError(409, 'minutes_not_final');
        const voided = repo
          .signedSignatures(meetingId, rec.revision)
          .map((s) => ({ id: s.id, role: s.role, signer: s.signer_name }));
        repo.reopen(meetingId);
        deps.audit.append(meetingId, userId, 'minutes.reopen', {
          revision: rec.revision,
          reason,
          voidedSignatures: voided,
        });
        return view(meetingId);
      });
    },

    pdf(meetingId: string): Buffer | null {
      return state(meetingId) === 'draft' ? null : repo.pdf(meetingId);
    },

    async prepare(
      meetingId: string,
      userId: string,
      role: SignerRole,
      pems: string[],
      opts: { reason?: string; location?: string },
    ) {
      const rec = repo.get(meetingId);
      if (!rec || rec.status === 'draft') throw new ApiError(409, 'minutes_not_final');
      if (repo.signedSignatures(meetingId, rec.revision).some((s) => s.role === role))
        throw new ApiError(409, 'minutes_already_signed');
      const { signer } = await checkCertificates(pems);
      const base = repo.pdf(meetingId)!;
      const signedAt = new Date();
      const name = signerName(signer);
      const prepared = await addSignaturePlaceholder(base, {
        fieldName: `${FIELD_NAMES[role]}_${rec.revision}`,
        signerName: name,
        reason: opts.reason ?? REASONS[role],
        location: opts.location,
        signedAt,
      });
      const digest = digestOf(signedBytes(prepared.bytes, prepared.byteRange)).toString('base64');
      const id = randomUUID();
      repo.addPending({
        id,
        meetingId,
        revision: rec.revision,
        role,
        userId,
        baseSha256: sha256Hex(base),
        preparedPdf: prepared.bytes,
        byteRange: prepared.byteRange,
        digest,
        certificateChain: pems,
        signerName: name,
        certificateSha256: sha256Hex(certificateDer(signer)),
        signedAt: signedAt.toISOString(),
      });
      return { signingId: id, digest, signer: name, role };
    },

    async complete(meetingId: string, userId: string, signingId: string, cmsBase64: string) {
      const row = repo.signature(meetingId, signingId);
      if (!row || row.user_id !== userId) throw notFound('signing');
      if (row.status !== 'pending' || !row.prepared_pdf)
        throw new ApiError(409, 'signing_not_pending');
      const rec = repo.get(meetingId);
      if (
        !rec ||
        rec.status === 'draft' ||
        rec.revision !== row.revision ||
        rec.pdfSha256 !== row.base_sha256
      )
        throw new ApiError(409, 'signing_stale');
      let cmsBytes: Uint8Array;
      try {
        cmsBytes = base64ToBytes(cmsBase64);
      } catch {
        throw new ApiError(400, 'cms_malformed');
      }
      let cms;
      try {
        cms = inspectCms(cmsBytes);
      } catch (err) {
        if (err instanceof CmsError) throw new ApiError(400, 'cms_malformed');
        throw err;
      }
      if (
        !certificateDer(cms.signer).equals(
          Buffer.from(
            certificateDer(
              parsePemCertificate((JSON.parse(row.certificate_chain) as string[])[0]!)!,
            ),
          ),
        )
      )
        throw new ApiError(400, 'signature_certificate_mismatch');
      if (!cms.messageDigest || Buffer.from(cms.messageDigest).toString('base64') !== row.digest)
        throw new ApiError(400, 'signature_digest_mismatch');
      if (!cms.signingCertificateBound) throw new ApiError(400, 'signing_certificate_v2_missing');
      const byteRange = JSON.parse(row.byte_range) as number[];
      if (!(await verifyCmsSignature(cms, signedBytes(row.prepared_pdf, byteRange))))
        throw new ApiError(400, 'signature_invalid');
      await checkCertificates(JSON.parse(row.certificate_chain) as string[]);
      let signed: Buffer;
      try {
        signed = embedCms(row.prepared_pdf, byteRange, cmsBytes.subarray(0, cmsBytes.length));
      } catch {
        throw new ApiError(400, 'cms_too_large');
      }
      const sha256 = sha256Hex(signed);
      deps.tx(() => {
        const now = repo.get(meetingId);
        if (!now || now.pdfSha256 !== row.base_sha256) throw new ApiError(409, 'signing_stale');
        repo.complete(meetingId, row.id, Buffer.from(cmsBytes), signed, sha256);
        deps.audit.append(meetingId, userId, 'minutes.sign', {
          revision: row.revision,
          role: row.role,
          signer: row.signer_name,
          certificateSha256: row.certificate_sha256,
          pdfSha256: sha256,
        });
      });
      const state = view(meetingId);
      const signature = state.signatures.find((s) => s.id === row.id);
      if (!signature) throw conflict('signature not recorded');
      return { signature, minutes: state };
    },

    async verify(meetingId: string): Promise<SignatureReport[]> {
      const pdf = state(meetingId) === 'draft' ? null : repo.pdf(meetingId);
      if (!pdf) return [];
      return verifier.verify(pdf, trust.certificates());
    },

    verifyBytes(pdf: Uint8Array): Promise<SignatureReport[]> {
      return verifier.verify(pdf, trust.certificates());
    },

    /** Stops the verifying worker (host shutdown). */
    close(): Promise<void> {
      return verifier.close();
    },
  };
}
export type Minutes = ReturnType<typeof createMinutes>;
