// One page render at a time, the page in view first. pdf.js has one worker: three pages rendered
// at once each take three times as long, so the page the reader turned to would wait for its
// neighbours. Neighbours (± 1) are rendered after it, ready for the next turn.

interface Job {
  page: number;
  run: () => Promise<void>;
}

const queue: Job[] = [];
let running = false;
let inView = 1;

/** The page the reader is on; queued renders nearest to it go first. */
export function setPageInView(page: number): void {
  inView = page;
}

function distance(page: number): number {
  // Ahead of the reader beats behind: people read forward.
  return page >= inView ? (page - inView) * 2 : (inView - page) * 2 + 1;
}

function pump(): void {
  if (running || queue.length === 0) return;
  let best = 0;
  for (let i = 1; i < queue.length; i++)
    if (distance(queue[i]!.page) < distance(queue[best]!.page)) best = i;
  const [job] = queue.splice(best, 1);
  if (!job) return;
  running = true;
  void job
    .run()
    .catch(() => undefined)
    .finally(() => {
      running = false;
      pump();
    });
}

/**
 * Queues a render of `page`; `run` resolves when it finished or failed. The returned function
 * takes a render that has not started yet out of the queue.
 */
export function scheduleRender(page: number, run: () => Promise<void>): () => void {
  const job: Job = { page, run };
  queue.push(job);
  // Not at once: pages that became visible together queue up first, then the nearest one starts.
  setTimeout(pump, 0);
  return () => {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
  };
}
