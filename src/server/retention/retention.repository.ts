import { sql } from 'kysely';
import { personalData } from '../access/personal-data.js';
import type { Db } from '../db/connection.js';

/** Data-protection model 8: without a rule of its own, identity is removed 5 years after the last entry. */
export const defaultKeepYears = 5;

/**
 * The organisations controlling persons, with their keep time for person identity. Every one is
 * listed, so a run records a count (zero too) for each.
 */
export async function identityRules(db: Db): Promise<{ organisationId: string; code: string; keepYears: number }[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('retention_rules as r', (join) => join.onRef('r.organisation_id', '=', 'o.id').on('r.record_type', '=', 'person_identity'))
    .select(['o.id', 'o.code', 'r.keep_years'])
    .where((eb) => eb.exists(eb.selectFrom('persons as p').select('p.id').whereRef('p.controller_org_id', '=', 'o.id')))
    .orderBy('o.code')
    .execute();
  return rows.map((r) => ({ organisationId: r.id, code: r.code, keepYears: r.keep_years ?? defaultKeepYears }));
}

/**
 * Persons of the organisation whose identity is still stored and whose last entry (the latest
 * date of the registry's retention clock over every table about them, access/personal-data.ts;
 * without any, the person's own last change) is more than `keepYears` before `today`. A person
 * with an open enrolment is still being followed and is never due. Protected persons have no
 * identity left to remove.
 */
export async function personsDue(db: Db, organisationId: string, keepYears: number, today: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select p.id
    from persons p
    where p.controller_org_id = ${organisationId}
      and p.identity_removed_at is null
      and not p.protected_identity
      and not exists (select 1 from enrolments e where e.person_id = p.id and e.exit_date is null)
      and coalesce(${lastEntry()}, (p.updated_at at time zone 'UTC')::date)
        < (${today}::date - make_interval(years => ${keepYears}))::date`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** greatest(…) over the latest clock date of each registered table that links rows to a person by a column. */
function lastEntry() {
  const latest = personalData.flatMap((table) => {
    if (table.retentionClock.length === 0 || !('column' in table.person)) return [];
    const dates = table.retentionClock.map((c) => (c.type === 'date' ? sql`t.${sql.ref(c.column)}` : sql`(t.${sql.ref(c.column)} at time zone 'UTC')::date`));
    return [sql`(select max(greatest(${sql.join(dates)})) from ${sql.table(table.table)} t where t.${sql.ref(table.person.column)} = p.id)`];
  });
  return latest.length === 0 ? sql`null::date` : sql`greatest(${sql.join(latest)})`;
}

export async function recordRun(
  db: Db,
  row: { runId: string; today: string; organisationId: string; recordType: string; keepYears: number; removed: number },
): Promise<void> {
  await db
    .insertInto('retention_runs')
    .values({
      run_id: row.runId,
      run_date: row.today,
      organisation_id: row.organisationId,
      record_type: row.recordType,
      keep_years: row.keepYears,
      removed_count: row.removed,
    })
    .execute();
}

/** Serialises runs (the server's daily run, the CLI) until the transaction ends. Key: 'stegvis retention'. */
export async function lockRetention(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(7305648521190475101)`.execute(db);
}
