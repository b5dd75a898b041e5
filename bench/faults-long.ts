// The fault suite's long run (issue 11, item 4): the same specs as `npm run test:faults`, with 50
// kills per scenario and database and tens of thousands of fuzzed inputs (200 for each of the
// API's operations, for each of two users), seeded so a failure can be run again. One spec at a
// time on both databases; about an hour on two cores.
//   npx tsx bench/faults-long.ts [--kills 50] [--rows 5000] [--fuzz 200] [--seed 11] [--specs kill-imports,kill-writes]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { list, log, parseArgs } from './lib/args.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const kills = args.get('kills') ?? '50';
const seed = args.get('seed') ?? String(Date.now() % 100_000);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  FAULT_KILLS: kills,
  FAULT_IMPORT_KILLS: kills,
  FAULT_IMPORT_ROWS: args.get('rows') ?? '5000',
  FAULT_OUTAGES: args.get('outages') ?? '10',
  FUZZ_CASES: args.get('fuzz') ?? '200',
  FAULT_SEED: seed,
  FUZZ_SEED: seed,
};
const specs = list(args.get('specs'), ['kill-imports', 'kill-writes', 'pg-outage', 'fuzz-openapi']);
log(`seed ${env.FAULT_SEED}, ${kills} kills, ${env.FAULT_IMPORT_ROWS} rows a file, ${env.FUZZ_CASES} fuzz cases`);
let failed = false;
for (const spec of specs) {
  const started = Date.now();
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'faults/vitest.config.ts', `faults/${spec}.spec.ts`], { cwd: root, env, stdio: 'inherit' });
  log(`${spec}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;
