import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type https from 'node:https';
import { openDatabase } from './archive/db';
import { resolveConfig } from './config';
import type { HostConfig } from './config';
import { createLogger } from './logger';
import type { Logger } from './logger';
import { createServices } from './services';
import type { Services } from './services';
import { createHttpServer } from './api/http-server';
import { handlers } from './api/handlers';
import { createSyncServer } from './sync/sync-server';
import { ensureAdmin } from './bootstrap/first-run';
import { seedDemo } from './bootstrap/demo-seed';
import { demoExtensions } from './bootstrap/demo-extensions';
import { resolveHostTls } from './tls/host-tls';
import type { HostTlsMaterial } from './tls/host-tls';
import { createFrontDoor } from './tls/https-front-door';

export interface RunningHost {
  url: string;
  port: number;
  services: Services;
  /** The certificate when serving HTTPS (fingerprint, CA for clients to trust), else null. */
  tls: HostTlsMaterial | null;
  close(): Promise<void>;
}

/**
 * Starts a meeting host: opens the archive, creates the first admin, seeds the demo if asked,
 * serves HTTP + sync. Used by the headless CLI, Electron's main process and the tests alike.
 */
export async function startHost(
  partial: Partial<HostConfig> = {},
  logger?: Logger,
): Promise<RunningHost> {
  const config = resolveConfig(partial);
  const log = logger ?? createLogger();
  const db = openDatabase(path.join(config.dataDir, 'archive.sqlite'), {
    onBackup: (file) => log.info({ file }, 'database backed up before migration'),
  });
  const services = createServices(db, config, log);
  try {
    await ensureAdmin(services);
    if (config.demo) await seedDemo(services, demoExtensions);
  } catch (err) {
    db.close();
    throw err;
  }
  let tls: HostTlsMaterial | null;
  try {
    tls = await resolveHostTls(config, log);
  } catch (err) {
    db.close();
    throw err;
  }
  const server = createHttpServer(
    services,
    handlers,
    tls ? { cert: tls.certChainPem, key: tls.keyPem } : undefined,
  );
  // Only pages this host served (or the desktop shell) may open sync sockets.
  const sync = createSyncServer(services, {
    allowOrigin: (origin, req) => services.security.allowOrigin(origin, req.headers.host),
  });
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));
  const hostPart = config.bind.includes(':') ? `[${config.bind}]` : config.bind;
  // Over TLS one port answers both: HTTPS, and plain HTTP that only redirects to HTTPS.
  const frontDoor = tls ? createFrontDoor(server as https.Server, hostPart) : null;
  const listener = frontDoor?.server ?? server;

  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(config.port, config.bind, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  const port = (listener.address() as AddressInfo).port;
  const url = `${tls ? 'https' : 'http'}://${hostPart}:${port}`;
  services.security.setTransport({ url, tls });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    services,
    tls,
    close() {
      closing ??= (async () => {
        // Stop taking requests, let in-flight ones finish, flush sync docs, then close SQLite.
        const stopped = frontDoor
          ? frontDoor.close()
          : new Promise<void>((resolve) => server.close(() => resolve()));
        await sync.close();
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        await stopped;
        clearTimeout(force);
        // A term-statistics pass reads the archive from a worker with its own connection; it
        // ends on its own, and the folder must be left alone once close() resolves.
        await services.search.settle();
        await services.minutes.close();
        db.close();
      })();
      return closing;
    },
  };
}
