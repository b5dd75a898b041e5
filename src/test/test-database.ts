import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrate.js';

/** The PostgreSQL server used by tests; each test file gets a database of its own on it. */
export const testServerUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = DatabaseHandle & { name: string };

/**
 * A fresh, migrated database of the kind this test project runs on (STEGVIS_TEST_DB): the
 * embedded database in a temporary directory, through the same worker and socket as
 * `npm start`, or a new database on the PostgreSQL server. `migrate: false` leaves it empty (the
 * upgrade test applies the migrations itself).
 */
export async function openTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  const kind = process.env.STEGVIS_TEST_DB ?? 'pglite';
  if (kind === 'postgres') {
    const name = `stegvis_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(testServerUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    if (migrate) await migrateToLatest(handle.db);
    return {
      ...handle,
      name,
      close: async () => {
        await handle.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-test-'));
  const handle = await openDatabase({ dataDir });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    name: dataDir,
    close: async () => {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One statement on the PostgreSQL test server's admin database (creating and dropping databases). */
export async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
