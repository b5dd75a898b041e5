import { configFromEnv, type Config } from '../server/config.js';
import { openDatabase } from '../server/db/connection.js';
import type { Db } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrate.js';

/**
 * Opens the database the server would use (DATABASE_URL, else the embedded one in
 * STEGVIS_DATA_DIR), brings it to the latest migration, runs `work`, and always closes it —
 * the embedded database holds a lock on its directory until then.
 */
export async function withDatabase<T>(work: (db: Db, config: Config, migrated: string[]) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const handle = await openDatabase({ ...config, poolSize: 2 });
  try {
    const migrated = await migrateToLatest(handle.db);
    return await work(handle.db, config, migrated);
  } finally {
    await handle.close();
  }
}
