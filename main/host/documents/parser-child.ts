// The process a parse runs in, as the parser pool (pdf-parser.ts) sees it. Two kinds exist: a
// plain Node child (this file; the headless host runs on Node) and, in the desktop app, an
// Electron utility process (main/electron/utility-parser-child.ts), because the packaged app
// turns the RunAsNode fuse off and Electron's binary can no longer be forked as Node.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParseAnswer, ParseRequest } from './parse-protocol';

export interface ParserChild {
  /** Sends one file to parse; `onError` hears of a request that could not be delivered. */
  send(request: ParseRequest, onError: (err: Error) => void): void;
  /** Listens for answers; returns the function that stops listening. */
  onMessage(listener: (answer: ParseAnswer) => void): () => void;
  /** Hears that the process died or failed; may be called more than once for one death. */
  onExit(listener: (detail: string) => void): void;
  /** The start of what the process wrote to stderr (capped), to explain a crash. */
  stderr(): string;
  /** Stops the process at once, if it still runs. */
  kill(): void;
  /** Whether a busy process keeps the host alive (no-ops where the runtime has no such notion). */
  ref(): void;
  unref(): void;
}

export interface ParserChildOptions {
  /** V8 heap cap of the process (MB). */
  maxHeapMb: number;
}

export type SpawnParserChild = (options: ParserChildOptions) => ParserChild;

const STDERR_CAP = 4000;

/** Keeps the first few thousand characters of a stream: enough to explain a crash, no more. */
export function captureStderr(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer | string) => {
    if (text.length < STDERR_CAP)
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  });
  return () => text;
}

const require = createRequire(import.meta.url);

/**
 * The child's entry and the flags it needs: from source it runs through tsx; once bundled, the
 * built parse-process.js sits next to the bundle (scripts/build-main.mjs).
 */
export function parserChildEntry(): { file: string; execArgv: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    return {
      file: fileURLToPath(new URL('./parse-process.ts', import.meta.url)),
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    };
  }
  return { file: fileURLToPath(new URL('./parse-process.js', import.meta.url)), execArgv: [] };
}

/** A plain Node child over the IPC channel (structured clone through 'advanced' serialization). */
export const forkParserChild: SpawnParserChild = ({ maxHeapMb }) => {
  const entry = parserChildEntry();
  const child = fork(entry.file, [], {
    execArgv: [...entry.execArgv, `--max-old-space-size=${maxHeapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr = captureStderr(child.stderr);
  return {
    send(request, onError) {
      child.send(request, (err) => {
        if (err) onError(err);
      });
    },
    onMessage(listener) {
      child.on('message', listener);
      return () => void child.off('message', listener);
    },
    onExit(listener) {
      child.on('error', (err) => listener(err.message));
      child.on('exit', (code, signal) => listener(`parser exited (${signal ?? code})`));
    },
    stderr,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    ref() {
      child.ref();
      child.channel?.ref();
    },
    unref() {
      child.unref();
      child.channel?.unref();
    },
  };
};
