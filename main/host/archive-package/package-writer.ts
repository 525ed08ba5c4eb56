// Builds a ZIP whose last entry is a manifest listing every other file with its SHA-256. Files are
// hashed while yazl streams them out, so a paper of any size passes through a small buffer and the
// manifest is written once every hash is known.
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import type { ManifestFile } from '../../../shared/api/schemas/archive';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function createPackageWriter() {
  const zip = new yazl.ZipFile();
  const files: ManifestFile[] = [];
  const hashing: Promise<void>[] = [];
  const mtime = new Date();

  return {
    output: zip.outputStream as Readable,
    files,
    addBuffer(path: string, kind: string, data: Buffer | string, description?: string): void {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      files.push({
        path,
        sha256: sha256(buf),
        size: buf.length,
        kind,
        ...(description ? { description } : {}),
      });
      zip.addBuffer(buf, path, { mtime, compress: true });
    },
    addJson(path: string, kind: string, value: unknown, description?: string): void {
      this.addBuffer(path, kind, `${JSON.stringify(value, null, 2)}\n`, description);
    },
    /**
     * Streams the chunks of `open()` into the package when yazl reaches this entry (so files are
     * opened one at a time); PDFs are stored, not deflated (they are compressed already).
     */
    addStream(
      path: string,
      kind: string,
      open: () => AsyncIterable<Buffer | string>,
      opts: { compress: boolean; description?: string },
    ): void {
      const source = Readable.from(
        (async function* lazily() {
          yield* open();
        })(),
        { objectMode: false },
      );
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer | string, _enc, done) {
          hash.update(chunk);
          size += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
          done(null, chunk);
        },
      });
      source.on('error', (err) => tap.destroy(err));
      source.pipe(tap);
      hashing.push(
        finished(tap).then(() => {
          files.push({
            path,
            sha256: hash.digest('hex'),
            size,
            kind,
            ...(opts.description ? { description: opts.description } : {}),
          });
        }),
      );
      zip.addReadStream(tap, path, { mtime, compress: opts.compress });
    },
    /** Waits for every streamed file, adds `manifest.json` built from the file list, ends the ZIP. */
    async finish(buildManifest: (files: ManifestFile[]) => unknown): Promise<void> {
      await Promise.all(hashing);
      files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const manifest = Buffer.from(`${JSON.stringify(buildManifest(files), null, 2)}\n`, 'utf8');
      zip.addBuffer(manifest, 'manifest.json', { mtime, compress: true });
      zip.end();
    },
    abort(err: Error): void {
      (zip.outputStream as Readable).destroy(err);
    },
  };
}
export type PackageWriter = ReturnType<typeof createPackageWriter>;
