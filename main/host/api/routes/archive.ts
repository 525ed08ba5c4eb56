import type { Readable } from 'node:stream';
import type { archiveCommands } from '../../../../shared/api/commands/archive';
import type { Handler } from '../handler-types';
import { exportMeeting as buildExport } from '../../archive-package/export';
import { importPackage as runImport } from '../../archive-package/import';
import { backupToStream } from '../../backup/backup';

type C = typeof archiveCommands;

export const exportMeeting: Handler<C['exportMeeting']> = (ctx, s) => {
  const out = buildExport(s, ctx.scope.meeting.id);
  s.tx(() => s.audit.append(ctx.scope.meeting.id, ctx.user.id, 'archive.export', {}));
  return {
    contentType: 'application/zip',
    body: out.stream as Readable,
    filename: out.filename,
    // No Content-Length (the package is built while it streams); the UI counts against this.
    headers: {
      'X-Archive-Estimated-Size': String(out.estimatedBytes),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
    },
  };
};

export const importPackage: Handler<C['importPackage']> = (ctx, s) =>
  runImport(s, ctx.req, ctx.user);

export const backupArchive: Handler<C['backupArchive']> = (ctx, s) => {
  const out = backupToStream(s, ctx.user.id);
  return {
    contentType: 'application/zip',
    body: out.stream,
    filename: out.filename,
    headers: {
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
    },
  };
};
