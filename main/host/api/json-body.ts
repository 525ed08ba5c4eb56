import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error';
import { createDepthGauge } from './json-depth';

/**
 * Reads a JSON body up to `limit` bytes and `maxDepth` levels of nesting; refuses larger or
 * deeper bodies without buffering or parsing them.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
  maxDepth: number,
): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new ApiError(413, 'payload_too_large', { limit: formatBytes(limit) });
  }
  const chunks: Buffer[] = [];
  const gauge = createDepthGauge(maxDepth);
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      req.resume();
      throw new ApiError(413, 'payload_too_large', { limit: formatBytes(limit) });
    }
    if (!gauge.push(buf)) {
      req.resume();
      throw new ApiError(400, 'json_too_deep', { limit: maxDepth });
    }
    chunks.push(buf);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
