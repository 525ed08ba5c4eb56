import path from 'node:path';
import os from 'node:os';
import type { SpawnParserChild } from './documents/parser-child';
import type { ThrottleSettings } from './security/login-throttle';

export interface HostConfig {
  dataDir: string;
  port: number;
  bind: string;
  demo: boolean;
  /** Largest accepted PDF upload, bytes. */
  maxUploadBytes: number;
  /** Largest accepted JSON body, bytes. */
  maxJsonBytes: number;
  sessionLifetimeMs: number;
  /** Folder with the built renderer (index.html), served at `/`. */
  rendererDir: string | null;
  /** Print the generated admin password here (first start only). */
  announce: (line: string) => void;
  /**
   * HTTPS: `undefined` decides by itself (on when the bind address is not loopback or a
   * certificate is given); `true` forces it (tests on 127.0.0.1); `false` refuses a LAN bind.
   */
  tls: boolean | undefined;
  /** Admin-provided certificate chain and key (PEM files); otherwise the host makes its own CA. */
  tlsCertFile: string | null;
  tlsKeyFile: string | null;
  /** Extra names for the generated server certificate (e.g. a DNS name the room uses). */
  tlsNames: string[];
  /** Login throttling per (account, address), with address and account guards (login-throttle.ts). */
  loginThrottle: ThrottleSettings;
  /** Lifetime of a pairing code shown on the room screen. */
  pairingLifetimeMs: number;
  /** Milliseconds since the epoch; replaceable so tests can move time instead of waiting. */
  clock: () => number;
  /**
   * Starts a PDF parse process. `null` forks Node (the headless host); Electron's main process
   * passes utility processes, since the packaged app cannot fork its binary as Node.
   */
  spawnParserChild: SpawnParserChild | null;
}

export function defaultDataDir(): string {
  if (process.env.PHONGHOP_DATA_DIR) return process.env.PHONGHOP_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(
      process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'),
      'phong-hop-khong-giay',
    );
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'phong-hop-khong-giay');
  return path.join(
    process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'),
    'phong-hop-khong-giay',
  );
}

export function resolveConfig(partial: Partial<HostConfig> = {}): HostConfig {
  return {
    dataDir: partial.dataDir ?? defaultDataDir(),
    port: partial.port ?? 8740,
    bind: partial.bind ?? '127.0.0.1',
    demo: partial.demo ?? false,
    maxUploadBytes: partial.maxUploadBytes ?? 200 * 1024 * 1024,
    maxJsonBytes: partial.maxJsonBytes ?? 2 * 1024 * 1024,
    sessionLifetimeMs: partial.sessionLifetimeMs ?? 12 * 60 * 60 * 1000,
    rendererDir: partial.rendererDir === undefined ? null : partial.rendererDir,
    announce: partial.announce ?? ((line) => process.stdout.write(`${line}\n`)),
    tls: partial.tls,
    tlsCertFile: partial.tlsCertFile ?? null,
    tlsKeyFile: partial.tlsKeyFile ?? null,
    tlsNames: partial.tlsNames ?? [],
    loginThrottle: partial.loginThrottle ?? {
      maxFailures: 5,
      windowMs: 60_000,
      lockoutMs: 60_000,
      maxLockoutMs: 60 * 60_000,
      maxFailuresPerAddress: 30,
      maxFailuresPerAccount: 20,
      forgetAfterMs: 24 * 60 * 60_000,
    },
    pairingLifetimeMs: partial.pairingLifetimeMs ?? 10 * 60 * 1000,
    clock: partial.clock ?? Date.now,
    spawnParserChild: partial.spawnParserChild ?? null,
  };
}
