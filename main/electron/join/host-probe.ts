// Talking to a room's host from the desktop app before trusting it: the first request (the host's
// public identity, no secrets) accepts any certificate but checks the presented chain against the
// pinned fingerprint; every later request trusts only that chain's root, verified by TLS itself.
import https from 'node:https';
import http from 'node:http';
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { chainMatchesPin, compactFingerprint } from '../security/certificate-pinning';

export interface HostIdentityAnswer {
  hostId: string;
  name: string;
  url: string;
  tls: boolean;
  fingerprint: string | null;
}

export interface Probe {
  identity: HostIdentityAnswer;
  /** Root certificate of the presented chain (PEM); null for plain http on this computer. */
  caPem: string | null;
  /** SHA-256 of that root, compact hex. */
  fingerprint: string | null;
}

export class PinError extends Error {
  constructor(
    readonly code: 'fingerprint_mismatch' | 'unreachable',
    message: string,
    readonly actual?: string,
  ) {
    super(message);
  }
}

function chainOf(socket: TLSSocket): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let cert: PeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(new X509Certificate(cert.raw).toString());
    const next: PeerCertificate | undefined = (
      cert as PeerCertificate & { issuerCertificate?: PeerCertificate }
    ).issuerCertificate;
    cert = next && next !== cert ? next : undefined;
  }
  return out;
}

interface JsonAnswer {
  status: number;
  body: unknown;
}

function readJson(res: http.IncomingMessage): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1024 * 1024) res.destroy(new Error('answer too large'));
      else chunks.push(c);
    });
    res.on('end', () => {
      try {
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    res.on('error', reject);
  });
}

/** GET /api/v1/host/identity; checks the chain against `pinned` when given. */
export function probeHost(
  baseUrl: string,
  pinned: string | undefined,
  timeoutMs = 8000,
): Promise<Probe> {
  const url = new URL('/api/v1/host/identity', baseUrl);
  return new Promise<Probe>((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage) => {
      let caPem: string | null = null;
      let fingerprint: string | null = null;
      if (url.protocol === 'https:') {
        const chain = chainOf(res.socket as TLSSocket);
        const root = chain[chain.length - 1];
        if (!root) {
          res.destroy();
          reject(new PinError('unreachable', 'The host presented no certificate.'));
          return;
        }
        caPem = root;
        fingerprint = compactFingerprint(new X509Certificate(root).fingerprint256);
        const expected = pinned ?? fingerprint;
        if (!chainMatchesPin(chain, url.hostname, expected)) {
          res.destroy();
          reject(
            new PinError(
              'fingerprint_mismatch',
              'The host certificate does not match the expected fingerprint.',
              fingerprint,
            ),
          );
          return;
        }
      }
      readJson(res).then(({ status, body }) => {
        if (status !== 200) reject(new PinError('unreachable', `The host answered ${status}.`));
        else resolve({ identity: body as HostIdentityAnswer, caPem, fingerprint });
      }, reject);
    };
    const req =
      url.protocol === 'https:'
        ? // Not trusting the chain yet is deliberate: it is checked against the pin above, and
          // this request carries no secret.
          https.request(
            url,
            { method: 'GET', rejectUnauthorized: false, timeout: timeoutMs, agent: false },
            onResponse,
          )
        : http.request(url, { method: 'GET', timeout: timeoutMs, agent: false }, onResponse);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) =>
      reject(err instanceof PinError ? err : new PinError('unreachable', err.message)),
    );
    req.end();
  });
}

/** A JSON request trusting only `caPem` (full TLS verification, host name included). */
export function requestJson(
  baseUrl: string,
  path: string,
  init: { method: string; body?: unknown; caPem: string | null; lang?: string },
): Promise<JsonAnswer> {
  const url = new URL(path, baseUrl);
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': init.lang ?? 'vi',
  };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const options = { method: init.method, headers, timeout: 8000, agent: false as const };
    const req =
      url.protocol === 'https:'
        ? https.request(
            url,
            { ...options, ca: init.caPem ?? undefined, rejectUnauthorized: true },
            (res) => readJson(res).then(resolve, reject),
          )
        : http.request(url, options, (res) => readJson(res).then(resolve, reject));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}
