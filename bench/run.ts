// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after the
// other in its own process, so one benchmark's heap does not skew the next. Each prints its table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((name) => f.includes(name)))
  .sort();

if (files.length === 0) {
  console.log('No benchmarks matched.');
  process.exit(0);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', path.join(here, file)],
    {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    },
  );
  if (run.status !== 0) {
    failed++;
    console.log(`${file} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
