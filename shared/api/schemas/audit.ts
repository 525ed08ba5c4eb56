import { z } from 'zod';

export const AuditEvent = z.object({
  meetingId: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditVerifyReport = z.object({
  valid: z.boolean(),
  head: z.string(),
  count: z.number().int(),
  /** The first event whose hash or link does not match, when the chain is broken. */
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerifyReport = z.infer<typeof AuditVerifyReport>;
