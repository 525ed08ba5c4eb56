import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db';

/** Only the SHA-256 of a token is stored: a copied database does not hand out live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSessionsRepo(db: Database, lifetimeMs: number) {
  const insert = db.prepare(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const find = db.prepare<[string], { user_id: string; expires_at: string }>(
    'SELECT user_id, expires_at FROM sessions WHERE token_hash = ?',
  );
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
  return {
    create(userId: string): { token: string; expiresAt: string } {
      const token = randomBytes(32).toString('base64url');
      const now = Date.now();
      const expiresAt = new Date(now + lifetimeMs).toISOString();
      insert.run(hashToken(token), userId, new Date(now).toISOString(), expiresAt);
      return { token, expiresAt };
    },
    /** The user id for a live token; expired tokens are removed on sight. */
    resolve(token: string): { userId: string } | { expired: true } | undefined {
      const hash = hashToken(token);
      const row = find.get(hash);
      if (!row) return undefined;
      if (row.expires_at < new Date().toISOString()) {
        remove.run(hash);
        return { expired: true };
      }
      return { userId: row.user_id };
    },
    revoke(token: string): void {
      remove.run(hashToken(token));
    },
    revokeAllFor(userId: string): number {
      return removeForUser.run(userId).changes;
    },
    purgeExpired(): void {
      purge.run(new Date().toISOString());
    },
  };
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
