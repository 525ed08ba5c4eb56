import type { IncomingMessage } from 'node:http';
import type { minutesCommands } from '../../../../shared/api/commands/minutes';
import { ApiError } from '../api-error';
import type { Handler } from '../handler-types';
import { formatBytes } from '../json-body';

type C = typeof minutesCommands;

/**
 * Signed minutes and decisions are a few MB. Each signature hashes nearly the whole file, so the
 * cap bounds a request's work (with the cap on signatures, pdf-signatures-read.ts) as well as its
 * memory.
 */
export const MAX_VERIFY_PDF_BYTES = 32 * 1024 * 1024;

async function readPdf(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const tooLarge = () =>
    new ApiError(413, 'payload_too_large', { limit: formatBytes(MAX_VERIFY_PDF_BYTES) });
  if (Number.isFinite(declared) && declared > MAX_VERIFY_PDF_BYTES) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_VERIFY_PDF_BYTES) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export const verifyPdf: Handler<C['verifyPdf']> = async (ctx, s) => {
  const pdf = await readPdf(ctx.req);
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new ApiError(400, 'pdf_malformed');
  return s.minutes.verifyBytes(pdf);
};
