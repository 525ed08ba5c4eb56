// Undo/redo of one's own changes only, across both layers. Each doc has a Y.UndoManager that
// tracks only transactions made with this tab's origin, so a colleague's strokes are never undone
// by my undo; a small history interleaves the two managers in the order the user acted.
import * as Y from 'yjs';
import { ANNOTATIONS_MAP, REPLIES_MAP } from '../../../../shared/annotations/ydoc';

export class AnnotationUndo {
  /** Pass this as the transaction origin for every local change. */
  readonly origin = { local: true };
  private readonly managers: Y.UndoManager[] = [];
  private undoOrder: Y.UndoManager[] = [];
  private redoOrder: Y.UndoManager[] = [];
  private replaying = false;
  private readonly listeners = new Set<() => void>();

  add(doc: Y.Doc): () => void {
    const um = new Y.UndoManager([doc.getMap(ANNOTATIONS_MAP), doc.getMap(REPLIES_MAP)], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0,
    });
    const onAdded = (e: { type: 'undo' | 'redo' }) => {
      if (this.replaying) return;
      if (e.type === 'undo') {
        this.undoOrder.push(um);
        this.redoOrder = [];
      }
      this.emit();
    };
    um.on('stack-item-added', onAdded);
    this.managers.push(um);
    return () => {
      um.off('stack-item-added', onAdded);
      um.destroy();
      this.managers.splice(this.managers.indexOf(um), 1);
      this.undoOrder = this.undoOrder.filter((m) => m !== um);
      this.redoOrder = this.redoOrder.filter((m) => m !== um);
      this.emit();
    };
  }

  get canUndo(): boolean {
    return this.undoOrder.length > 0;
  }
  get canRedo(): boolean {
    return this.redoOrder.length > 0;
  }

  undo(): void {
    const um = this.undoOrder.pop();
    if (!um) return;
    this.replaying = true;
    try {
      um.undo();
    } finally {
      this.replaying = false;
    }
    this.redoOrder.push(um);
    this.emit();
  }

  redo(): void {
    const um = this.redoOrder.pop();
    if (!um) return;
    this.replaying = true;
    try {
      um.redo();
    } finally {
      this.replaying = false;
    }
    this.undoOrder.push(um);
    this.emit();
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  private emit() {
    for (const l of this.listeners) l();
  }
}
