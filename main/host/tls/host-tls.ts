import path from 'node:path';
import type { HostConfig } from '../config';
import type { Logger } from '../logger';
import { ensureHostCertificates, loadProvidedCertificate } from './host-certificates';
import type { HostTlsMaterial } from './host-certificates';
import { hostNamesFor, isLoopbackBind } from './host-names';

export type { HostTlsMaterial };

/**
 * Decides whether the host serves HTTPS and with which certificate. Passwords and confidential
 * papers must never cross the room's Wi-Fi in clear, so any non-loopback bind needs TLS.
 */
export async function resolveHostTls(
  config: HostConfig,
  log: Logger,
): Promise<HostTlsMaterial | null> {
  const provided = config.tlsCertFile !== null || config.tlsKeyFile !== null;
  if (provided && (config.tlsCertFile === null || config.tlsKeyFile === null))
    throw new Error('--tls-cert and --tls-key go together: give both files or neither.');
  const lan = !isLoopbackBind(config.bind);
  const wanted = config.tls ?? (lan || provided);
  if (!wanted) {
    if (lan)
      throw new Error(
        `Serving the network (${config.bind}) requires TLS; it cannot be turned off.`,
      );
    return null;
  }
  const material = provided
    ? loadProvidedCertificate(config.tlsCertFile!, config.tlsKeyFile!)
    : await ensureHostCertificates({
        dir: path.join(config.dataDir, 'tls'),
        names: hostNamesFor(config.bind, config.tlsNames),
      });
  log.info(
    { fingerprint: material.fingerprint, generated: material.generated },
    'TLS certificate (SHA-256 fingerprint of the root)',
  );
  return material;
}
