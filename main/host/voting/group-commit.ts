import { performance } from 'node:perf_hooks';
import type { Database } from '../archive/db';

/** A slow disk must not hold writes back longer than this before their commit starts. */
const MAX_WAIT_MS = 20;

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
  let scheduled = false;
  /** How long the last commit held the thread (mostly the disk's flush), and when it ended. */
  let lastCommitMs = 0;
  let lastEnd = -Infinity;
  let commits = 0;
  let committedJobs = 0;

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
    scheduled = false;
    const jobs = pending;
    pending = [];
    if (jobs.length === 0) return;
    let outcomes;
    const started = performance.now();
    try {
      // IMMEDIATE: take the write lock first (waiting up to busy_timeout). A deferred transaction
      // that reads and then writes gets SQLITE_BUSY at once if another connection (a worker, a
      // backup) committed in between, without waiting.
      outcomes = all.immediate(jobs);
    } catch (err) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is stored.
      for (const job of jobs) job.reject(err);
      return;
    } finally {
      lastEnd = performance.now();
      lastCommitMs = lastEnd - started;
    }
    commits++;
    committedJobs += jobs.length;
    outcomes.forEach((o, i) => (o.ok ? jobs[i]!.resolve(o.value) : jobs[i]!.reject(o.error)));
  }

  /**
   * The next turn of the event loop, or — right after a commit, in a storm — once as much time has
   * passed as that commit took. The durable commit blocks the thread for the disk's flush (a few
   * ms); committing on every turn made a storm of 500 votes a second spend most of its time in
   * flushes of one or two votes each, and requests queued behind them. Waiting one flush time
   * keeps the thread at most about half busy with flushes while each batch grows; a lone vote in
   * a quiet room still commits on the next turn.
   */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    const wait = Math.min(MAX_WAIT_MS, lastCommitMs - (performance.now() - lastEnd));
    if (wait > 0) setTimeout(flush, wait);
    else setImmediate(flush);
  }

  return {
    /** Runs `fn` in the next group transaction; resolves once it is durably committed. */
    submit<T>(fn: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        schedule();
      });
    },
    /** Commits made and writes they carried (a storm shows several writes per commit). */
    stats: () => ({ commits, jobs: committedJobs }),
  };
}
