import { z } from 'zod';
import { admin, defineCommands, inMeeting, user } from '../define';
import { Id } from '../schemas/common';
import { ImportAnswer } from '../schemas/archive';
import { SearchAnswer, SearchQuery } from '../schemas/search';

const M = z.object({ m: Id });

export const archiveCommands = defineCommands({
  search: {
    method: 'GET',
    path: '/search',
    access: user,
    query: SearchQuery,
    answer: SearchAnswer,
  },
  /** One ZIP per meeting, streamed: manifest with SHA-256 of every file, papers, annotations, ballots, audit, minutes. */
  exportMeeting: {
    method: 'GET',
    path: '/meetings/:m/export',
    access: inMeeting('m', ['secretary'], true),
    params: M,
    answer: 'binary',
  },
  /** A package from another host, verified in full, becomes a read-only archived meeting. */
  importPackage: {
    method: 'POST',
    path: '/archive/import',
    access: admin,
    body: 'raw',
    answer: ImportAnswer,
    changesMeeting: false,
  },
  /** An online backup of the whole data folder (database + content store) as one ZIP. */
  backupArchive: { method: 'GET', path: '/archive/backup', access: admin, answer: 'binary' },
});
