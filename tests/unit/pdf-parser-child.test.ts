// The parser pool drives whatever process factory it is given (the desktop app passes Electron
// utility processes), and the parse process answers over Electron's parentPort when it has one.
// Fake children here: no process is started and no PDF is opened.
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfParser } from '../../main/host/documents/pdf-parser';
import type { ParserChild, ParserChildOptions } from '../../main/host/documents/parser-child';
import type { ParseAnswer, ParseRequest } from '../../main/host/documents/parse-protocol';

interface FakeChild extends ParserChild {
  options: ParserChildOptions;
  requests: ParseRequest[];
  answer(answer: ParseAnswer): void;
  die(detail: string): void;
  killed: boolean;
}

function fakeChild(options: ParserChildOptions): FakeChild {
  const messageListeners = new Set<(a: ParseAnswer) => void>();
  const exitListeners: Array<(detail: string) => void> = [];
  const child: FakeChild = {
    options,
    requests: [],
    killed: false,
    send: (request) => void child.requests.push(request),
    onMessage(listener) {
      messageListeners.add(listener);
      return () => void messageListeners.delete(listener);
    },
    onExit: (listener) => void exitListeners.push(listener),
    stderr: () => 'fake stderr',
    kill: () => void (child.killed = true),
    ref() {},
    unref() {},
    answer: (a) => [...messageListeners].forEach((l) => l(a)),
    die: (detail) => exitListeners.forEach((l) => l(detail)),
  };
  return child;
}

async function until<T>(get: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('pdf parser with an injected process factory', () => {
  const spawned: FakeChild[] = [];
  const spawn = (options: ParserChildOptions) => {
    const child = fakeChild(options);
    spawned.push(child);
    return child;
  };
  const parser = createPdfParser({ concurrency: 1, maxHeapMb: 123, thumbnailWidth: 99 }, spawn);
  afterAll(() => parser.close());

  it('starts its processes through the factory and keeps a healthy one for the next file', async () => {
    const first = parser.parse('/tmp/a.pdf');
    const child = await until(() => spawned[0]);
    expect(child.options).toEqual({ maxHeapMb: 123 });
    const req = await until(() => child.requests[0]);
    expect(req).toMatchObject({ file: '/tmp/a.pdf', thumbnailWidth: 99 });
    child.answer({ id: req.id, result: { ok: true, encrypted: true } });
    expect(await first).toEqual({ ok: true, encrypted: true });

    const second = parser.parse('/tmp/b.pdf');
    const req2 = await until(() => child.requests[1]);
    child.answer({ id: req2.id, result: { ok: false, reason: 'corrupt', detail: 'bad xref' } });
    expect(await second).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(spawned).toHaveLength(1);
    expect(child.killed).toBe(false);
  });

  it('reports a process that dies as a crash, with its stderr, and never reuses it', async () => {
    const before = spawned.length;
    const outcome = parser.parse('/tmp/c.pdf');
    // The healthy process of the first test is reused for this file.
    const child = await until(() => spawned[before - 1]);
    await until(() => child.requests.find((r) => r.file === '/tmp/c.pdf'));
    child.die('parser exited (SIGSEGV)');
    expect(await outcome).toEqual({
      ok: false,
      reason: 'crashed',
      detail: 'parser exited (SIGSEGV) fake stderr',
    });
    expect(child.killed).toBe(true);
  });
});

describe('parse process over an Electron parentPort', () => {
  it('answers on the port with the same request id', async () => {
    type Listener = (event: { data: unknown }) => void;
    const listeners: Listener[] = [];
    const posted: unknown[] = [];
    const port = {
      on: (_event: 'message', l: Listener) => void listeners.push(l),
      postMessage: (m: unknown) => void posted.push(m),
    };
    Object.defineProperty(process, 'parentPort', { value: port, configurable: true });
    try {
      await import('../../main/host/documents/parse-process');
    } finally {
      Reflect.deleteProperty(process, 'parentPort');
    }
    expect(listeners).toHaveLength(1);
    const request: ParseRequest = {
      id: 7,
      file: '/nonexistent/paper.pdf',
      thumbnailWidth: 10,
      previewWidth: 0,
    };
    listeners[0]!({ data: request });
    const answer = await until(() => posted[0]);
    expect(answer).toMatchObject({ id: 7, result: { ok: false, reason: 'corrupt' } });
  });
});
