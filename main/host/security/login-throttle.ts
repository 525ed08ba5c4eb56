// Login throttling. Wrong passwords are counted per (account, address): five within a minute lock
// that pair, and each further lockout of the same pair lasts twice as long (capped). Counting per
// pair means a guesser cannot lock a delegate out of their own account from another tablet, and a
// correct password from an address that has not failed for that account is always checked.
//
// Two wider guards still slow guessing without locking anyone out:
// - an address that fails for many accounts (spraying one password over the directory), and
// - an account that fails from many addresses (guessing one account from many tablets).
// While a guard is up, any pair that already failed is refused outright, and one more wrong
// password locks its pair until the guard ends; a pair with no failures still gets its password
// checked, so a real user signing in from their own tablet is never the one locked out.
import type { Database } from '../archive/db';
import { ApiError } from '../api/api-error';

export interface ThrottleSettings {
  /** Wrong passwords for one (account, address) within `windowMs` before that pair is locked. */
  maxFailures: number;
  windowMs: number;
  /** The first lockout; each further one in a row doubles, up to `maxLockoutMs`. */
  lockoutMs: number;
  maxLockoutMs: number;
  /** Wrong passwords from one address (any accounts) within `windowMs` that raise its guard. */
  maxFailuresPerAddress: number;
  /** Wrong passwords for one account (any addresses) within `windowMs` that raise its guard. */
  maxFailuresPerAccount: number;
  /** A key quiet this long forgets its failures and its lockout count. */
  forgetAfterMs: number;
}

interface Row {
  failures: number;
  window_started_at: number;
  locked_until: number;
  lockouts: number;
}

export type LockScope = 'pair' | 'address' | 'account';

/** A lockout that a failure started, for the login log. */
export interface LockStarted {
  scope: LockScope;
  seconds: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** 429 with the wait in the message and in Retry-After. */
export function lockedError(waitMs: number): ApiError {
  const s = seconds(waitMs);
  return new ApiError(429, 'login_locked', { seconds: s }, undefined, { 'Retry-After': String(s) });
}

export function createLoginThrottle(db: Database, settings: ThrottleSettings, now: () => number) {
  const get = db.prepare<[string], Row>(
    'SELECT failures, window_started_at, locked_until, lockouts FROM login_throttle WHERE key = ?',
  );
  const put = db.prepare(
    `INSERT INTO login_throttle (key, failures, window_started_at, locked_until, lockouts)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET failures = excluded.failures,
       window_started_at = excluded.window_started_at, locked_until = excluded.locked_until,
       lockouts = excluded.lockouts`,
  );
  const remove = db.prepare('DELETE FROM login_throttle WHERE key = ?');
  const purge = db.prepare(
    'DELETE FROM login_throttle WHERE locked_until < ? AND window_started_at < ?',
  );

  const pairKey = (username: string, address: string) =>
    `pair:${username.toLowerCase()}\n${address}`;
  const accountKey = (username: string) => `acct:${username.toLowerCase()}`;
  const addressKey = (address: string) => `addr:${address}`;

  const lockLength = (lockouts: number) =>
    Math.min(settings.maxLockoutMs, settings.lockoutMs * 2 ** Math.min(lockouts, 30));

  /** Until when a key is locked (0 when it is not). */
  const lockedUntil = (key: string, t: number) => {
    const row = get.get(key);
    return row && row.locked_until > t ? row.locked_until : 0;
  };

  /**
   * Counts one failure on `key`; reaching `max` within the window starts a lockout that grows
   * with each lockout in a row. `atLeastUntil` extends a lockout to the end of a guard.
   */
  function count(key: string, max: number, t: number, atLeastUntil = 0): number {
    const row = get.get(key);
    if (row && row.locked_until > t) {
      const until = Math.max(row.locked_until, atLeastUntil);
      put.run(key, row.failures + 1, row.window_started_at, until, row.lockouts);
      return 0;
    }
    const forgotten =
      !row || t - Math.max(row.window_started_at, row.locked_until) > settings.forgetAfterMs;
    const lockouts = forgotten ? 0 : row.lockouts;
    // A new window after the last one ran out or after a lockout ended.
    const fresh =
      forgotten ||
      t - row.window_started_at > settings.windowMs ||
      row.window_started_at < row.locked_until;
    const failures = fresh ? 1 : row.failures + 1;
    const start = fresh ? t : row.window_started_at;
    const previousLock = row?.locked_until ?? 0;
    if (failures >= max || atLeastUntil > t) {
      const until = Math.max(failures >= max ? t + lockLength(lockouts) : 0, atLeastUntil);
      put.run(key, failures, start, until, lockouts + 1);
      return until;
    }
    put.run(key, failures, start, previousLock, lockouts);
    return 0;
  }

  return {
    settings,
    /**
     * Refuses (429, Retry-After) a sign-in while its pair is locked, or while a guard is up on
     * the address or the account and this pair has already failed.
     */
    check(username: string, address: string): void {
      const t = now();
      const pair = get.get(pairKey(username, address));
      if (pair && pair.locked_until > t) throw lockedError(pair.locked_until - t);
      if (!pair) return;
      const guard = Math.max(
        lockedUntil(addressKey(address), t),
        lockedUntil(accountKey(username), t),
      );
      if (guard > t) throw lockedError(guard - t);
    },
    /** Counts a wrong password; returns the lockouts it started (for the login log). */
    failed(username: string, address: string): LockStarted[] {
      const t = now();
      const started: LockStarted[] = [];
      const addressUntil = count(addressKey(address), settings.maxFailuresPerAddress, t);
      if (addressUntil) started.push({ scope: 'address', seconds: seconds(addressUntil - t) });
      const accountUntil = count(accountKey(username), settings.maxFailuresPerAccount, t);
      if (accountUntil) started.push({ scope: 'account', seconds: seconds(accountUntil - t) });
      const guard = Math.max(
        lockedUntil(addressKey(address), t),
        lockedUntil(accountKey(username), t),
      );
      const pairUntil = count(pairKey(username, address), settings.maxFailures, t, guard);
      if (pairUntil) started.push({ scope: 'pair', seconds: seconds(pairUntil - t) });
      purge.run(t - settings.forgetAfterMs, t - settings.forgetAfterMs);
      return started;
    },
    /** A correct password clears its pair; the address and account guards keep counting. */
    succeeded(username: string, address: string): void {
      remove.run(pairKey(username, address));
    },
    /**
     * The same counting for other secrets typed from an address (pairing codes): `key` is
     * locked after `maxFailures` wrong tries within the window, with the same growing lockout.
     */
    checkKey(key: string): void {
      const until = lockedUntil(`key:${key}`, now());
      if (until) throw lockedError(until - now());
    },
    failedKey(key: string): void {
      count(`key:${key}`, settings.maxFailures, now());
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
