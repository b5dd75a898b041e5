import { echo } from '../../core/echo.js';
import type { z } from 'zod';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { isUniqueViolation } from '../db/pg-errors.js';
import type { codeListEntryCreate, codeListEntryUpdate } from './code-list.schemas.js';
import { findEntry, insertEntry, listCodeLists, listFacts, updateEntry } from './code-list.repository.js';

type Create = z.output<typeof codeListEntryCreate>;
type Update = z.output<typeof codeListEntryUpdate>;

const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

export const presentEntry = (r: { list: string; code: string; label: string; group_code: string | null; valid_from: string; valid_to: string | null }) => ({
  list: r.list,
  code: r.code,
  label: r.label,
  group: r.group_code,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

/** The entries of one list, or of every list. */
export async function listEntries(db: Db, list?: string) {
  return (await listCodeLists(db, list)).map(presentEntry);
}

const codeConflict = (list: string, code: string) =>
  new AppError('conflict', `Koden${echo(code)} finns redan i kodlistan ${list}. Ändra den befintliga koden i stället.`);

/** Adds a code at the end of an existing list. Lists are defined by the application, not created here. */
export async function addEntry(ctx: RequestContext, list: string, input: Create) {
  return ctx.db.transaction().execute(async (trx) => {
    const facts = await listFacts(trx, list);
    if (!facts.exists) throw notFound();
    // Grouped lists (income_source, exit_reason) feed figures by group: a new code needs a known group.
    if (facts.groups.length > 0 && (!input.group || !facts.groups.includes(input.group))) {
      throw badRequest(invalid, [{ path: 'group', message: `Ange en av grupperna: ${facts.groups.join(', ')}` }]);
    }
    if (facts.groups.length === 0 && input.group) {
      throw badRequest(invalid, [{ path: 'group', message: 'Kodlistan har inga grupper; lämna fältet tomt' }]);
    }
    if (await findEntry(trx, list, input.code)) throw codeConflict(list, input.code);
    const row = await insertEntry(trx, {
      list,
      code: input.code,
      label: input.label,
      group_code: input.group,
      sort_order: facts.nextSortOrder,
      ...(input.validFrom && { valid_from: input.validFrom }),
      valid_to: input.validTo,
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? codeConflict(list, input.code) : error;
    });
    return presentEntry(row);
  });
}

export async function changeEntry(ctx: RequestContext, list: string, code: string, input: Update) {
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await findEntry(trx, list, code);
    if (!entry) throw notFound();
    if (input.validTo && input.validTo < entry.valid_from) {
      throw badRequest(invalid, [{ path: 'validTo', message: `Giltig till kan inte vara före giltig från (${entry.valid_from})` }]);
    }
    const row = await updateEntry(trx, list, code, {
      ...(input.label !== undefined && { label: input.label }),
      ...(input.validTo !== undefined && { valid_to: input.validTo }),
    });
    return presentEntry(row);
  });
}
