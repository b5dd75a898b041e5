import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseFixture } from '../../test/fixture.js';
import { migrateToLatest, upToDate } from './migrate.js';
import { migrations } from './migrations/index.js';

// A restart of an up-to-date database skips the migrator (issue 9 item 8, start-up time); a
// database missing a migration of this build, or holding one it does not know, goes through it.
const t = databaseFixture();

describe('migrateToLatest on a restart', () => {
  it('skips the migrator only when exactly the migrations of this build are applied', async () => {
    expect(await upToDate(t.db)).toBe(true);
    expect(await migrateToLatest(t.db)).toEqual([]);
    const newest = Object.keys(migrations).sort().at(-1)!;
    const row = (await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration where name = ${newest}`.execute(t.db)).rows[0];
    await sql`delete from kysely_migration where name = ${newest}`.execute(t.db);
    expect(await upToDate(t.db)).toBe(false);
    await sql`insert into kysely_migration (name, timestamp) values (${row.name}, ${row.timestamp})`.execute(t.db);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-unknown', ${row.timestamp})`.execute(t.db);
    expect(await upToDate(t.db)).toBe(false);
    await sql`delete from kysely_migration where name = '9999-unknown'`.execute(t.db);
    expect(await upToDate(t.db)).toBe(true);
  });
});
