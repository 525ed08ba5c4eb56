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

export const LoginLogEvent = z.enum([
  'login',
  'login_failed',
  'login_refused',
  'lockout',
  'logout',
  'password_change',
]);
export type LoginLogEvent = z.infer<typeof LoginLogEvent>;

/** One row of the login log. `username` is as typed (lower-cased); `userId` null if unknown. */
export const LoginLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  event: LoginLogEvent,
  username: z.string(),
  userId: z.string().nullable(),
  address: z.string(),
  client: z.string(),
  detail: z.string(),
});
export type LoginLogEntry = z.infer<typeof LoginLogEntry>;

export const LoginLogQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    before: z.coerce.number().int().min(1).optional(),
    username: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

export const LoginLogPage = z.object({
  entries: z.array(LoginLogEntry),
  /** Pass as `before` for the next (older) page; null when this page is the last. */
  next: z.number().int().nullable(),
});
