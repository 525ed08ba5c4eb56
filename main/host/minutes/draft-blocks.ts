import * as Y from 'yjs';
import type { Database } from '../archive/db';
import { MINUTES_FRAGMENT } from '../../../shared/api/schemas/minutes';

/** A run of text with the marks the PDF can show. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'item'; marker: string; depth: number; runs: Run[] }
  | { kind: 'quote'; runs: Run[] }
  | { kind: 'rule' };

/**
 * Reads the persisted minutes draft (`minutes/<m>` rows of ydoc_updates) into a Y.Doc. Rows are
 * written by clients, so a damaged one must not stop finalisation: each row that still applies
 * is kept.
 */
export function loadDraftDoc(db: Database, meetingId: string): Y.Doc {
  const rows = db
    .prepare<[string], { data: Buffer }>('SELECT data FROM ydoc_updates WHERE doc = ? ORDER BY seq')
    .all(`minutes/${meetingId}`);
  const doc = new Y.Doc();
  try {
    if (rows.length > 0)
      Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => new Uint8Array(r.data))));
  } catch {
    for (const r of rows) {
      try {
        Y.applyUpdate(doc, new Uint8Array(r.data));
      } catch {
        // A row that does not decode is skipped; the rest of the draft still counts.
      }
    }
  }
  return doc;
}

function runsOf(el: Y.XmlElement | Y.XmlFragment): Run[] {
  const runs: Run[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      const delta = child.toDelta() as Array<{
        insert: unknown;
        attributes?: Record<string, unknown>;
      }>;
      for (const op of delta) {
        if (typeof op.insert !== 'string') continue;
        const a = op.attributes ?? {};
        runs.push({
          text: op.insert,
          bold: 'bold' in a,
          italic: 'italic' in a,
          underline: 'underline' in a,
        });
      }
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak')
        runs.push({ text: '\n', bold: false, italic: false, underline: false });
      else runs.push(...runsOf(child));
    }
  }
  return runs;
}

function walk(
  nodes: Array<Y.XmlElement | Y.XmlText | Y.XmlHook>,
  out: Block[],
  depth: number,
): void {
  for (const node of nodes) {
    if (!(node instanceof Y.XmlElement)) {
      if (node instanceof Y.XmlText)
        out.push({
          kind: 'paragraph',
          runs: [{ text: node.toString(), bold: false, italic: false, underline: false }],
        });
      continue;
    }
    switch (node.nodeName) {
      case 'heading': {
        const level = Number(node.getAttribute('level') ?? 2);
        out.push({
          kind: 'heading',
          level: Number.isFinite(level) ? level : 2,
          runs: runsOf(node),
        });
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const ordered = node.nodeName === 'orderedList';
        const start = Number(node.getAttribute('start') ?? 1) || 1;
        node.toArray().forEach((item, i) => {
          if (!(item instanceof Y.XmlElement)) return;
          const marker = ordered ? `${start + i}.` : '•';
          const children = item.toArray();
          let first = true;
          for (const c of children) {
            if (
              c instanceof Y.XmlElement &&
              (c.nodeName === 'bulletList' || c.nodeName === 'orderedList')
            ) {
              walk([c], out, depth + 1);
            } else if (c instanceof Y.XmlElement) {
              out.push({ kind: 'item', marker: first ? marker : '', depth, runs: runsOf(c) });
              first = false;
            }
          }
        });
        break;
      }
      case 'blockquote':
        for (const c of node.toArray())
          if (c instanceof Y.XmlElement) out.push({ kind: 'quote', runs: runsOf(c) });
        break;
      case 'horizontalRule':
        out.push({ kind: 'rule' });
        break;
      default:
        // paragraph, codeBlock and anything unknown: keep its text.
        out.push({ kind: 'paragraph', runs: runsOf(node) });
    }
  }
}

/** The draft as blocks for the PDF, in document order. */
export function draftBlocks(doc: Y.Doc): Block[] {
  const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
  const out: Block[] = [];
  walk(fragment.toArray(), out, 0);
  return out;
}

export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'rule' ? '' : b.runs.map((r) => r.text).join('')))
    .join('\n')
    .trim();
}
