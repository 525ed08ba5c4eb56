// Looks at the first bytes of an upload and says why it is not a PDF (or nothing if it may be).
// A file named .pdf is often something else: a .docx (a ZIP), a saved web page, a login page
// returned by a proxy. Those are refused before any parser sees them.
import { ApiError } from '../api/api-error';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export function sniffPdf(head: Buffer): ApiError | null {
  if (head.length === 0) return new ApiError(400, 'document_empty');
  // ZIP and markup first: such a file is refused even if it embeds a PDF header somewhere.
  if (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 0x03 || head[2] === 0x05 || head[2] === 0x07)
  )
    return new ApiError(415, 'document_is_zip');
  const text = head
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart();
  if (text.startsWith('<')) return new ApiError(415, 'document_is_html');
  // The PDF header may follow some junk, but must be within the first 1024 bytes (ISO 32000-1, 7.5.2 note).
  if (head.subarray(0, 1024).indexOf(PDF_MAGIC) !== -1) return null;
  return new ApiError(415, 'document_not_pdf');
}
