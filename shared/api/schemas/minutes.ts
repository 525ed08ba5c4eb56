import { z } from 'zod';
import { Id } from './common';

/** The Y.XmlFragment inside the `minutes/<m>` doc that the rich-text editor binds to. */
export const MINUTES_FRAGMENT = 'body';

export const MinutesStatus = z.enum(['draft', 'final', 'signed']);
export type MinutesStatus = z.infer<typeof MinutesStatus>;

export const SignerRole = z.enum(['chair', 'secretary']);
export type SignerRole = z.infer<typeof SignerRole>;

export const CertificateInfo = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string(),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

/** What a verifier says about one signature of a PDF (API, UI and the verify-pdf CLI). */
export const SignatureReport = z.object({
  /** 1-based, in file order. */
  index: z.number().int(),
  signer: z.string(),
  signedAt: z.string().nullable(),
  /** The CMS signature is correct and its message-digest matches the signed byte ranges. */
  valid: z.boolean(),
  /** The certificate chains to a trusted root (see /trust/roots). */
  trusted: z.boolean(),
  /** Every certificate of the chain is within its validity period now. */
  withinValidity: z.boolean(),
  /** The signer's certificate allows document signing (digitalSignature or nonRepudiation). */
  keyUsageOk: z.boolean(),
  /** The signature covers the whole file as it is (nothing after it). */
  coversDocument: z.boolean(),
  /** Bytes were appended after this signature (later signatures or other changes). */
  appendedAfter: z.boolean(),
  subFilter: z.string().nullable(),
  /** PAdES B-B: signing-certificate-v2 names the signer's certificate. */
  signingCertificateBound: z.boolean(),
  reason: z.string().nullable(),
  certificate: CertificateInfo.nullable(),
  /** Codes of what failed, empty when all is well. */
  problems: z.array(z.string()),
});
export type SignatureReport = z.infer<typeof SignatureReport>;
export const VerifyReport = z.array(SignatureReport);

export const MinutesSignature = z.object({
  id: Id,
  role: SignerRole,
  userId: Id,
  signer: z.string(),
  signedAt: z.string(),
  certificate: CertificateInfo,
});
export type MinutesSignature = z.infer<typeof MinutesSignature>;

export const MinutesState = z.object({
  status: MinutesStatus,
  /** Increases on every finalise; a reopen makes the signatures of the old revision void. */
  revision: z.number().int(),
  finalizedAt: z.string().nullable(),
  /** The audit chain head recorded in the PDF at finalisation. */
  auditHead: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  signatures: z.array(MinutesSignature),
  /** Roles still expected to sign. */
  awaiting: z.array(SignerRole),
});
export type MinutesState = z.infer<typeof MinutesState>;

export const FinalizeBody = z
  .object({ place: z.string().trim().max(200).optional() })
  .strict()
  .optional();
export const ReopenBody = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();

const Pem = z.string().min(1).max(20_000);
export const PrepareSigningBody = z.object({
  certificateChain: z.array(Pem).min(1).max(6),
  reason: z.string().trim().max(300).optional(),
  location: z.string().trim().max(200).optional(),
});
export const PrepareSigningAnswer = z.object({
  signingId: Id,
  /** Base64 SHA-256 of the byte ranges: the CMS message-digest. */
  digest: z.string(),
  signer: z.string(),
  role: SignerRole,
});
export const CompleteSigningBody = z.object({ cms: z.string().min(1).max(60_000) });
export const SignatureResult = z.object({
  signature: MinutesSignature,
  minutes: MinutesState,
});

export const TrustRoot = z.object({
  id: Id,
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string(),
  addedAt: z.string(),
  pem: z.string(),
});
export type TrustRoot = z.infer<typeof TrustRoot>;
export const AddTrustRootBody = z.object({ pem: Pem });

/** What "Insert from the meeting" fills the draft with, read from the archive. */
export const MinutesFacts = z.object({
  meeting: z.object({
    title: z.string(),
    startsAt: z.string(),
    location: z.string().nullable(),
    organization: z.string().nullable(),
  }),
  chair: z.string().nullable(),
  secretary: z.string().nullable(),
  present: z.array(z.object({ name: z.string(), role: z.string() })),
  absent: z.array(z.object({ name: z.string(), role: z.string(), reason: z.string().nullable() })),
  agenda: z.array(
    z.object({
      id: Id,
      title: z.string(),
      presenter: z.string().nullable(),
      speakers: z.array(z.string()),
    }),
  ),
  ballots: z.array(
    z.object({
      id: Id,
      question: z.string(),
      agendaItemId: Id.nullable(),
      secret: z.boolean(),
      rule: z.string(),
      status: z.string(),
      quorum: z.number().nullable(),
      counts: z.record(z.string(), z.number()),
      cast: z.number().nullable(),
      eligible: z.number().nullable(),
      present: z.number().nullable(),
      passed: z.boolean().nullable(),
    }),
  ),
});
export type MinutesFacts = z.infer<typeof MinutesFacts>;
