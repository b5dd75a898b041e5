import type { Db } from '../db/connection.js';
import { echo } from '../../core/echo.js';
import type { FieldError } from '../errors.js';

export async function listCodeLists(db: Db, list?: string) {
  let query = db
    .selectFrom('code_list_entries')
    .select(['list', 'code', 'label', 'group_code', 'sort_order', 'valid_from', 'valid_to'])
    .orderBy('list')
    .orderBy('sort_order');
  if (list) query = query.where('list', '=', list);
  return query.execute();
}

/** Codes must be in the named list and valid on `onDate`; one error per bad code. */
export async function checkCodes(
  db: Db,
  checks: { list: string; codes: (string | null | undefined)[]; path: string }[],
  onDate: string,
): Promise<FieldError[]> {
  const wanted = checks.filter((c) => c.codes.some(Boolean));
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('code_list_entries')
    .select(['list', 'code'])
    .where('list', 'in', [...new Set(wanted.map((c) => c.list))])
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .execute();
  const valid = new Set(rows.map((r) => `${r.list}:${r.code}`));
  // A code field can receive a personnummer by mistake: the code is quoted only when it is
  // harmless to repeat (core/echo.ts), and the same answer is not given twice for one field.
  const errors = wanted.flatMap(({ list, codes, path }) =>
    codes
      .filter((c): c is string => !!c && !valid.has(`${list}:${c}`))
      .map((c) => ({ path, message: `Okänd kod${echo(c)} i kodlistan ${list}` })),
  );
  return errors.filter((e, i) => errors.findIndex((f) => f.path === e.path && f.message === e.message) === i);
}

const entryColumns = ['list', 'code', 'label', 'group_code', 'sort_order', 'valid_from', 'valid_to'] as const;

export function findEntry(db: Db, list: string, code: string) {
  return db.selectFrom('code_list_entries').select(entryColumns).where('list', '=', list).where('code', '=', code).executeTakeFirst();
}

/** Facts about a list needed to add to it: whether it exists, its groups, and the next sort order. */
export async function listFacts(db: Db, list: string) {
  const rows = await db.selectFrom('code_list_entries').select(['group_code', 'sort_order']).where('list', '=', list).execute();
  return {
    exists: rows.length > 0,
    groups: [...new Set(rows.flatMap((r) => (r.group_code ? [r.group_code] : [])))],
    nextSortOrder: Math.max(0, ...rows.map((r) => r.sort_order)) + 1,
  };
}

export function insertEntry(
  db: Db,
  values: { list: string; code: string; label: string; group_code: string | null; sort_order: number; valid_from?: string; valid_to: string | null },
) {
  return db.insertInto('code_list_entries').values(values).returning(entryColumns).executeTakeFirstOrThrow();
}

export function updateEntry(db: Db, list: string, code: string, set: { label?: string; valid_to?: string | null }) {
  return db
    .updateTable('code_list_entries')
    .set(set)
    .where('list', '=', list)
    .where('code', '=', code)
    .returning(entryColumns)
    .executeTakeFirstOrThrow();
}
