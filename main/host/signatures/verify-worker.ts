// The worker thread that verifies PDF signatures for the host (verify-off-thread.ts): reading a
// file's signatures, hashing its byte ranges and parsing its CMS is CPU work on bytes anyone signed
// in may send, so it runs here, where the host can stop it on a deadline, and never on the thread
// that answers everyone else.
import { parentPort } from 'node:worker_threads';
import { parseCertificate } from '../../../shared/signing/pkcs12';
import { TooManySignaturesError } from './pdf-signatures-read';
import { verifyPdfSignatures } from './verify-pdf';
import type { VerifyAnswer, VerifyOutcome, VerifyRequest } from './verify-protocol';

async function verify(req: VerifyRequest): Promise<VerifyOutcome> {
  try {
    const roots = req.roots.map((der) => parseCertificate(der));
    const reports = await verifyPdfSignatures(req.pdf, roots, new Date(req.at));
    return { ok: true, reports };
  } catch (err) {
    if (err instanceof TooManySignaturesError)
      return { ok: false, reason: 'too_many_signatures', limit: err.limit };
    return {
      ok: false,
      reason: 'failed',
      detail: err instanceof Error ? err.message : String(err),
    };
  }
}

const port = parentPort;
if (!port) throw new Error('verify-worker runs as a worker thread');
port.on('message', (req: VerifyRequest) => {
  void verify(req).then((outcome) =>
    port.postMessage({ id: req.id, outcome } satisfies VerifyAnswer),
  );
});
