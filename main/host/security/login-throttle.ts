// Login throttling: a password guesser gets a few tries a minute, then a temporary lockout with a
// message saying how long to wait. Counted per account and, more loosely, per network address, so
// one tablet cannot lock everyone out and one account cannot be guessed from many addresses.
import type { Database } from '../archive/db';
import { ApiError } from '../api/api-error';

export interface ThrottleSettings {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
  maxFailuresPerAddress: number;
}

interface Row {
  failures: number;
  window_started_at: number;
  locked_until: number;
}

export function createLoginThrottle(db: Database, settings: ThrottleSettings, now: () => number) {
  const get = db.prepare<[string], Row>(
    'SELECT failures, window_started_at, locked_until FROM login_throttle WHERE key = ?',
  );
  const put = db.prepare(
    `INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET failures = excluded.failures,
       window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
  );
  const remove = db.prepare('DELETE FROM login_throttle WHERE key = ?');
  const purge = db.prepare(
    'DELETE FROM login_throttle WHERE locked_until < ? AND window_started_at < ?',
  );

  const keys = (username: string, address: string | undefined) => {
    const list: { key: string; max: number }[] = [
      { key: `user:${username.toLowerCase()}`, max: settings.maxFailures },
    ];
    if (address) list.push({ key: `addr:${address}`, max: settings.maxFailuresPerAddress });
    return list;
  };

  return {
    settings,
    /** Refuses (429) while the account or the address is locked out. */
    check(username: string, address: string | undefined): void {
      const t = now();
      for (const { key } of keys(username, address)) {
        const row = get.get(key);
        if (row && row.locked_until > t) {
          throw new ApiError(429, 'login_locked', {
            seconds: Math.max(1, Math.ceil((row.locked_until - t) / 1000)),
          });
        }
      }
    },
    /** Counts a wrong password; the attempt that reaches the limit starts the lockout. */
    failed(username: string, address: string | undefined): void {
      const t = now();
      for (const { key, max } of keys(username, address)) {
        const row = get.get(key);
        const fresh =
          !row || t - row.window_started_at > settings.windowMs || row.locked_until !== 0;
        const failures = fresh ? 1 : row.failures + 1;
        const start = fresh ? t : row.window_started_at;
        put.run(key, failures, start, failures >= max ? t + settings.lockoutMs : 0);
      }
      purge.run(t, t - settings.windowMs);
    },
    /** A correct password clears the account's count (the address keeps its own). */
    succeeded(username: string): void {
      remove.run(`user:${username.toLowerCase()}`);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
