// Runs parse-process.ts in a child process with a heap cap and a deadline, a few at a time.
// A child (not a worker thread) because the thumbnail renderer is native code: if a hostile file
// crashed it, a thread would take the host down with it; a process just dies and is reported.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParseRequest, ParseResult } from './parse-protocol';

export interface ParserOptions {
  /** Give up on a file after this long (ms). */
  timeoutMs: number;
  /** V8 heap cap of the parse process (MB). */
  maxHeapMb: number;
  /** How many files may be parsed at the same time. */
  concurrency: number;
  thumbnailWidth: number;
}

export const defaultParserOptions: ParserOptions = {
  timeoutMs: 120_000,
  maxHeapMb: 768,
  concurrency: 2,
  thumbnailWidth: 240,
};

export type ParseOutcome = ParseResult | { ok: false; reason: 'timeout' | 'crashed'; detail: string };

const require = createRequire(import.meta.url);

/** The child's entry and the flags it needs: from source it runs through tsx, once built as .js. */
function childEntry(): { file: string; execArgv: string[] } {
  const ts = new URL('./parse-process.ts', import.meta.url);
  if (import.meta.url.endsWith('.ts')) {
    return { file: fileURLToPath(ts), execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href] };
  }
  return { file: fileURLToPath(new URL('./parse-process.js', import.meta.url)), execArgv: [] };
}

export function createPdfParser(options: Partial<ParserOptions> = {}) {
  const opts = { ...defaultParserOptions, ...options };
  let running = 0;
  const waiting: Array<() => void> = [];

  async function slot(): Promise<() => void> {
    if (running >= opts.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    return () => {
      running--;
      waiting.shift()?.();
    };
  }

  function runOnce(file: string): Promise<ParseOutcome> {
    const entry = childEntry();
    return new Promise<ParseOutcome>((resolve) => {
      const child = fork(entry.file, [], {
        execArgv: [...entry.execArgv, `--max-old-space-size=${opts.maxHeapMb}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        // Electron runs this file with its own binary acting as Node.
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      });
      let settled = false;
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString('utf8');
      });
      const finish = (outcome: ParseOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
        resolve(outcome);
      };
      const timer = setTimeout(
        () => finish({ ok: false, reason: 'timeout', detail: `no answer after ${opts.timeoutMs} ms` }),
        opts.timeoutMs,
      );
      child.on('message', (msg: ParseResult) => finish(msg));
      child.on('error', (err) => finish({ ok: false, reason: 'crashed', detail: err.message }));
      child.on('exit', (code, signal) =>
        finish({ ok: false, reason: 'crashed', detail: `parser exited (${signal ?? code}) ${stderr.slice(-500)}`.trim() }),
      );
      const request: ParseRequest = { file, thumbnailWidth: opts.thumbnailWidth };
      child.send(request);
    });
  }

  return {
    async parse(file: string): Promise<ParseOutcome> {
      const release = await slot();
      try {
        return await runOnce(file);
      } finally {
        release();
      }
    },
  };
}
export type PdfParser = ReturnType<typeof createPdfParser>;
