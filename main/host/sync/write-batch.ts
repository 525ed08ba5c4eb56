// Group commit for accepted updates. Every update a doc accepts (a client's, or a host write) is
// queued here; one batch at a time is committed (by the writer thread, see durable-writer.ts), and
// only after its commit are its updates relayed, in acceptance order. What arrives while a commit
// is in flight forms the next batch, so under load each disk flush carries many updates. Nothing
// reaches another client, nor a late joiner's sync step 2 (see `durable`), before it is on disk.
import type { DocStore } from './doc-store';
import type { DurableWriter } from './durable-writer';

export interface BatchTarget {
  readonly name: string;
  /** Called after the commit, in acceptance order. */
  relay(update: Uint8Array, origin: unknown, rowsAfter: number): void;
}

interface Entry {
  index: number;
  target: BatchTarget;
  update: Uint8Array;
  origin: unknown;
}

export class WriteBatch {
  private pending: Entry[] = [];
  private inFlight: Entry[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private nextIndex = 0;
  private waiters: Array<{ upTo: number; resolve: () => void }> = [];

  constructor(
    private readonly store: DocStore,
    private readonly writer: DurableWriter,
    private readonly onFailure: (targets: Set<BatchTarget>, err: unknown) => void,
    /** A bug while relaying must be reported, not become an unhandled rejection. */
    private readonly onInternalError: (err: unknown) => void,
  ) {}

  add(target: BatchTarget, update: Uint8Array, origin: unknown): void {
    this.pending.push({ index: this.nextIndex++, target, update, origin });
    // Updates read in the same turn of the event loop join one batch.
    if (this.inFlight.length === 0) this.scheduled ??= setImmediate(() => this.send());
  }

  /** Resolves once every update accepted so far is committed (and relayed) or failed. */
  durable(): Promise<void> {
    const upTo = this.nextIndex - 1;
    if (this.outstandingFrom() > upTo) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo, resolve }));
  }

  /** Forgets pending updates of a doc that is being dropped (its clients will resend them). */
  discard(target: BatchTarget): void {
    this.pending = this.pending.filter((e) => e.target !== target);
    this.wake();
  }

  private send(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.inFlight.length > 0 || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight = batch;
    let planned: ReturnType<DocStore['plan']>;
    try {
      planned = this.store.plan(batch.map((e) => ({ name: e.target.name, update: e.update })));
    } catch (err) {
      this.finish(batch, err);
      return;
    }
    this.writer
      .commit(planned.rows)
      .then(
        () => {
          this.store.settle(planned.rows);
          this.finish(batch, undefined, planned.rowsAfter);
        },
        (err: unknown) => {
          this.store.forget(new Set(batch.map((e) => e.target.name)));
          this.finish(batch, err);
        },
      )
      .catch(this.onInternalError);
  }

  private finish(batch: Entry[], err: unknown, rowsAfter?: number[]): void {
    this.inFlight = [];
    try {
      if (rowsAfter) {
        batch.forEach((e, i) => {
          try {
            e.target.relay(e.update, e.origin, rowsAfter[i]!);
          } catch (relayErr) {
            this.onInternalError(relayErr);
          }
        });
      } else {
        this.onFailure(new Set(batch.map((e) => e.target)), err);
      }
    } finally {
      // The next batch goes at once: whatever arrived during this commit is already waiting.
      this.send();
      this.wake();
    }
  }

  /** Index of the oldest update not yet committed (Infinity when none). */
  private outstandingFrom(): number {
    return Math.min(this.inFlight[0]?.index ?? Infinity, this.pending[0]?.index ?? Infinity);
  }

  private wake(): void {
    const from = this.outstandingFrom();
    const ready = this.waiters.filter((w) => w.upTo < from);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.upTo >= from);
    for (const w of ready) w.resolve();
  }
}
