import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

/**
 * Serves the built renderer. Unknown paths without an extension get index.html (client-side
 * routes). Paths are resolved inside the root only.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  root: string | null,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new ApiError(405, 'method_not_allowed');
  if (!root) {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(
      'Phòng họp không giấy: the app is not built (npm run build:renderer). The API is at /api/v1.\n',
    );
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    throw new ApiError(400, 'bad_request', { detail: 'path' });
  }
  const base = path.resolve(root);
  let file = path.resolve(base, `.${path.posix.normalize(rel)}`);
  if (file !== base && !file.startsWith(base + path.sep))
    throw new ApiError(404, 'not_found', { what: rel });
  let stat = await fs.promises.stat(file).catch(() => null);
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = await fs.promises.stat(file).catch(() => null);
  }
  if (!stat || !stat.isFile()) {
    if (path.extname(rel)) throw new ApiError(404, 'not_found', { what: rel });
    file = path.join(base, 'index.html');
    stat = await fs.promises.stat(file).catch(() => null);
    if (!stat) throw new ApiError(404, 'not_found', { what: rel });
  }
  const ext = path.extname(file).toLowerCase();
  res.statusCode = 200;
  res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
  res.setHeader('Content-Length', stat.size);
  // Hashed asset names never change; index.html must always be fresh.
  res.setHeader(
    'Cache-Control',
    file.includes(`${path.sep}assets${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  );
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = fs.createReadStream(file);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}
