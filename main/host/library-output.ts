// Libraries that print on their own (pdf-lib warns with console.warn about a damaged file) would
// write plain lines into the host's JSON log on stdout. Inside withLibraryOutput, what such a
// library prints goes to the logger as a structured entry instead; console everywhere else, and
// at any other time, behaves as it always did.
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import type { Logger } from './logger';

interface Capture {
  log: Logger;
  library: string;
}

const capture = new AsyncLocalStorage<Capture>();
const LEVELS = { log: 'info', info: 'info', debug: 'debug', warn: 'warn', error: 'error' } as const;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, string][]) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const active = capture.getStore();
      if (!active) {
        original(...args);
        return;
      }
      const entry = { library: active.library };
      const text = format(...args);
      if (level === 'error') active.log.error(entry, text);
      else if (level === 'warn') active.log.warn(entry, text);
      else if (level === 'debug') active.log.debug(entry, text);
      else active.log.info(entry, text);
    };
  }
}

/** Runs `fn` (and everything it awaits) with the library's console output sent to `log`. */
export function withLibraryOutput<T>(log: Logger, library: string, fn: () => T): T {
  install();
  return capture.run({ log, library }, fn);
}
