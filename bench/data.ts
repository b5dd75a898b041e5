// npm run bench:data -- --scale S|M|L [--db postgres,embedded] [--seed 1] [--force] [--label-suffix _x]
// Generates a scale's data deterministically from the seed and loads it through the CSV import
// into `stegvis_bench_<scale>` and/or an embedded data directory under $STEGVIS_BENCH_DIR.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { list, log, parseArgs } from './lib/args.js';
import { createPg, dbKinds, locationOf, openAt, readMarker, removeAt, writeMarker, type DbKind, type Location } from './lib/db.js';
import { loadScale, scaleOptions } from './lib/load.js';
import { ensureBenchUsers, findTargets } from './lib/users.js';

export async function ensureData(kind: DbKind, scale: string, seed: number, force = false, label = scale): Promise<Location> {
  const location = locationOf(kind, label);
  const marker = await readMarker(location);
  if (!force && marker && marker.scale === scale && marker.seed === seed) {
    log(`${kind} ${scale}: already loaded (${marker.enrolments} enrolments, ${marker.rowsPerSecond} rows/s); migrating forward`);
    // Loaded by an earlier import; the schema moves forward as a production database's would.
    const handle = await openAt(location);
    try {
      if ((await migrateToLatest(handle.db)).length > 0) await sql`vacuum analyze`.execute(handle.db);
    } finally {
      await handle.close();
    }
    return location;
  }
  const opts = scaleOptions(scale, seed);
  log(`${kind} ${scale}: loading ${opts.enrolments} enrolments (seed ${seed})`);
  await removeAt(location);
  if (location.kind === 'postgres') await createPg(location.name);
  const handle = await openAt(location);
  try {
    await migrateToLatest(handle.db);
    const { seconds, rows } = await loadScale(handle.db, opts);
    await ensureBenchUsers(handle.db, await findTargets(handle.db));
    // As autovacuum would have by the time anyone reads the data: statistics and visibility map.
    await sql`vacuum analyze`.execute(handle.db);
    const rowsPerSecond = Math.round(rows / seconds);
    await writeMarker(location, { scale, seed, enrolments: rows, loadedAt: new Date().toISOString(), loadSeconds: Math.round(seconds), rowsPerSecond });
    log(`${kind} ${scale}: ${rows} enrolments in ${seconds.toFixed(0)} s (${rowsPerSecond} rows/s)`);
  } finally {
    await handle.close();
  }
  return location;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = parseArgs(process.argv.slice(2));
  const seed = Number(args.get('seed') ?? 1);
  const kinds = list(args.get('db'), dbKinds) as DbKind[];
  for (const scale of list(args.get('scale'), ['S'])) {
    // --label-suffix: a database of one's own beside the shared `stegvis_bench_<scale>`.
    for (const kind of kinds) await ensureData(kind, scale, seed, args.has('force'), `${scale}${args.get('label-suffix') ?? ''}`);
  }
}
