// Group commit for accepted updates. With synchronous=FULL every commit waits for the disk, so
// one commit per update caps a room at a few hundred strokes per second and stalls the event loop
// for every other client. Updates accepted in the same turn of the event loop are committed
// together in one transaction, and only then relayed: still nothing reaches another client (or a
// late joiner's sync step 2) before it is durable.
import type { DocStore } from './doc-store';

export interface BatchTarget {
  readonly name: string;
  /** Called after the commit, in acceptance order. */
  relay(update: Uint8Array, origin: unknown, rowsAfter: number): void;
}

export class WriteBatch {
  private pending: Array<{ target: BatchTarget; update: Uint8Array; origin: unknown }> = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly store: DocStore,
    private readonly onFailure: (targets: Set<BatchTarget>, err: unknown) => void,
  ) {}

  add(target: BatchTarget, update: Uint8Array, origin: unknown): void {
    this.pending.push({ target, update, origin });
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Commits and relays everything pending now (before a sync step 2, a compaction, shutdown). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    let rows: number[];
    try {
      rows = this.store.appendMany(batch.map((b) => ({ name: b.target.name, update: b.update })));
    } catch (err) {
      this.onFailure(new Set(batch.map((b) => b.target)), err);
      return;
    }
    batch.forEach((b, i) => b.target.relay(b.update, b.origin, rows[i]!));
  }

  /** Forgets pending updates of a doc that is being dropped (its clients will resend them). */
  discard(target: BatchTarget): void {
    this.pending = this.pending.filter((b) => b.target !== target);
  }
}
