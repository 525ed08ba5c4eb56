// PDF parse processes for the host inside the desktop app. The packaged binary has the RunAsNode
// fuse off (security/fuses.ts), so forking Electron's own binary as Node is refused; a utility
// process is Electron's supported way to run Node code in a separate, killable process.
import { utilityProcess } from 'electron';
import { captureStderr, parserChildEntry } from '../host/documents/parser-child';
import type { SpawnParserChild } from '../host/documents/parser-child';
import type { ParseAnswer } from '../host/documents/parse-protocol';

export const forkUtilityParserChild: SpawnParserChild = ({ maxHeapMb }) => {
  const entry = parserChildEntry();
  const child = utilityProcess.fork(entry.file, [], {
    execArgv: [...entry.execArgv, `--max-old-space-size=${maxHeapMb}`],
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: 'PDF parser',
  });
  const stderr = captureStderr(child.stderr);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return {
    send(request, onError) {
      // Messages posted before the process is up are queued by Electron; a dead process drops
      // them, and its 'exit' reports the failure instead.
      try {
        child.postMessage(request);
      } catch (err) {
        onError(err instanceof Error ? err : new Error(String(err)));
      }
    },
    onMessage(listener) {
      const onMessage = (message: unknown) => listener(message as ParseAnswer);
      child.on('message', onMessage);
      return () => void child.off('message', onMessage);
    },
    onExit(listener) {
      child.on('error', (type, location) => listener(`parser ${type} at ${location}`));
      child.on('exit', (code) => listener(`parser exited (${code})`));
    },
    stderr,
    kill() {
      // SIGTERM on POSIX, and Electron makes sure the process is reaped.
      if (!exited) child.kill();
    },
    // Utility processes do not hold Electron's main process open: nothing to ref or unref.
    ref() {},
    unref() {},
  };
};
