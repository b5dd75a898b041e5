import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { databaseFixture } from '../../test/fixture.js';
import { column, insertRows, updateRows } from './bulk.repository.js';

const t = databaseFixture();
beforeAll(async () => {
  await sql`create table bulk_check (id uuid primary key, a text, b text[], c jsonb, d int, e date)`.execute(t.db);
});

type Row = { id: string; a: string | null; b: string[]; c: unknown; d: number | null; e: string | null };
const columns = [column<Row>('a', 'text'), column<Row>('b', 'text[]'), column<Row>('c', 'jsonb'), column<Row>('d', 'int'), column<Row>('e', 'date')];

it('writes and updates values with quotes, backslashes, commas, braces, NULL-like text and empty arrays exactly', async () => {
  const rows: Row[] = [
    { id: '01a2019a-c1f2-7000-81d4-f22721b8d229', a: 'sa "hej" \\ tillbaka, {x}', b: ['a b', 'c"d', 'e\\f', '', 'x,y'], c: { k: 'v"\\' }, d: 5, e: '2020-02-29' },
    { id: '01a2019a-c1f2-7001-81d4-f22721b8d229', a: '', b: [], c: null, d: null, e: null },
    { id: '01a2019a-c1f2-7002-81d4-f22721b8d229', a: 'NULL', b: ['NULL'], c: [1, 'två'], d: 0, e: null },
  ];
  await insertRows(t.db, 'bulk_check' as never, [column<Row>('id', 'uuid'), ...columns], rows);
  const read = async () => (await sql<Row>`select id, a, b, c, d, e from bulk_check order by id`.execute(t.db)).rows;
  expect(await read()).toEqual(rows);
  const changed = rows.map((row) => ({ ...row, a: `${row.a}"`, b: [...row.b, 'ny'], d: 7 }));
  await updateRows(t.db, 'bulk_check' as never, columns, changed);
  expect(await read()).toEqual(changed);
});
