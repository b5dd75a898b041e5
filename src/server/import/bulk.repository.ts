// Set-based writes for imports: one statement per chunk instead of one round trip per row, so a
// file of 100,000 rows takes seconds, not minutes.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/connection.js';
import { ROWS_PER_STATEMENT } from '../db/statement-size.js';
import type { Database } from '../db/types.js';
import { queued, type WriteQueue } from './write-queue.js';

/** PostgreSQL allows 65,535 bind parameters a statement. */
const MAX_PARAMETERS = 60_000;

export type SqlType = 'text' | 'uuid' | 'int' | 'boolean' | 'date' | 'text[]' | 'jsonb';
/** A column of a bulk write: its name (our own constant), SQL type, and how to read it from a row. */
export type Column<R> = { name: string; type: SqlType; get: (row: R) => unknown };

export const column = <R>(name: string, type: SqlType, get?: (row: R) => unknown): Column<R> => ({
  name,
  type,
  get: get ?? ((row) => (row as Record<string, unknown>)[name]),
});

/** Typed multi-row INSERTs for small tables, chunked under the parameter limit. */
export async function insertChunks<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[]) {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0] as object).length));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/**
 * `INSERT INTO t (…) SELECT v.a::uuid, … FROM unnest($1::text[], …) AS v(…)`: one array
 * parameter per column whatever the number of rows, each cast back to its type. Far cheaper to
 * build, send and parse than VALUES lists of the same rows. Through a WriteQueue, the next
 * chunk's arrays are built while the database writes this one.
 */
export async function insertRows<R>(
  target: Db | WriteQueue,
  table: keyof Database & string,
  columns: readonly Column<R>[],
  rows: readonly R[],
) {
  const names = sql.raw(columns.map((c) => c.name).join(', '));
  const casts = sql.raw(columns.map((c) => `v.${c.name}::${c.type}`).join(', '));
  await queued(target, async (queue) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const arrays = asArrays(columns, rows.slice(i, i + ROWS_PER_STATEMENT));
      await queue.send(sql`insert into ${sql.table(table)} (${names})
        select ${casts} from unnest(${arrays}) as v(${names})`);
    }
  });
}

/** `UPDATE t SET a = v.a::type, … FROM unnest(…) AS v(id, …) WHERE t.id = v.id`, likewise. */
export async function updateRows<R extends { id: string }>(
  target: Db | WriteQueue,
  table: 'persons' | 'enrolments' | 'organisations' | 'interventions',
  columns: readonly Column<R>[],
  rows: readonly R[],
) {
  const all = [column<R>('id', 'uuid'), ...columns];
  const names = sql.raw(all.map((c) => c.name).join(', '));
  // Only persons and enrolments carry updated_at.
  const touch = table === 'persons' || table === 'enrolments' ? ['updated_at = now()'] : [];
  const assignments = sql.raw([...columns.map((c) => `${c.name} = v.${c.name}::${c.type}`), ...touch].join(', '));
  await queued(target, async (queue) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const arrays = asArrays(all, rows.slice(i, i + ROWS_PER_STATEMENT));
      await queue.send(sql`update ${sql.table(table)} as t set ${assignments}
        from unnest(${arrays}) as v(${names}) where t.id = v.id::uuid`);
    }
  });
}

function asArrays<R>(columns: readonly Column<R>[], rows: readonly R[]) {
  return sql.join(columns.map((c) => sql`${arrayLiteral(c, rows)}::text[]`));
}

// Each column travels as one text[] literal built here rather than by pg's generic array writer
// (a noticeable share of a 100,000-row import). uuid, int and date values are our own or
// validated and never need quoting (booleans as true/false); text is quoted, a text[] value nested as a literal, jsonb as JSON.
function arrayLiteral<R>(column: Column<R>, rows: readonly R[]): string {
  const quoted = column.type === 'text' || column.type === 'text[]' || column.type === 'jsonb';
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = column.get(rows[i]);
    if (value === null || value === undefined) parts[i] = 'NULL';
    else if (!quoted) parts[i] = String(value);
    else if (column.type === 'text[]') parts[i] = nestedArray(value as string[]);
    else parts[i] = quote(column.type === 'jsonb' ? JSON.stringify(value) : String(value));
  }
  return `{${parts.join(',')}}`;
}

const SPECIAL = /["\\]/;
const backslashed = (value: string) => value.replace(/["\\]/g, '\\$&');
const quote = (value: string) => (SPECIAL.test(value) ? `"${backslashed(value)}"` : `"${value}"`);

/** A text[] value as an element of the outer literal: quote(`{${values.map(quote)}}`), written directly. */
function nestedArray(values: readonly string[]): string {
  let out = '"{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out += `${i > 0 ? ',' : ''}\\"${SPECIAL.test(value) ? backslashed(backslashed(value)) : value}\\"`;
  }
  return `${out}}"`;
}
