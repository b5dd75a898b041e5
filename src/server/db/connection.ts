import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './types.js';
import { serveBackupRequests } from './backup.js';
import { startEmbeddedDatabase } from './embedded.js';
import { prepareMarkedStatements } from './prepared.js';

// Set once for the process: bigint counts as numbers, dates as plain 'YYYY-MM-DD' strings so no
// time zone can shift a start or exit date by a day.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  pool: pg.Pool;
  kind: 'postgres' | 'embedded';
  /** The embedded database only: a consistent copy to `file` while it serves (PostgreSQL: pg_dump). */
  backup?: (file: string) => Promise<void>;
  close: () => Promise<void>;
};

export type DatabaseConfig = { databaseUrl?: string; dataDir: string; poolSize?: number };

/** PostgreSQL when a URL is given, otherwise the embedded database, both through `pg`. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // Not on the embedded database, whose one session outlives a pool's connections (names would clash).
    pool.on('connect', (client) => prepareMarkedStatements(client));
    return wrap(pool, 'postgres', async () => {});
  }
  const embedded = await startEmbeddedDatabase(config.dataDir);
  // PGlite has a single connection, so the pool has one too; requests queue for it.
  const pool = new pg.Pool({ host: embedded.socketDir, user: 'postgres', database: 'postgres', max: 1 });
  // `stegvis backup` asks whoever holds the data directory (db/backup.ts).
  const stopServing = config.dataDir.startsWith('memory://') ? () => {} : serveBackupRequests(config.dataDir, embedded.backup);
  const stop = async () => {
    stopServing();
    await embedded.stop();
  };
  return { ...wrap(pool, 'embedded', stop), backup: embedded.backup };
}

function wrap(pool: pg.Pool, kind: DatabaseHandle['kind'], stop: () => Promise<void>): DatabaseHandle {
  // An idle connection that drops (server restart, embedded worker stopping) must not crash the
  // process; the pool discards it and the next query opens a new one.
  pool.on('error', () => {});
  // Nor one that drops while checked out between two queries (PostgreSQL stopped under load):
  // `pg` emits 'error' on the client, which would crash the process without a listener. The
  // next query on it fails (answered 503) and the pool discards it on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    pool,
    kind,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await stop();
    },
  };
}
