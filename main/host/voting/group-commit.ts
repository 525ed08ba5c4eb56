import type { Database } from '../archive/db';

/**
 * Group commit for small writes that must be durable before they are acknowledged (votes,
 * check-ins). With synchronous=FULL each commit waits for the disk (≈5 ms here), so one commit per
 * vote caps a room at ~200 votes per second and queues a storm for seconds. Writes submitted in the
 * same turn of the event loop run in ONE transaction, each inside its own savepoint: a refused
 * write rolls back alone, and every write (with its audit event) is committed before any of their
 * promises resolve. Nothing is acknowledged that a crash could lose.
 */
export function createGroupCommit(db: Database) {
  type Job = { fn: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  let pending: Job[] = [];
  let scheduled: NodeJS.Immediate | undefined;

  // A transaction function called inside another runs as a SAVEPOINT (better-sqlite3).
  const one = db.transaction((fn: () => unknown) => fn());
  const all = db.transaction((jobs: Job[]) =>
    jobs.map((job): { ok: true; value: unknown } | { ok: false; error: unknown } => {
      try {
        return { ok: true, value: one(job.fn) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  function flush(): void {
    scheduled = undefined;
    const jobs = pending;
    pending = [];
    if (jobs.length === 0) return;
    let outcomes;
    try {
      // IMMEDIATE: take the write lock first (waiting up to busy_timeout). A deferred transaction
      // that reads and then writes gets SQLITE_BUSY at once if another connection (a worker, a
      // backup) committed in between, without waiting.
      outcomes = all.immediate(jobs);
    } catch (err) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is stored.
      for (const job of jobs) job.reject(err);
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? jobs[i]!.resolve(o.value) : jobs[i]!.reject(o.error)));
  }

  return {
    /** Runs `fn` in the next group transaction; resolves once it is durably committed. */
    submit<T>(fn: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        scheduled ??= setImmediate(flush);
      });
    },
  };
}
