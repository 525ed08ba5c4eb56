// Runs work in short slices, giving the browser a turn in between, so that validating and drawing
// thousands of strokes never blocks input or painting for long (a task over 50 ms is a "long task").
// A MessageChannel message is a new task without setTimeout's 4 ms clamp on nested timers.

/** Time one slice may take; well under the 50 ms of a long task, leaving room for a frame. */
export const SLICE_MS = 8;

export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Calls `fn` in a new task (after pending input and rendering had their turn). */
export function nextTask(fn: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(fn, 0);
    return;
  }
  const channel = new MessageChannel();
  // The DOM's port (Node's, in unit tests, is typed without onmessage but has it).
  const port = channel.port1 as unknown as Port;
  port.onmessage = () => {
    port.close();
    fn();
  };
  channel.port2.postMessage(null);
}

interface Port {
  onmessage: (() => void) | null;
  close(): void;
}

/**
 * A job run one slice per task: `step(deadline)` does work until `now() ≥ deadline` and returns
 * true while more remains. Starting a running job again is a no-op; `cancel` stops it after the
 * slice in progress.
 */
export class SlicedJob {
  private scheduled = false;
  private cancelled = false;

  constructor(private readonly step: (deadline: number) => boolean) {}

  start(): void {
    this.cancelled = false;
    if (this.scheduled) return;
    this.scheduled = true;
    nextTask(() => this.run());
  }

  cancel(): void {
    this.cancelled = true;
  }

  private run(): void {
    this.scheduled = false;
    if (this.cancelled) return;
    if (this.step(now() + SLICE_MS)) this.start();
  }
}
