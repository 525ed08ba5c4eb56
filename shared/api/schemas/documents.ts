import { z } from 'zod';
import { Id } from './common';
import { DocumentSummary } from './meetings';

export { DocumentSummary };

/** Query of an upload: the file name shown to people, where it belongs, and whether it is confidential. */
export const UploadDocumentQuery = z.object({
  filename: z.string().trim().min(1).max(255).optional(),
  agendaItemId: Id.optional(),
  confidential: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});
export type UploadDocumentQuery = z.infer<typeof UploadDocumentQuery>;

/** Query of a replacement upload (a new version keeps agenda item and confidentiality). */
export const ReplaceDocumentQuery = z.object({
  filename: z.string().trim().min(1).max(255).optional(),
});

/** The user ids allowed to see a confidential paper (secretary and chair always may). */
export const DocumentAccessBody = z.array(Id).max(5000);
export type DocumentAccessBody = z.infer<typeof DocumentAccessBody>;

export const PatchDocumentBody = z
  .object({
    title: z.string().trim().min(1).max(500),
    agendaItemId: Id.nullable(),
    confidential: z.boolean(),
  })
  .partial()
  .strict();
export type PatchDocumentBody = z.infer<typeof PatchDocumentBody>;

export const DocumentVersion = z.object({
  id: Id,
  version: z.number().int(),
  sha256: z.string(),
  pages: z.number().int(),
  size: z.number().int(),
  filename: z.string(),
  uploadedAt: z.string(),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

/** GET /documents/:d: the summary plus its version history and, for organisers, who may see it. */
export const DocumentDetail = DocumentSummary.extend({
  /** Shared by every version of the same paper. */
  lineageId: Id,
  /** The newest version's id (itself when this is the newest). */
  latestId: Id,
  /** The file carries JavaScript; viewers must keep scripting off (they always do). */
  hasScripts: z.boolean(),
  hasThumbnail: z.boolean(),
  versions: z.array(DocumentVersion),
  /** Who may see it when confidential; only shown to the secretary and chair (else null). */
  access: z.array(Id).nullable(),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const DocumentPageText = z.object({ page: z.number().int(), text: z.string() });
export type DocumentPageText = z.infer<typeof DocumentPageText>;
