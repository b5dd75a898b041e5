import type { Db } from '../db/connection.js';
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
  return wanted.flatMap(({ list, codes, path }) =>
    codes
      .filter((c): c is string => !!c && !valid.has(`${list}:${c}`))
      .map((c) => ({ path, message: `Okänd kod '${c}' i kodlistan ${list}` })),
  );
}
