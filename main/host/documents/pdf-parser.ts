// Runs parse-process.ts in child processes with a heap cap and a deadline per file, a few at a
// time. A child (not a worker thread) because the thumbnail renderer is native code: if a hostile
// file crashed it, a thread would take the host down with it; a process just dies and is reported.
// A child is kept warm for the next file (starting one and loading pdf.js costs a second or more)
// but is killed after any failure or deadline, and recycled after a number of files.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParseAnswer, ParseRequest, ParseResult } from './parse-protocol';

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
}

export const defaultParserOptions: ParserOptions = {
  timeoutMs: 120_000,
  maxHeapMb: 768,
  concurrency: 2,
  filesPerProcess: 50,
  idleMs: 30_000,
  thumbnailWidth: 240,
};

export type ParseOutcome =
  ParseResult | { ok: false; reason: 'timeout' | 'crashed'; detail: string };

const require = createRequire(import.meta.url);

/** The child's entry and the flags it needs: from source it runs through tsx, once built as .js. */
function childEntry(): { file: string; execArgv: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    return {
      file: fileURLToPath(new URL('./parse-process.ts', import.meta.url)),
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    };
  }
  return { file: fileURLToPath(new URL('./parse-process.js', import.meta.url)), execArgv: [] };
}

interface Worker {
  child: ChildProcess;
  files: number;
  /** The file in progress: resolves its caller. */
  pending: ((outcome: ParseOutcome) => void) | null;
  stderr: string;
  idleTimer: NodeJS.Timeout | null;
}

export function createPdfParser(options: Partial<ParserOptions> = {}) {
  const opts = { ...defaultParserOptions, ...options };
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let running = 0;
  let nextId = 1;
  let closed = false;
  const waiting: Array<() => void> = [];

  function spawn(): Worker {
    const entry = childEntry();
    const child = fork(entry.file, [], {
      execArgv: [...entry.execArgv, `--max-old-space-size=${opts.maxHeapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Electron runs this file with its own binary acting as Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    const w: Worker = { child, files: 0, pending: null, stderr: '', idleTimer: null };
    all.add(w);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (w.stderr.length < 4000) w.stderr += chunk.toString('utf8');
    });
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
        detail: `${detail} ${w.stderr.slice(-500)}`.trim(),
      });
    };
    child.on('error', (err) => died(err.message));
    child.on('exit', (code, signal) => died(`parser exited (${signal ?? code})`));
    return w;
  }

  function kill(w: Worker): void {
    all.delete(w);
    if (w.idleTimer) clearTimeout(w.idleTimer);
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
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
      w.child.channel?.unref();
      idle.push(w);
    } else {
      kill(w);
    }
    waiting.shift()?.();
  }

  async function parse(file: string): Promise<ParseOutcome> {
    while (running >= opts.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    const w = idle.pop() ?? spawn();
    if (w.idleTimer) clearTimeout(w.idleTimer);
    w.idleTimer = null;
    w.child.ref();
    w.child.channel?.ref();
    w.files++;
    const id = nextId++;
    const outcome = await new Promise<ParseOutcome>((resolve) => {
      const timer = setTimeout(() => {
        w.pending = null;
        resolve({ ok: false, reason: 'timeout', detail: `no answer after ${opts.timeoutMs} ms` });
      }, opts.timeoutMs);
      const onMessage = (msg: ParseAnswer) => {
        if (msg.id !== id) return;
        w.child.off('message', onMessage);
        clearTimeout(timer);
        w.pending = null;
        resolve(msg.result);
      };
      w.pending = (o) => {
        w.child.off('message', onMessage);
        clearTimeout(timer);
        resolve(o);
      };
      w.child.on('message', onMessage);
      const request: ParseRequest = { id, file, thumbnailWidth: opts.thumbnailWidth };
      w.child.send(request, (err) => {
        if (err) w.pending?.({ ok: false, reason: 'crashed', detail: err.message });
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
