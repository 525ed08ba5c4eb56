// The documents module as the rest of the host sees it: the repository, the content store, the
// parser, and the visibility rule (services.papers). Built once per host in createServices.
import { createHash } from 'node:crypto';
import type { Database } from '../archive/db';
import type { MeetingsRepo } from '../archive/repos/meetings';
import { createUsersRepo } from '../archive/repos/users';
import type { HostConfig } from '../config';
import type { createScopeResolvers } from '../api/scopes';
import type { LiveMeetings } from '../live/live-meetings';
import { createContentStore } from './content-store';
import { createDocumentsRepo } from './documents-repo';
import type { DocumentRecord, StoredPreview } from './documents-repo';
import { createPaperAccess } from './paper-access';
import { createPdfParser } from './pdf-parser';
import type { ParserOptions } from './pdf-parser';

export function createDocuments(
  db: Database,
  config: HostConfig,
  meetings: MeetingsRepo,
  parser: Partial<ParserOptions> = {},
) {
  const repo = createDocumentsRepo(db);
  const access = createPaperAccess(repo, meetings, createUsersRepo(db));
  const store = createContentStore(config.dataDir);
  const pdfParser = createPdfParser(parser, config.spawnParserChild ?? undefined);
  // Papers imported without pictures (the demo seed, archive packages, papers from before
  // previews existed) get them when first asked for: one parse of the stored file, shared by
  // everyone asking meanwhile, not retried in this run after a failure.
  const drawing = new Map<string, Promise<void>>();
  const undrawable = new Set<string>();
  /** The paper's stored preview, drawn first if it has none yet (null when it cannot have one). */
  async function previewOf(doc: DocumentRecord): Promise<StoredPreview | null> {
    const stored = repo.preview(doc.id);
    if (stored || doc.encrypted || undrawable.has(doc.id)) return stored;
    let job = drawing.get(doc.id);
    if (!job) {
      job = pdfParser
        .parse(store.pathOf(doc.sha256), { picturesOnly: true })
        .then((out) => {
          if (out.ok && !out.encrypted && out.preview)
            repo.setPictures(doc.id, out.thumbnail, out.preview);
          else undrawable.add(doc.id);
        })
        .finally(() => drawing.delete(doc.id));
      drawing.set(doc.id, job);
    }
    await job;
    return repo.preview(doc.id);
  }
  return {
    repo,
    access,
    store,
    parser: pdfParser,
    previewOf,
    /**
     * Document routes are scoped by `:d` (the paper leads to its meeting). The live meeting doc
     * gets `papersRevision`: a fingerprint that changes whenever a paper is added, replaced,
     * deleted or re-shared, so clients know to refetch the meeting. It names no paper, because
     * every participant reads the live doc, confidential papers included.
     */
    attach(s: { scopes: ReturnType<typeof createScopeResolvers>; live: LiveMeetings }): void {
      s.scopes.register('d', (id) => repo.meetingOf(id));
      s.live.addSection('papersRevision', (meetingId) => {
        const docs = repo.currentOfMeeting(meetingId);
        const parts = docs.map(
          (d) =>
            `${d.id}:${d.version}:${d.confidential ? 1 : 0}:${d.agendaItemId ?? ''}:${repo.access(d.lineageId).join(',')}`,
        );
        return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16);
      });
    },
  };
}
export type DocumentsModule = ReturnType<typeof createDocuments>;
