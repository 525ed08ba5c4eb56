// Restore a backup onto an empty data folder: `npm run restore -- --from FILE.zip --data DIR`.
import path from 'node:path';
import { restoreBackup, RestoreError } from '../host/backup/restore';
import { parseArgs } from './args';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { from: 'string', data: 'string' });
  if (typeof args.from !== 'string' || typeof args.data !== 'string') {
    console.error('Usage: npm run restore -- --from BACKUP.zip --data EMPTY_FOLDER');
    return 2;
  }
  try {
    const r = await restoreBackup(path.resolve(args.from), path.resolve(args.data));
    console.log(
      `Restored ${r.files} files into ${path.resolve(args.data)}. Start the host with --data ${args.data}.`,
    );
    return 0;
  } catch (err) {
    if (err instanceof RestoreError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
