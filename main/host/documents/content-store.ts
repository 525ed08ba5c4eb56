// The content-addressed paper store: <data>/documents/<sha256[0..2]>/<sha256>.pdf. An upload is
// streamed to a temp file beside the store (same file system, so the final rename is atomic),
// hashed on the way, fsynced, and only then renamed into place; the same bytes are stored once.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { Readable, Writable } from 'node:stream';
import { ApiError } from '../api/api-error';
import { sniffPdf } from './sniff';

export interface ReceivedFile {
  tmpFile: string;
  sha256: string;
  size: number;
}

const SNIFF_BYTES = 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/**
 * body → check → file. Unlike stream.pipeline this leaves `body` (the request) alive when `check`
 * refuses the upload, so the host can still answer 413/415 on the same connection; the caller
 * drains or closes it.
 */
function copyInto(body: Readable, check: Transform, out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      body.unpipe(check);
      check.destroy();
      const error = err instanceof Error ? err : new Error(String(err));
      // Wait for the file to be closed (it may still be opening): removing it earlier could
      // leave an empty temp file created after the removal.
      if (out.closed) reject(error);
      else {
        out.once('close', () => reject(error));
        out.destroy();
      }
    };
    body.once('error', fail);
    // The client hung up before sending everything it announced.
    body.once('aborted', () => fail(new Error('upload aborted')));
    body.once('close', () => {
      if (!(body as Readable & { complete?: boolean }).complete && body.readableEnded === false)
        fail(new Error('upload cut off'));
    });
    check.once('error', fail);
    out.once('error', fail);
    out.once('finish', () => {
      if (!failed) resolve();
    });
    body.pipe(check).pipe(out);
  });
}

export function createContentStore(dataDir: string) {
  const root = path.join(dataDir, 'documents');
  const tmpDir = path.join(root, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  // Temp files left by a crash or a power cut belong to uploads that were never acknowledged.
  for (const name of fs.readdirSync(tmpDir)) fs.rmSync(path.join(tmpDir, name), { force: true });

  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), `${sha256}.pdf`);

  async function fsyncDir(dir: string): Promise<void> {
    const fh = await fsp.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  return {
    root,
    tmpDir,
    pathOf,

    /**
     * Streams `body` to a temp file: refuses it as soon as the first bytes show it is not a PDF
     * or it grows past `limit`. On any failure (including the client hanging up) the temp file
     * is removed before the error is passed on.
     */
    async receive(body: Readable, limit: number): Promise<ReceivedFile> {
      const tmpFile = path.join(tmpDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let size = 0;
      let head: Buffer = Buffer.alloc(0);
      let sniffed = false;
      const check = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > limit) {
            done(new ApiError(413, 'payload_too_large', { limit: formatBytes(limit) }));
            return;
          }
          if (!sniffed) {
            head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)]);
            if (head.length >= SNIFF_BYTES) {
              sniffed = true;
              const refusal = sniffPdf(head);
              if (refusal) {
                done(refusal);
                return;
              }
            }
          }
          hash.update(chunk);
          done(null, chunk);
        },
        flush(done) {
          if (size === 0) done(new ApiError(400, 'document_empty'));
          else done(sniffed ? null : sniffPdf(head));
        },
      });
      try {
        await copyInto(body, check, fs.createWriteStream(tmpFile, { flags: 'wx' }));
        const fh = await fsp.open(tmpFile, 'r+');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
      } catch (err) {
        await fsp.rm(tmpFile, { force: true });
        throw err;
      }
      return { tmpFile, sha256: hash.digest('hex'), size };
    },

    /** Moves a received file into the store (or drops it when the same bytes are already there). */
    async commit(file: ReceivedFile): Promise<string> {
      const target = pathOf(file.sha256);
      const dir = path.dirname(target);
      await fsp.mkdir(dir, { recursive: true });
      if (fs.existsSync(target)) {
        await fsp.rm(file.tmpFile, { force: true });
        return target;
      }
      await fsp.rename(file.tmpFile, target);
      // The rename is durable only once the folder entry is on disk too.
      await fsyncDir(dir);
      return target;
    },

    async discard(tmpFile: string): Promise<void> {
      await fsp.rm(tmpFile, { force: true });
    },

    /** Removes stored bytes that no paper refers to any more. */
    async removeIfUnused(sha256: string, inUse: (sha256: string) => boolean): Promise<void> {
      if (!inUse(sha256)) await fsp.rm(pathOf(sha256), { force: true });
    },
  };
}
export type ContentStore = ReturnType<typeof createContentStore>;
