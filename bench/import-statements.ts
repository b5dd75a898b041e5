// Where a large import's time goes on PostgreSQL: imports the scale's enrolment file (100,000 rows
// at M) into a fresh database holding only organisations and interventions, and sums the time of
// its statements by their first words (the table written), against the whole import. The rest is
// Node: parsing, validation, matching, planning and building the arrays.
//   npx tsx bench/import-statements.ts [--scale M]
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../src/server/db/types.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { importEnrolments } from '../src/server/import/import.service.js';
import { log, parseArgs } from './lib/args.js';
import { createPg, dropPg, openAt } from './lib/db.js';
import { enrolmentFile, importOptions, loadMasterData, scaleOptions } from './lib/load.js';

const args = parseArgs(process.argv.slice(2));
const opts = scaleOptions(args.get('scale') ?? 'M', 1);
const { text, rows } = enrolmentFile(opts);
const name = 'stegvis_bench_import_statements';
await createPg(name);
const handle = await openAt({ kind: 'postgres', name });
try {
  await migrateToLatest(handle.db);
  await loadMasterData(handle.db, opts);
  const byStatement = new Map<string, number>();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: handle.pool }),
    log: (event) => {
      const key = event.query.sql.replace(/\s+/g, ' ').slice(0, 40);
      byStatement.set(key, (byStatement.get(key) ?? 0) + event.queryDurationMillis);
    },
  });
  const started = performance.now();
  const result = await importEnrolments(db, text, importOptions);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error('the import was refused');
  const inStatements = [...byStatement.values()].reduce((a, b) => a + b, 0);
  log(`${rows} rows in ${Math.round(ms)} ms (${Math.round((rows / ms) * 1000)} rows/s); statements ${Math.round(inStatements)} ms, Node ${Math.round(ms - inStatements)} ms`);
  for (const [statement, total] of [...byStatement].sort((a, b) => b[1] - a[1]).slice(0, 10)) log(`${String(Math.round(total)).padStart(7)} ms  ${statement}`);
} finally {
  await handle.close();
  await dropPg(name);
}
