// Verifies PDF signatures in a worker thread (verify-worker.ts) with a deadline, one file after
// another, so that a crafted or merely large file sent to POST /verify costs that worker's time
// and never the event loop that answers every other user. A worker past its deadline is
// terminated and a fresh one takes the next file.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type * as pkijs from 'pkijs';
import type { SignatureReport } from '../../../shared/api/schemas/minutes';
import { ApiError } from '../api/api-error';
import { certificateDer } from './certificate-info';
import type { VerifyAnswer, VerifyRequest } from './verify-protocol';

export interface PdfVerifierOptions {
  /** How long one file may take, from when the worker takes it. */
  timeoutMs?: number;
  /** Files that may wait for the worker; more are answered 503 at once. */
  maxWaiting?: number;
}

/** Hashing 50 byte ranges of a 20 MB file takes a few seconds; far beyond that is an attack. */
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_WAITING = 8;

const require = createRequire(import.meta.url);

/**
 * A worker running verify-worker: from source, the TypeScript file through tsx's API (a worker
 * does not take `--import` loaders on Node 20); once bundled, the built verify-worker.js beside the
 * bundle (scripts/build-main.mjs).
 */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const tsxApi = path.join(
      path.dirname(require.resolve('tsx/package.json')),
      'dist/esm/api/index.mjs',
    );
    const entry = new URL('./verify-worker.ts', import.meta.url).href;
    const source = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, __filename));`;
    return new Worker(source, { eval: true });
  }
  return new Worker(fileURLToPath(new URL('./verify-worker.js', import.meta.url)));
}

interface Job {
  request: VerifyRequest;
  resolve(reports: SignatureReport[]): void;
  reject(err: Error): void;
}

export function createPdfVerifier(options: PdfVerifierOptions = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
  const waiting: Job[] = [];
  let worker: Worker | null = null;
  let current: { job: Job; timer: NodeJS.Timeout } | null = null;
  let nextId = 1;
  let closed = false;

  function dropWorker(): void {
    const w = worker;
    worker = null;
    if (w) void w.terminate();
  }

  function finish(settle: (job: Job) => void): void {
    if (!current) return;
    const { job, timer } = current;
    clearTimeout(timer);
    current = null;
    settle(job);
    pump();
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = startWorker();
    w.on('message', (answer: VerifyAnswer) => {
      if (worker !== w || current?.job.request.id !== answer.id) return;
      const outcome = answer.outcome;
      finish((job) => {
        if (outcome.ok) job.resolve(outcome.reports);
        else if (outcome.reason === 'too_many_signatures')
          job.reject(new ApiError(422, 'pdf_too_many_signatures', { limit: outcome.limit }));
        else job.reject(new Error(`signature verification failed: ${outcome.detail}`));
      });
    });
    const died = (detail: string) => {
      if (worker !== w) return;
      worker = null;
      finish((job) => job.reject(new Error(`signature verifier stopped: ${detail}`)));
    };
    w.on('error', (err) => died(err.message));
    w.on('exit', (code) => died(`exit ${code}`));
    worker = w;
    return w;
  }

  function pump(): void {
    if (current || closed) return;
    const job = waiting.shift();
    if (!job) {
      // Idle: the worker must not keep a finished host (or CLI, or test run) alive.
      worker?.unref();
      return;
    }
    const w = ensureWorker();
    w.ref();
    const timer = setTimeout(() => {
      dropWorker();
      finish((j) => j.reject(new ApiError(422, 'pdf_verify_timeout')));
    }, timeoutMs);
    current = { job, timer };
    w.postMessage(job.request);
  }

  return {
    /** Every signature's report, as verifyPdfSignatures gives it. */
    verify(
      pdf: Uint8Array,
      roots: readonly pkijs.Certificate[],
      at: Date = new Date(),
    ): Promise<SignatureReport[]> {
      if (closed) return Promise.reject(new ApiError(503, 'verify_busy'));
      if (waiting.length >= maxWaiting) return Promise.reject(new ApiError(503, 'verify_busy'));
      return new Promise((resolve, reject) => {
        const request: VerifyRequest = {
          id: nextId++,
          pdf,
          roots: roots.map((r) => new Uint8Array(certificateDer(r))),
          at: at.getTime(),
        };
        waiting.push({ request, resolve, reject });
        pump();
      });
    },
    /** Stops the worker; files still waiting are refused. */
    close(): Promise<void> {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new ApiError(503, 'verify_busy'));
      finish((job) => job.reject(new ApiError(503, 'verify_busy')));
      const w = worker;
      worker = null;
      return w ? w.terminate().then(() => undefined) : Promise.resolve();
    },
  };
}
export type PdfVerifier = ReturnType<typeof createPdfVerifier>;
