import { sql } from 'kysely';
import type { DataScope } from '../access/data-scope.js';
import { enrolmentVisibleTo } from '../access/scope.js';
import { personalData } from '../access/personal-data.js';
import type { Db } from '../db/connection.js';

/** What removing identity clears (data-protection model 5 and 8), as the audit trail names it: the registry's identity and free-text columns. */
export const removedFields: readonly string[] = personalData.flatMap((t) => [...t.identity, ...t.freeText].map((column) => `${t.table}.${column}`));

const personIdentityCleared = Object.fromEntries(
  personalData.filter((t) => t.table === 'persons').flatMap((t) => t.identity.map((column) => [column, null])),
) as { personnummer: null; participant_ref: null; first_name: null; last_name: null };

export type EnrolmentRef = { id: string; person_id: string; controller_org_id: string; identity_removed_at: Date | null };

const refColumns = ['e.id', 'e.person_id', 'e.controller_org_id', 'p.identity_removed_at'] as const;

/**
 * The enrolment behind a consent or protection request, through the access rule: out of scope is
 * not found. The CLI passes a system scope (access/data-scope.ts) and audits as the system.
 */
export function findVisibleEnrolmentRef(db: Db, scope: DataScope, id: string): Promise<EnrolmentRef | undefined> {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .select(refColumns)
    .where(enrolmentVisibleTo(scope, 'e'))
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/** The latest start date among the person's open enrolments with the controller (an exit cannot precede it). */
export async function latestOpenStart(db: Db, personId: string, controllerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('enrolments')
    .select((eb) => eb.fn.max('start_date').as('latest'))
    .where('person_id', '=', personId)
    .where('controller_org_id', '=', controllerId)
    .where('exit_date', 'is', null)
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/**
 * Exits every open enrolment of the person in the controller's interventions on `date`. Only the
 * exit facts are written, so each counts as an exit in the period containing `date` and nowhere else.
 */
export async function exitOpenEnrolments(db: Db, personId: string, controllerId: string, date: string, reason: string): Promise<string[]> {
  const rows = await db
    .updateTable('enrolments')
    .set({ exit_date: date, exit_reason: reason, exit_detail: null, updated_at: new Date() })
    .where('person_id', '=', personId)
    .where('controller_org_id', '=', controllerId)
    .where('exit_date', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Removes identity and free text of the given persons, keeping every anonymous fact the figures
 * are built from (gender, age at start, dates, reasons), so no past figure changes (data-protection
 * model 8). With `protect`, the person is also marked as protected (model 5): the database then
 * refuses identity for them for good. Returns the ids of the persons whose identity was removed now.
 */
export async function removeIdentity(db: Db, personIds: string[], options: { protect?: boolean } = {}): Promise<string[]> {
  if (personIds.length === 0) return [];
  let query = db
    .updateTable('persons')
    .set({
      ...personIdentityCleared,
      identity_removed_at: sql<Date>`coalesce(identity_removed_at, now())`,
      updated_at: new Date(),
      ...(options.protect && { protected_identity: true }),
    })
    .where(sql<boolean>`id = any(${personIds}::uuid[])`);
  // Idempotent: a person already without identity is left alone (and not counted again).
  if (!options.protect) query = query.where('identity_removed_at', 'is', null);
  const removed = (await query.returning('id').execute()).map((r) => r.id);
  if (removed.length === 0) return [];
  // Every other table the registry declares with identity or free text about the person.
  for (const table of personalData) {
    const columns = [...table.identity, ...table.freeText];
    if (table.table === 'persons' || columns.length === 0 || !('column' in table.person)) continue;
    await sql`update ${sql.table(table.table)}
      set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = null`))}
      where ${sql.ref(table.person.column)} = any(${removed}::uuid[])
        and (${sql.join(columns.map((c) => sql`${sql.ref(c)} is not null`), sql` or `)})`.execute(db);
  }
  return removed;
}
