import path from 'node:path';
import type { AddressInfo } from 'node:net';
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

export interface RunningHost {
  url: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

/**
 * Starts a meeting host: opens the archive, creates the first admin, seeds the demo if asked,
 * serves HTTP + sync. Used by the headless CLI, Electron's main process and the tests alike.
 */
export async function startHost(partial: Partial<HostConfig> = {}, logger?: Logger): Promise<RunningHost> {
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
  const server = createHttpServer(services, handlers);
  const sync = createSyncServer(services);
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.bind, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostPart = config.bind.includes(':') ? `[${config.bind}]` : config.bind;
  const url = `http://${hostPart}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    services,
    close() {
      closing ??= (async () => {
        // Stop taking requests, let in-flight ones finish, flush sync docs, then close SQLite.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await sync.close();
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        await stopped;
        clearTimeout(force);
        db.close();
      })();
      return closing;
    },
  };
}
