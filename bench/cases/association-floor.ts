// The floor of the förbund's figures: one hand-written statement returning, per intervention of a
// förbund (or of the country), what the dashboard shows — unique participants by gender (each
// person's first active enrolment), anonymous by gender, exits, exits to work or studies,
// completion, the year's money and the number of goals — with no scope resolution, suppression,
// goal judging or presentation around it.
import { sql } from 'kysely';
import { codeLists, isWorkOrStudiesExit } from '../../src/core/code-lists.js';
import type { Db } from '../../src/server/db/connection.js';

export type AssociationFloorScope = { associationId: string } | 'country';

export type AssociationFloorRow = { intervention_id: string; part: string; gender: string | null; n: number };

const workOrStudies = codeLists.exit_reason.map((r) => r.code).filter((c) => isWorkOrStudiesExit(c, true));

export async function associationFloor(db: Db, scope: AssociationFloorScope, year: number): Promise<AssociationFloorRow[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const ids = scope === 'country' ? sql`select id from interventions` : sql`select id from interventions where association_id = ${scope.associationId}`;
  const { rows } = await sql<AssociationFloorRow>`
    with e as (
      select id, intervention_id, controller_org_id, person_id, gender, start_date, exit_date, exit_reason, exit_completed
      from enrolments
      where intervention_id = any(array(${ids})) and start_date <= ${to} and (exit_date is null or exit_date >= ${from})
        and exit_reason is distinct from 'registration_error'),
    firsts as (
      select distinct on (intervention_id, controller_org_id, person_id) intervention_id, gender from e
      order by intervention_id, controller_org_id, person_id, start_date, id)
    select intervention_id, 'unique' as part, gender, count(*)::int as n from firsts group by 1, 3
    union all
    select intervention_id, 'exits', null, count(*)::int from e where exit_date <= ${to} group by 1
    union all
    select intervention_id, 'work_or_studies', null, count(*)::int from e where exit_date <= ${to} and exit_reason = any(${workOrStudies}::text[]) group by 1
    union all
    select intervention_id, 'completed', null, count(*)::int from e where exit_date <= ${to} and exit_completed group by 1
    union all
    select intervention_id, 'recorded', null, count(*)::int from e where exit_date <= ${to} and exit_completed is not null group by 1
    union all
    select intervention_id, 'anonymous', gender, sum(count)::int from anonymous_registrations
      where intervention_id = any(array(${ids})) and year = ${year} group by 1, 3
    union all
    select intervention_id, 'grant', null, sum(amount)::int from intervention_grants where intervention_id = any(array(${ids})) and year = ${year} group by 1
    union all
    select intervention_id, 'budget', null, sum(amount)::int from intervention_budget_lines where intervention_id = any(array(${ids})) and year = ${year} group by 1
    union all
    select intervention_id, 'actual', null, sum(amount)::int from intervention_costs
      where intervention_id = any(array(${ids})) and month between ${from}::date and ${to}::date group by 1
    union all
    select intervention_id, 'goals', null, count(*)::int from intervention_goals where intervention_id = any(array(${ids})) and period = ${String(year)} group by 1`.execute(db);
  return rows;
}

/** Unique participants + anonymous per intervention: what the floor and the exact figures must agree on. */
export function floorParticipants(rows: AssociationFloorRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rows.filter((x) => x.part === 'unique' || x.part === 'anonymous')) totals.set(r.intervention_id, (totals.get(r.intervention_id) ?? 0) + r.n);
  return totals;
}
