// One page render at a time, the page in view first. pdf.js has one worker: three pages rendered
// at once each take three times as long, so the page the reader turned to would wait for its
// neighbours. Neighbours are rendered after it, ready for the next turn.
//
// While one page draws (main thread), the next in line may be prepared: its render is started so
// the worker reads its content and fonts meanwhile, but it draws only when its turn comes.

interface Job {
  page: number;
  run: () => Promise<void>;
  prepare: (() => void) | undefined;
}

const queue: Job[] = [];
let running = false;
let pumpQueued = false;
let inView = 1;

/** The page the reader is on; queued renders nearest to it go first. */
export function setPageInView(page: number): void {
  inView = page;
}

function distance(page: number): number {
  // Ahead of the reader beats behind: people read forward.
  return page >= inView ? (page - inView) * 2 : (inView - page) * 2 + 1;
}

function nearest(): number {
  let best = 0;
  for (let i = 1; i < queue.length; i++)
    if (distance(queue[i]!.page) < distance(queue[best]!.page)) best = i;
  return best;
}

function pump(): void {
  pumpQueued = false;
  if (running || queue.length === 0) return;
  const [job] = queue.splice(nearest(), 1);
  if (!job) return;
  running = true;
  void job
    .run()
    .catch(() => undefined)
    .finally(() => {
      running = false;
      pump();
    });
  const next = queue[nearest()];
  if (next?.prepare) {
    const prepare = next.prepare;
    next.prepare = undefined;
    prepare();
  }
}

/**
 * Queues a render of `page`; `run` resolves when it finished or failed. `prepare`, if given, is
 * called at most once, before `run`, when this render is next in line. The returned function
 * takes a render that has not started yet out of the queue.
 */
export function scheduleRender(
  page: number,
  run: () => Promise<void>,
  prepare?: () => void,
): () => void {
  const job: Job = { page, run, prepare };
  queue.push(job);
  // Not at once: pages that became visible in the same commit queue up first (their effects run
  // together), then the nearest one starts. A microtask, not a timer: no wait behind other tasks.
  if (!pumpQueued) {
    pumpQueued = true;
    queueMicrotask(pump);
  }
  return () => {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
  };
}
