// One-time pairing codes for joining a room: the room screen shows a QR code (join URL with a
// long token and the certificate fingerprint) and a short code to type. Either works once, and
// only until it expires. Only hashes are stored.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../archive/db';
import { ApiError } from '../api/api-error';

// Crockford's base32 without I, L, O, U: nothing to confuse when read aloud or typed on a tablet.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Upper-cases, drops separators and maps look-alikes (O→0, I/L→1) as Crockford base32 does. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** `K7M4-QX2B`: grouped for reading aloud. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function newCode(): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

interface Row {
  id: string;
  meeting_id: string | null;
  expires_at: string;
  used_at: string | null;
}

export function createPairingCodes(db: Database, lifetimeMs: number, now: () => number) {
  const insert = db.prepare(
    'INSERT INTO pairing_codes (id, code_hash, token_hash, meeting_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byCode = db.prepare<[string], Row>(
    'SELECT id, meeting_id, expires_at, used_at FROM pairing_codes WHERE code_hash = ?',
  );
  const byToken = db.prepare<[string], Row>(
    'SELECT id, meeting_id, expires_at, used_at FROM pairing_codes WHERE token_hash = ?',
  );
  // The condition on used_at makes redeeming atomic: of two tablets racing, one wins.
  const markUsed = db.prepare(
    'UPDATE pairing_codes SET used_at = ? WHERE id = ? AND used_at IS NULL',
  );
  const purge = db.prepare('DELETE FROM pairing_codes WHERE expires_at < ?');

  return {
    create(createdBy: string, meetingId: string | null) {
      const t = now();
      purge.run(new Date(t - 24 * 60 * 60 * 1000).toISOString());
      const id = randomUUID();
      const code = newCode();
      const token = randomBytes(24).toString('base64url');
      const expiresAt = new Date(t + lifetimeMs).toISOString();
      insert.run(
        id,
        sha256(code),
        sha256(token),
        meetingId,
        createdBy,
        new Date(t).toISOString(),
        expiresAt,
      );
      return { id, code: formatCode(code), token, expiresAt, meetingId };
    },
    /** Consumes a code or token; refuses unknown (404), used or expired (410) ones. */
    redeem(secret: { code?: string; token?: string }): { id: string; meetingId: string | null } {
      const row = secret.token
        ? byToken.get(sha256(secret.token))
        : secret.code
          ? byCode.get(sha256(normalizeCode(secret.code)))
          : undefined;
      if (!row) throw new ApiError(404, 'pairing_unknown');
      const t = now();
      if (row.used_at) throw new ApiError(410, 'pairing_used');
      if (row.expires_at < new Date(t).toISOString()) throw new ApiError(410, 'pairing_expired');
      if (markUsed.run(new Date(t).toISOString(), row.id).changes !== 1)
        throw new ApiError(410, 'pairing_used');
      return { id: row.id, meetingId: row.meeting_id };
    },
  };
}
export type PairingCodes = ReturnType<typeof createPairingCodes>;
