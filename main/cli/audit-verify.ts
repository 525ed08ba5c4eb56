// Offline check of the audit chains in a data folder:
//   npm run audit-verify -- --data DIR [--meeting ID] [--json]
// Opens the archive read-only (a running host may keep working), recomputes every meeting's hash
// chain and names the first broken link. Exit code: 0 all valid, 1 a chain is broken, 2 usage error.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createAuditChain } from '../host/audit/chain';
import { defaultDataDir } from '../host/config';
import { parseArgs } from './args';

function main(): number {
  let args: Record<string, string | boolean>;
  try {
    args = parseArgs(process.argv.slice(2), { data: 'string', meeting: 'string', json: 'boolean' });
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const dataDir = typeof args.data === 'string' ? path.resolve(args.data) : defaultDataDir();
  const file = path.join(dataDir, 'archive.sqlite');
  if (!fs.existsSync(file)) {
    console.error(`No archive at ${file}`);
    return 2;
  }
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const chain = createAuditChain(db);
    const meetings =
      typeof args.meeting === 'string'
        ? [args.meeting]
        : db
            .prepare<[], { meeting_id: string }>(
              'SELECT DISTINCT meeting_id FROM audit_events ORDER BY meeting_id',
            )
            .all()
            .map((r) => r.meeting_id);
    const reports = meetings.map((meetingId) => ({ meetingId, ...chain.verify(meetingId) }));
    if (args.json === true) console.log(JSON.stringify(reports, null, 2));
    else
      for (const r of reports) {
        const name = r.meetingId === '' ? '(host)' : r.meetingId;
        if (r.valid) console.log(`OK      ${name}: ${r.count} events, head ${r.head}`);
        else
          console.log(
            `BROKEN  ${name}: event ${r.firstBroken?.seq}: ${r.firstBroken?.reason} (${r.count} checked)`,
          );
      }
    return reports.every((r) => r.valid) ? 0 : 1;
  } finally {
    db.close();
  }
}

process.exitCode = main();
