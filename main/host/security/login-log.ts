// The login log (table login_log, migration 0080): one row per sign-in event. Written in the
// same transaction as the throttle's counting, so a lockout is never counted without its row.
import type { IncomingMessage } from 'node:http';
import type { Database } from '../archive/db';
import type { LoginLogEntry, LoginLogEvent } from '../../../shared/api/schemas/security';

export interface LoginLogWrite {
  event: LoginLogEvent;
  username: string;
  userId: string | null;
  address: string;
  client: string;
  detail?: string;
}

// Enough of a User-Agent to tell the desktop app from a tablet's browser, not an unbounded echo.
const CLIENT_MAX = 200;

/** Where a request came from, as the login log records it. */
export function requestOrigin(req: IncomingMessage): { address: string; client: string } {
  const ua = req.headers['user-agent'];
  return {
    address: req.socket.remoteAddress ?? '',
    client: (typeof ua === 'string' ? ua : '').slice(0, CLIENT_MAX),
  };
}

export function createLoginLog(db: Database, now: () => number) {
  const insert = db.prepare(
    `INSERT INTO login_log (at, event, username, user_id, address, client, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const page = db.prepare<
    { before: number; username: string | null; limit: number },
    LoginLogEntry
  >(
    `SELECT id, at, event, username, user_id AS userId, address, client, detail FROM login_log
     WHERE id < @before AND (@username IS NULL OR username = @username)
     ORDER BY id DESC LIMIT @limit`,
  );
  return {
    record(e: LoginLogWrite): void {
      insert.run(
        new Date(now()).toISOString(),
        e.event,
        e.username.toLowerCase(),
        e.userId,
        e.address,
        e.client,
        e.detail ?? '',
      );
    },
    /** Newest first; `before` is the id to page back from. */
    list(q: { before?: number; username?: string; limit: number }): LoginLogEntry[] {
      return page.all({
        before: q.before ?? Number.MAX_SAFE_INTEGER,
        username: q.username?.toLowerCase() ?? null,
        limit: q.limit,
      });
    },
  };
}
export type LoginLog = ReturnType<typeof createLoginLog>;
