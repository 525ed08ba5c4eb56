// Reads a paper's annotation layers from the sync persistence (ydoc_updates) into fresh Y.Docs.
// Every update the host relayed was persisted first, so the table is the full state; reading
// through the sync server's own DocStore keeps one definition of that storage.
import * as Y from 'yjs';
import type { Services } from '../services';
import { createDocStore } from '../sync/doc-store';
import type { DocStore } from '../sync/doc-store';
import { docNameToString } from '../../../shared/sync/doc-names';
import { readAnnotations, readReplies } from '../../../shared/annotations/ydoc';
import type { AnnotationLayerContent } from './export-pdf';

const stores = new WeakMap<Services['db'], DocStore>();

function storeFor(services: Services): DocStore {
  let store = stores.get(services.db);
  if (!store) {
    store = createDocStore(services.db, (name, seq, err) =>
      services.log.warn({ name, seq, err }, 'unreadable sync row skipped in export'),
    );
    stores.set(services.db, store);
  }
  return store;
}

export function loadLayer(services: Services, name: string): AnnotationLayerContent {
  const doc = new Y.Doc();
  try {
    storeFor(services).load(name, doc);
    return { annotations: readAnnotations(doc), replies: readReplies(doc) };
  } finally {
    doc.destroy();
  }
}

/** The requested layers for one caller: `mine` is always the caller's own private doc. */
export function loadLayers(
  services: Services,
  documentId: string,
  userId: string,
  layers: readonly ('shared' | 'mine')[],
) {
  return layers.map((layer) => ({
    layer,
    content: loadLayer(
      services,
      docNameToString(
        layer === 'shared'
          ? { kind: 'annotations', documentId }
          : { kind: 'notes', documentId, userId },
      ),
    ),
  }));
}
