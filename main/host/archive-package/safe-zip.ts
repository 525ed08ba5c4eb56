// Reads untrusted ZIP files (meeting packages from other hosts, backups) without trusting them:
// every entry is checked from the central directory before anything is extracted (names that
// escape the target folder, absolute paths, symlinks, duplicates, encryption, sizes and
// compression ratios of zip bombs), and sizes are enforced again while the bytes stream.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ApiError } from '../api/api-error';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Largest uncompressed/compressed ratio for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 16 * 1024 ** 3,
  maxEntryBytes: 4 * 1024 ** 3,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface CheckedEntry {
  name: string;
  entry: Entry;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The entry's name, checked: relative, '/'-separated, no '..', no drive letters, no NUL. */
export function checkEntryName(raw: Buffer | string): string {
  let name: string;
  try {
    name = typeof raw === 'string' ? raw : utf8.decode(raw);
  } catch {
    throw new ApiError(400, 'package_bad_name', {
      name: Buffer.from(raw).toString('latin1').slice(0, 100),
    });
  }
  const shown = name.slice(0, 200);
  if (name.length === 0 || name.includes('\0'))
    throw new ApiError(400, 'package_bad_name', { name: shown });
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.startsWith('\\\\'))
    throw new ApiError(400, 'package_absolute_path', { name: shown });
  const segments = name.split(/[\\/]/);
  if (segments.includes('..') || name.includes('\\'))
    throw new ApiError(400, 'package_path_traversal', { name: shown });
  const body = name.endsWith('/') ? segments.slice(0, -1) : segments;
  if (body.some((s) => s === '' || s === '.'))
    throw new ApiError(400, 'package_bad_name', { name: shown });
  return name.normalize('NFC');
}

function open(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) =>
        err || !zip
          ? reject(new ApiError(400, 'package_invalid', { detail: err?.message ?? 'unreadable' }))
          : resolve(zip),
    );
  });
}

/** Opens `file` and checks every entry; throws a 4xx ApiError on the first refusal. */
export async function openChecked(
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<{ zip: ZipFile; entries: CheckedEntry[] }> {
  const zip = await open(file);
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new ApiError(400, 'package_too_many_entries', { limit: limits.maxEntries });
    const entries: CheckedEntry[] = [];
    const seen = new Set<string>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err: Error) =>
        reject(
          err instanceof ApiError
            ? err
            : new ApiError(400, 'package_invalid', { detail: err.message }),
        ),
      );
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        try {
          const name = checkEntryName(entry.fileName as unknown as Buffer);
          const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
          if (mode === S_IFLNK) throw new ApiError(400, 'package_symlink', { name });
          const key = name.toLowerCase();
          if (seen.has(key)) throw new ApiError(400, 'package_duplicate_entry', { name });
          seen.add(key);
          if (entry.isEncrypted()) throw new ApiError(400, 'package_encrypted', { name });
          if (!name.endsWith('/')) {
            total += entry.uncompressedSize;
            if (entry.uncompressedSize > limits.maxEntryBytes || total > limits.maxTotalBytes)
              throw new ApiError(413, 'package_too_large', {
                limit: `${Math.round(limits.maxTotalBytes / 1024 ** 2)} MB`,
              });
            const ratio =
              entry.compressedSize === 0 ? Infinity : entry.uncompressedSize / entry.compressedSize;
            if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
              throw new ApiError(400, 'package_compression_ratio', {
                name,
                limit: limits.maxRatio,
              });
            entries.push({ name, entry });
          }
          zip.readEntry();
        } catch (err) {
          reject(err);
        }
      });
      zip.readEntry();
    });
    return { zip, entries };
  } catch (err) {
    zip.close();
    throw err;
  }
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) =>
      err || !stream
        ? reject(
            new ApiError(400, 'package_invalid', { detail: err?.message ?? 'unreadable entry' }),
          )
        : resolve(stream),
    );
  });
}

/** Writes one entry to `dest`, hashing it; never more bytes than the entry declared. */
export async function extractEntry(
  zip: ZipFile,
  e: CheckedEntry,
  dest: string,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > e.entry.uncompressedSize) {
        done(
          new ApiError(400, 'package_invalid', { detail: `${e.name} is larger than it declares` }),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      await openEntry(zip, e.entry),
      count,
      fs.createWriteStream(dest, { flags: 'wx' }),
    );
  } catch (err) {
    throw err instanceof ApiError
      ? err
      : new ApiError(400, 'package_invalid', { detail: `${e.name}: ${(err as Error).message}` });
  }
  return { sha256: hash.digest('hex'), size };
}

/** Reads a small entry (the manifest) into memory, refusing it above `max` bytes. */
export async function readEntry(zip: ZipFile, e: CheckedEntry, max: number): Promise<Buffer> {
  if (e.entry.uncompressedSize > max)
    throw new ApiError(400, 'package_manifest_invalid', { detail: `${e.name} is too large` });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of (await openEntry(zip, e.entry)) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max)
        throw new ApiError(400, 'package_manifest_invalid', { detail: `${e.name} is too large` });
      chunks.push(chunk);
    }
  } catch (err) {
    throw err instanceof ApiError
      ? err
      : new ApiError(400, 'package_invalid', { detail: `${e.name}: ${(err as Error).message}` });
  }
  return Buffer.concat(chunks);
}
