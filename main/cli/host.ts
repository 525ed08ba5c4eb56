// Headless meeting host: `npm run host -- [--data DIR] [--port N] [--bind ADDR] [--demo]
// [--tls-cert FILE --tls-key FILE]`. A bind other than loopback serves HTTPS (own CA unless given).
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startHost } from '../host/host';
import { createLogger } from '../host/logger';
import { parseArgs } from './args';

const here = path.dirname(fileURLToPath(import.meta.url));

export function builtRendererDir(): string | null {
  const dir = path.resolve(here, '../../dist/renderer');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}

async function main(): Promise<void> {
  const log = createLogger();
  let args: Record<string, string | boolean>;
  try {
    args = parseArgs(process.argv.slice(2), {
      data: 'string',
      port: 'string',
      bind: 'string',
      demo: 'boolean',
      'tls-cert': 'string',
      'tls-key': 'string',
    });
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const port = args.port === undefined ? undefined : Number(args.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error(`--port must be a number from 0 to 65535, not ${String(args.port)}`);
    process.exit(2);
  }
  const rendererDir = builtRendererDir();
  if (!rendererDir)
    log.warn('the app is not built: run `npm run build` to serve it (the API works without it)');
  const host = await startHost(
    {
      dataDir: typeof args.data === 'string' ? path.resolve(args.data) : undefined,
      port,
      bind: typeof args.bind === 'string' ? args.bind : undefined,
      demo: args.demo === true,
      rendererDir,
      tlsCertFile:
        typeof args['tls-cert'] === 'string' ? path.resolve(args['tls-cert']) : undefined,
      tlsKeyFile: typeof args['tls-key'] === 'string' ? path.resolve(args['tls-key']) : undefined,
    },
    log,
  );
  // The acceptance contract: one line containing "listening on http://ADDR:PORT".
  console.log(`Phòng họp không giấy: listening on ${host.url}`);
  if (host.tls) {
    // Tablets compare this with the fingerprint on the room screen (or trust the CA below).
    console.log(`TLS certificate SHA-256 fingerprint: ${host.tls.fingerprint}`);
    console.log(`Host CA for tablets to trust: ${host.url}/api/v1/host/ca.pem`);
  }
  if (args.demo === true)
    console.log(
      `Demo: open ${host.url}/ and sign in as thu-ky, chu-toa or dai-bieu-1..5 (password "demo").`,
    );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    host.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
