// Messages between the host and the signature-verifying worker (verify-worker.ts).
import type { SignatureReport } from '../../../shared/api/schemas/minutes';

export interface VerifyRequest {
  /** Matches the answer to the request (the worker verifies one file after another). */
  id: number;
  pdf: Uint8Array;
  /** The trusted roots as DER (parsed certificates do not cross threads). */
  roots: Uint8Array[];
  /** The time to judge validity at (ms since the epoch). */
  at: number;
}

export type VerifyOutcome =
  | { ok: true; reports: SignatureReport[] }
  | { ok: false; reason: 'too_many_signatures'; limit: number }
  | { ok: false; reason: 'failed'; detail: string };

export interface VerifyAnswer {
  id: number;
  outcome: VerifyOutcome;
}
