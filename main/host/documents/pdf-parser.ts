// Runs parse-process.ts in child processes (parser-child.ts: a Node fork, or an Electron utility
// process in the desktop app) with a heap cap and a deadline per file, a few at a time. A child (not a worker thread) because the thumbnail renderer is native code: if a hostile
// file crashed it, a thread would take the host down with it; a process just dies and is reported.
// A child is kept warm for the next file (starting one and loading pdf.js costs a second or more)
// but is killed after any failure or deadline, and recycled after a number of files.
import type { ParseAnswer, ParseRequest, ParseResult } from './parse-protocol';
import { forkParserChild } from './parser-child';
import type { ParserChild, SpawnParserChild } from './parser-child';

export interface ParserOptions {
  /** Give up on a file after this long (ms). */
  timeoutMs: number;
  /** V8 heap cap of a parse process (MB). */
  maxHeapMb: number;
  /** How many files may be parsed at the same time (one process each). */
  concurrency: number;
  /** A process parses at most this many files before it is replaced. */
  filesPerProcess: number;
  /** An idle process exits after this long (ms). */
  idleMs: number;
  thumbnailWidth: number;
  /** Width of the first-page preview in pixels (0: none). */
  previewWidth: number;
}

export const defaultParserOptions: ParserOptions = {
  timeoutMs: 120_000,
  maxHeapMb: 768,
  concurrency: 2,
  filesPerProcess: 50,
  idleMs: 30_000,
  thumbnailWidth: 240,
  // Fit-width on a landscape tablet or a laptop; a little soft on a high-density screen for the
  // second or so until pdf.js has drawn the page.
  previewWidth: 1200,
};

export type ParseOutcome =
  ParseResult | { ok: false; reason: 'timeout' | 'crashed'; detail: string };

interface Worker {
  child: ParserChild;
  files: number;
  /** The file in progress: resolves its caller. */
  pending: ((outcome: ParseOutcome) => void) | null;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * `spawnChild` starts one parse process: a Node fork by default, an Electron utility process
 * when the host runs inside the desktop app (see parser-child.ts).
 */
export function createPdfParser(
  options: Partial<ParserOptions> = {},
  spawnChild: SpawnParserChild = forkParserChild,
) {
  const opts = { ...defaultParserOptions, ...options };
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let running = 0;
  let nextId = 1;
  let closed = false;
  const waiting: Array<() => void> = [];

  function spawn(): Worker {
    const child = spawnChild({ maxHeapMb: opts.maxHeapMb });
    const w: Worker = { child, files: 0, pending: null, idleTimer: null };
    all.add(w);
    const died = (detail: string) => {
      all.delete(w);
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
      if (w.idleTimer) clearTimeout(w.idleTimer);
      const pending = w.pending;
      w.pending = null;
      pending?.({
        ok: false,
        reason: 'crashed',
        detail: `${detail} ${child.stderr().slice(-500)}`.trim(),
      });
    };
    child.onExit(died);
    return w;
  }

  function kill(w: Worker): void {
    all.delete(w);
    if (w.idleTimer) clearTimeout(w.idleTimer);
    w.child.kill();
  }

  function release(w: Worker, healthy: boolean): void {
    running--;
    if (healthy && !closed && w.files < opts.filesPerProcess && all.has(w)) {
      w.idleTimer = setTimeout(() => {
        const i = idle.indexOf(w);
        if (i >= 0) idle.splice(i, 1);
        kill(w);
      }, opts.idleMs);
      w.idleTimer.unref();
      // An idle parser must not keep the host process alive on shutdown.
      w.child.unref();
      idle.push(w);
    } else {
      kill(w);
    }
    waiting.shift()?.();
  }

  async function parse(file: string, only?: { picturesOnly: true }): Promise<ParseOutcome> {
    while (running >= opts.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    const w = idle.pop() ?? spawn();
    if (w.idleTimer) clearTimeout(w.idleTimer);
    w.idleTimer = null;
    w.child.ref();
    w.files++;
    const id = nextId++;
    const outcome = await new Promise<ParseOutcome>((resolve) => {
      const timer = setTimeout(() => {
        w.pending = null;
        resolve({ ok: false, reason: 'timeout', detail: `no answer after ${opts.timeoutMs} ms` });
      }, opts.timeoutMs);
      const stopListening = w.child.onMessage((msg: ParseAnswer) => {
        if (msg.id !== id) return;
        stopListening();
        clearTimeout(timer);
        w.pending = null;
        resolve(msg.result);
      });
      w.pending = (o) => {
        stopListening();
        clearTimeout(timer);
        resolve(o);
      };
      const request: ParseRequest = {
        id,
        file,
        thumbnailWidth: opts.thumbnailWidth,
        previewWidth: opts.previewWidth,
        ...only,
      };
      w.child.send(request, (err) => {
        w.pending?.({ ok: false, reason: 'crashed', detail: err.message });
      });
    });
    // A deadline or a crash may have left the process in a bad state: never reuse it. A file that
    // pdf.js refused cleanly leaves it as good as new.
    release(w, outcome.ok || outcome.reason === 'corrupt' || outcome.reason === 'not_pdf');
    return outcome;
  }

  return {
    parse,
    /** Stops every parse process (host shutdown). */
    close(): void {
      closed = true;
      for (const w of [...all]) kill(w);
      idle.length = 0;
    },
  };
}
export type PdfParser = ReturnType<typeof createPdfParser>;
