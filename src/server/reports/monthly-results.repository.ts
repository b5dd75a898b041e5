import { sql } from 'kysely';
import { codeLists, isWorkOrStudiesExit } from '../../core/code-lists.js';
import { monthlyResultOf, type MonthlyResult } from '../../core/figures/monthly-results.js';
import type { Db } from '../db/connection.js';
import type { ResolvedScope } from './key-figures.repository.js';

/**
 * The monthly result of core/figures/monthly-results.ts counted in SQL, over the anonymous facts
 * of the enrolments (dates and exit reason): one row per month of the series, each enrolment
 * joined to the months it is active in.
 */
export async function countMonthlyResults(db: Db, scope: ResolvedScope, months: readonly string[], subsidisedCountsAsWork: boolean): Promise<MonthlyResult[]> {
  if (months.length === 0) return [];
  const ids = scope.interventions.map((i) => i.id);
  const outcomeReasons = codeLists.exit_reason.map((r) => r.code).filter((code) => isWorkOrStudiesExit(code, subsidisedCountsAsWork));
  const { rows } = await sql<{ month: string; active: number; outcomes: number }>`
    select to_char(m.first, 'YYYY-MM') as month,
      count(e.id)::int as active,
      count(e.id) filter (where e.exit_date <= m.last and e.exit_reason = any(${outcomeReasons}::text[]))::int as outcomes
    from (select first::date, (first + interval '1 month' - interval '1 day')::date as last
          from generate_series(${`${months[0]}-01`}::date, ${`${months.at(-1)}-01`}::date, interval '1 month') as first) as m
    left join enrolments e on e.intervention_id = any(${ids}::uuid[])
      ${scope.teamId ? sql`and e.team_id = ${scope.teamId}` : sql``}
      and e.start_date <= m.last and (e.exit_date is null or e.exit_date >= m.first)
      and e.exit_reason is distinct from 'registration_error'
    group by m.first
    order by m.first`.execute(db);
  return rows.map((r) => monthlyResultOf(r.month, r.active, r.outcomes));
}
