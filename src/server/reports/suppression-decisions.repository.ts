import { sql } from 'kysely';
import type { DecidedFamily } from '../../core/figures/outcomes-family.js';
import type { Db } from '../db/connection.js';

// Decided suppression kept in the database (migration 2026-11-28-1600-suppression-decisions).
// A key names a family's whole input, so a row found is right by construction: nothing is ever
// invalidated, rows of a history that moved on are only pruned.

/** The kept decisions among the keys, in one query: families (DecidedFamily) or a year's reports, as the key says. */
export async function findDecisions(db: Db, keys: readonly string[]): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('suppression_decisions').select(['key', 'family']).where('key', '=', sql<string>`any(${[...keys]}::text[])`).execute();
  return new Map(rows.map((r) => [r.key, typeof r.family === 'string' ? JSON.parse(r.family) : r.family]));
}

/** One period's report (by name) of each kept year among the keys, in one query: only that report is sent. */
export async function findPeriodOfYears(db: Db, keys: readonly string[], periodName: string): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const { rows } = await sql<{ key: string; report: unknown }>`select key, family -> ${periodName} as report from suppression_decisions
    where key = any(${[...keys]}::text[]) and family ? ${periodName}`.execute(db);
  return new Map(rows.map((r) => [r.key, typeof r.report === 'string' ? JSON.parse(r.report) : r.report]));
}

export type NewDecision = { key: string; interventionId: string | null; family: DecidedFamily | Record<string, unknown> };

/** Keeps decisions; a key kept already (another decider was first) is left as it is: its content is the same. */
export async function storeDecisions(db: Db, decisions: readonly NewDecision[]): Promise<void> {
  if (decisions.length === 0) return;
  await sql`insert into suppression_decisions (key, intervention_id, family)
    select * from unnest(${decisions.map((d) => d.key)}::text[], ${decisions.map((d) => d.interventionId)}::uuid[],
      ${decisions.map((d) => JSON.stringify(d.family))}::jsonb[])
    on conflict (key) do nothing`.execute(db);
}

/** Removes an intervention's decisions other than those of its current history. */
export async function pruneDecisions(db: Db, interventionId: string, keep: readonly string[]): Promise<number> {
  const result = await db
    .deleteFrom('suppression_decisions')
    .where('intervention_id', '=', interventionId)
    .where('key', '<>', sql<string>`all(${[...keep]}::text[])`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Interventions marked dirty, each with its newest mark and code (null: no such intervention any more). */
export async function dirtyInterventions(db: Db, limit: number) {
  const { rows } = await sql<{ intervention_id: string; code: string | null; last_mark: string }>`
    select d.intervention_id, i.code, max(d.id)::text as last_mark
    from suppression_dirty d left join interventions i on i.id = d.intervention_id
    group by d.intervention_id, i.code order by min(d.id) limit ${limit}`.execute(db);
  return rows;
}

/** Marks every intervention dirty (one mark each). */
export async function markDirty(db: Db): Promise<void> {
  await sql`insert into suppression_dirty (intervention_id) select id from interventions`.execute(db);
}

/** Clears an intervention's marks up to the one seen (a mark written since stays for the next round). */
export async function clearDirty(db: Db, interventionId: string, lastMark: string): Promise<void> {
  await db.deleteFrom('suppression_dirty').where('intervention_id', '=', interventionId).where('id', '<=', lastMark).execute();
}

/**
 * Keeps only the newest mark of each intervention. Every write adds one, and where no decider runs
 * (the embedded database, or no timer set up) nothing else removes them; the newest is enough, as
 * the decider clears up to the newest it saw.
 */
export async function compactDirtyMarks(db: Db): Promise<number> {
  const { numAffectedRows } = await sql`delete from suppression_dirty d
    where exists (select 1 from suppression_dirty n where n.intervention_id = d.intervention_id and n.id > d.id)`.execute(db);
  return Number(numAffectedRows ?? 0);
}
