import { z } from 'zod';
import { defineCommands, inMeeting } from '../define';
import { Id } from '../schemas/common';
import {
  DocumentAccessBody,
  DocumentDetail,
  DocumentPageText,
  DocumentSummary,
  PatchDocumentBody,
  ReplaceDocumentQuery,
  UploadDocumentQuery,
} from '../schemas/documents';

const M = z.object({ m: Id });
const MD = z.object({ m: Id, d: Id });
const D = z.object({ d: Id });

// Reading routes admit any participant; the documents module then hides confidential papers from
// those not named on them (404, as if the paper did not exist).
export const documentCommands = defineCommands({
  createDocument: {
    method: 'POST',
    path: '/meetings/:m/documents',
    access: inMeeting('m', ['secretary'], true),
    params: M,
    query: UploadDocumentQuery,
    body: 'raw',
    answer: DocumentSummary,
    status: 201,
  },
  putDocumentAccess: {
    method: 'PUT',
    path: '/meetings/:m/documents/:d/access',
    access: inMeeting('m', ['secretary'], true),
    params: MD,
    body: DocumentAccessBody,
    answer: DocumentDetail,
  },
  getDocument: {
    method: 'GET',
    path: '/documents/:d',
    access: inMeeting('d', 'participant', true),
    params: D,
    answer: DocumentDetail,
  },
  getDocumentFile: {
    method: 'GET',
    path: '/documents/:d/file',
    access: inMeeting('d', 'participant', true),
    params: D,
    answer: 'binary',
  },
  getDocumentThumbnail: {
    method: 'GET',
    path: '/documents/:d/thumbnail',
    access: inMeeting('d', 'participant', true),
    params: D,
    answer: 'binary',
  },
  // Page 1 at screen size (WebP), with the page's size in PDF points in `X-Page-Size` ("w h"):
  // the viewer shows it while pdf.js starts. 404 for papers imported without one.
  getDocumentPreview: {
    method: 'GET',
    path: '/documents/:d/preview',
    access: inMeeting('d', 'participant', true),
    params: D,
    answer: 'binary',
  },
  getDocumentText: {
    method: 'GET',
    path: '/documents/:d/text',
    access: inMeeting('d', 'participant', true),
    params: D,
    answer: z.array(DocumentPageText),
  },
  createDocumentVersion: {
    method: 'POST',
    path: '/documents/:d/versions',
    access: inMeeting('d', ['secretary'], true),
    params: D,
    query: ReplaceDocumentQuery,
    body: 'raw',
    answer: DocumentDetail,
    status: 201,
  },
  patchDocument: {
    method: 'PATCH',
    path: '/documents/:d',
    access: inMeeting('d', ['secretary'], true),
    params: D,
    body: PatchDocumentBody,
    answer: DocumentDetail,
  },
  deleteDocument: {
    method: 'DELETE',
    path: '/documents/:d',
    access: inMeeting('d', ['secretary'], true),
    params: D,
    answer: 'empty',
  },
});
