import { z } from 'zod';
import { Id } from './common';

/** Who this host is: tablets remember the id with the fingerprint so rooms never mix. */
export const HostIdentity = z.object({
  hostId: z.string(),
  name: z.string(),
  url: z.string(),
  tls: z.boolean(),
  /** SHA-256 of the host's root certificate, `AA:BB:…`; null when not serving HTTPS. */
  fingerprint: z.string().nullable(),
});
export type HostIdentity = z.infer<typeof HostIdentity>;

export const CreatePairingBody = z.object({ meetingId: Id.optional() }).strict();
export type CreatePairingBody = z.infer<typeof CreatePairingBody>;

export const PairingTicket = z.object({
  id: z.string(),
  /** Short code to type, e.g. `K7M4-QX2B`. */
  code: z.string(),
  /** Long one-time token carried by the QR code. */
  token: z.string(),
  expiresAt: z.string(),
  meetingId: z.string().nullable(),
  /** What the QR code holds: the join page with the token, host id and fingerprint. */
  joinUrl: z.string(),
  /** The same for the desktop app (`phonghop://join?...`). */
  deepLink: z.string(),
  /** The QR code of `joinUrl`, as an SVG document. */
  qrSvg: z.string(),
  host: HostIdentity,
});
export type PairingTicket = z.infer<typeof PairingTicket>;

export const RedeemPairingBody = z
  .object({
    code: z.string().trim().min(4).max(20).optional(),
    token: z.string().trim().min(10).max(100).optional(),
  })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.token === undefined), 'give either code or token');
export type RedeemPairingBody = z.infer<typeof RedeemPairingBody>;

export const PairingRedeemed = z.object({
  host: HostIdentity,
  meeting: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type PairingRedeemed = z.infer<typeof PairingRedeemed>;

export const SessionInfo = z.object({ createdAt: z.string(), expiresAt: z.string() });
export const RevokedSessions = z.object({ revoked: z.number().int() });
