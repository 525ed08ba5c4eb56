// Host hardening in one service: login throttling, host identity, pairing codes and what the
// transport looks like from outside (URL, certificate), which host.ts fills in once listening.
import type { Database } from '../archive/db';
import type { HostConfig } from '../config';
import type { HostTlsMaterial } from '../tls/host-certificates';
import { createPairingCodes } from '../pairing/pairing-codes';
import { createLoginThrottle } from './login-throttle';
import { loadHostIdentity } from './host-identity';
import { createLoginLog } from './login-log';
import { isOriginAllowed } from './origin-policy';

export interface HostTransport {
  url: string;
  tls: HostTlsMaterial | null;
}

export function createSecurity(db: Database, config: HostConfig) {
  let transport: HostTransport = { url: '', tls: null };
  let identity: { id: string; name: string } | undefined;
  const sessionsOf = db.prepare<[string, string], { createdAt: string; expiresAt: string }>(
    'SELECT created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE user_id = ? AND expires_at >= ? ORDER BY created_at',
  );
  return {
    /** A user's live sessions (no tokens: only their hashes are stored anyway). */
    sessionsOf: (userId: string) => sessionsOf.all(userId, new Date(config.clock()).toISOString()),
    throttle: createLoginThrottle(db, config.loginThrottle, config.clock),
    loginLog: createLoginLog(db, config.clock),
    pairing: createPairingCodes(db, config.pairingLifetimeMs, config.clock),
    /** Loaded on first use: the migrations have run by then. */
    identity() {
      identity ??= loadHostIdentity(db);
      return identity;
    },
    transport: () => transport,
    setTransport(next: HostTransport) {
      transport = next;
    },
    /** For the sync server's `allowOrigin` hook: only pages served by this host may connect. */
    allowOrigin: (origin: string | undefined, hostHeader: string | undefined) =>
      isOriginAllowed(origin, hostHeader, transport.url),
  };
}
export type Security = ReturnType<typeof createSecurity>;
