// Benchmark databases: `stegvis_bench_*` on the PostgreSQL server and embedded data directories
// under a temporary folder. Nothing here touches another database.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/connection.js';

export type DbKind = 'postgres' | 'embedded';
export const dbKinds: DbKind[] = ['postgres', 'embedded'];

export const adminUrl = process.env.STEGVIS_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Not under the temp directory: test suites clean up `stegvis-*` there. node_modules/.cache is
// ignored by git and by convention a cache.
export const benchDir =
  process.env.STEGVIS_BENCH_DIR ?? path.join(fileURLToPath(new URL('../../', import.meta.url)), 'node_modules', '.cache', 'stegvis-bench');

export function pgUrl(name: string): string {
  if (!/^stegvis_bench_[a-z0-9_]+$/.test(name)) throw new Error(`not a bench database name: ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query<R>(text, values);
  } finally {
    await client.end();
  }
}

export async function pgExists(name: string): Promise<boolean> {
  return (await adminQuery('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
}

export async function createPg(name: string, template?: string): Promise<void> {
  pgUrl(name);
  await dropPg(name);
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${pgUrlName(template)}` : ''}`);
}

export async function dropPg(name: string): Promise<void> {
  pgUrl(name);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

const pgUrlName = (name: string) => new URL(pgUrl(name)).pathname.slice(1);

/** Where a bench database lives: a database name on the server, or a data directory. */
export type Location = { kind: 'postgres'; name: string } | { kind: 'embedded'; dir: string };

export const locationOf = (kind: DbKind, label: string): Location =>
  kind === 'postgres' ? { kind, name: `stegvis_bench_${label.toLowerCase()}` } : { kind, dir: path.join(benchDir, label.toLowerCase()) };

export function openAt(location: Location, poolSize?: number): Promise<DatabaseHandle> {
  return location.kind === 'postgres'
    ? openDatabase({ databaseUrl: pgUrl(location.name), dataDir: '', poolSize })
    : openDatabase({ dataDir: location.dir });
}

/** The argument a bench server process is started with to open the same database. */
export const serverArgs = (location: Location) =>
  location.kind === 'postgres' ? ['--db-url', pgUrl(location.name)] : ['--data-dir', location.dir];

export async function removeAt(location: Location): Promise<void> {
  if (location.kind === 'postgres') await dropPg(location.name);
  else fs.rmSync(location.dir, { recursive: true, force: true });
}

/** A copy of a prepared database: `CREATE DATABASE … TEMPLATE`, or a copied data directory. */
export async function cloneAt(from: Location, to: Location): Promise<void> {
  if (from.kind === 'postgres' && to.kind === 'postgres') return createPg(to.name, from.name);
  if (from.kind === 'embedded' && to.kind === 'embedded') {
    fs.rmSync(to.dir, { recursive: true, force: true });
    fs.cpSync(from.dir, to.dir, { recursive: true });
    return;
  }
  throw new Error('cannot clone across kinds');
}

/** What was loaded where, kept beside the data so a run can refuse stale or other-scale data. */
export type DataMarker = { scale: string; seed: number; enrolments: number; loadedAt: string; loadSeconds: number; rowsPerSecond: number };

// Kept with the data: a comment on the database, a file in the data directory.
const markerFile = (dir: string) => path.join(dir, 'stegvis-bench.json');

export async function writeMarker(location: Location, marker: DataMarker): Promise<void> {
  if (location.kind === 'postgres') {
    const text = JSON.stringify(marker).replace(/'/g, "''");
    await adminQuery(`COMMENT ON DATABASE ${pgUrlName(location.name)} IS '${text}'`);
    return;
  }
  fs.writeFileSync(markerFile(location.dir), JSON.stringify(marker, null, 2));
}

export async function readMarker(location: Location): Promise<DataMarker | null> {
  try {
    if (location.kind === 'postgres') {
      const { rows } = await adminQuery<{ c: string | null }>(
        'select shobj_description(oid, $2) as c from pg_database where datname = $1', [location.name, 'pg_database']);
      return rows[0]?.c ? (JSON.parse(rows[0].c) as DataMarker) : null;
    }
    return JSON.parse(fs.readFileSync(markerFile(location.dir), 'utf8')) as DataMarker;
  } catch {
    return null;
  }
}

/** Removes a bench database and its marker. */
export async function forget(location: Location): Promise<void> {
  await removeAt(location);
}
