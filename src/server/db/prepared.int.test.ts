import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseFixture } from '../../test/fixture.js';
import { prepared } from './prepared.js';

// Marked statements are prepared once per PostgreSQL connection and reused (db/prepared.ts); the
// embedded database, whose one session outlives the pool's connections, prepares nothing.

const t = databaseFixture();
const kind = process.env.STEGVIS_TEST_DB ?? 'pglite';

describe('prepared statements', () => {
  it('prepares a marked statement once on its connection, answers it as before, and leaves unmarked ones unnamed', async () => {
    const names = await t.db.connection().execute(async (conn) => {
      for (const n of [1, 2, 3]) {
        const { rows } = await sql<{ n: number }>`select ${n}::int as n ${prepared}`.execute(conn);
        expect(rows).toEqual([{ n }]);
      }
      await sql`select ${4}::int as n`.execute(conn);
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements where not from_sql`.execute(conn);
      return rows.map((r) => r.statement);
    });
    if (kind === 'postgres') {
      expect(names).toEqual([expect.stringMatching(/^select \$1::int as n \/\* prepared \*\/$/)]);
    } else {
      expect(names.filter((s) => s.includes('prepared'))).toEqual([]);
    }
  });
});
