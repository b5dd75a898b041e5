// One embedded-database start, measured inside a fresh process so memory is its own:
// `tsx bench/cases/embedded-child.ts MODE DIR` with MODE stegvis-first | stegvis-reopen |
// bare-first | bare-reopen | stegvis-report. Prints one JSON line { ms, maxRssMb }.
import { outcomesFromCounts } from '../../src/core/figures/outcomes-from-counts.js';
import { openDatabase } from '../../src/server/db/connection.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { countOutcomes } from '../../src/server/reports/outcomes.repository.js';

const [mode, dir] = process.argv.slice(2);
const start = performance.now();
let ms: number;
if (mode.startsWith('bare')) {
  // The floor: PGlite itself in this thread, no worker, socket, pool or migrations.
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dir);
  await db.query('select 1');
  ms = performance.now() - start;
  await db.close();
} else {
  const handle = await openDatabase({ dataDir: dir });
  // What `npm start` does on every start: migrations run (a no-op on reopen).
  await migrateToLatest(handle.db);
  await handle.db.selectFrom('organisations').select('id').limit(1).execute();
  ms = performance.now() - start;
  if (mode === 'stegvis-report') {
    const year = Number(process.argv[4] ?? 2025);
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    const ids = (await handle.db.selectFrom('interventions').select('id').execute()).map((r) => r.id);
    outcomesFromCounts({ scope: { association: 'SVERIGE' }, period, counts: await countOutcomes(handle.db, ids, period) });
    ms = performance.now() - start;
  }
  await handle.close();
}
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
