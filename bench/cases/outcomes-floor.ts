// The floor of the outcomes report: one hand-written SQL statement that returns the same counts
// (flow by gender with under-30, exits by reason × gender, anonymous by gender) in one round
// trip, with no scope resolution, access check or presentation around it.
import { sql, type RawBuilder } from 'kysely';
import type { Period } from '../../src/core/dates.js';
import type { OutcomesReport } from '../../src/core/figures/outcomes.js';
import type { Db } from '../../src/server/db/connection.js';

export type FloorScope = { interventionId: string } | { associationId: string } | 'country';

function scopeFilter(scope: FloorScope): RawBuilder<boolean> {
  if (scope === 'country') return sql<boolean>`true`;
  if ('interventionId' in scope) return sql<boolean>`intervention_id = ${scope.interventionId}`;
  // any(array(…)) rather than in (…): the planner then uses the (intervention, exit) index.
  return sql<boolean>`intervention_id = any(array(select id from interventions where association_id = ${scope.associationId}))`;
}

type FloorRow = { part: 'enrolments' | 'anon'; gender: string; reason: string | null; a: number; b: number; c: number; d: number };

/**
 * One scan: every row that counts is active in P, and an exit in P is an active row whose exit
 * date is ≤ to, so grouping by (gender, reason of an exit in P) yields flow and exits at once.
 */
export async function floorCounts(db: Db, scope: FloorScope, { from, to }: Period) {
  const where = scopeFilter(scope);
  const { rows } = await sql<FloorRow>`
    select 'enrolments' as part, gender, case when exit_date <= ${to} then exit_reason end as reason,
      count(*) filter (where start_date >= ${from})::int as a,
      count(*) filter (where start_date >= ${from} and age_at_start < 30)::int as b,
      count(*)::int as c,
      count(*) filter (where age_at_start < 30)::int as d
    from enrolments
    where ${where} and start_date <= ${to} and (exit_date is null or exit_date >= ${from})
      and exit_reason is distinct from 'registration_error'
    group by 2, 3
    union all
    select 'anon', gender, null, sum(count)::int, 0, 0, 0
    from anonymous_registrations
    where ${where} and year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
    group by gender`.execute(db);
  return rows;
}

/** The totals both paths must agree on; a mismatch fails the case rather than report a floor of other work. */
export function floorTotals(rows: FloorRow[]) {
  const flow = rows.filter((r) => r.part === 'enrolments');
  const exits = flow.filter((r) => r.reason !== null);
  const sum = (of: FloorRow[], key: 'a' | 'c') => of.reduce((s, r) => s + r[key], 0);
  const reasons = [...new Set(exits.map((r) => r.reason!))].sort();
  return {
    enrolled: sum(flow, 'a'),
    active: sum(flow, 'c'),
    exited: sum(exits, 'c'),
    anonymous: sum(rows.filter((r) => r.part === 'anon'), 'a'),
    exits: Object.fromEntries(reasons.map((reason) => [reason, sum(exits.filter((r) => r.reason === reason), 'c')])),
  };
}

export function reportTotals(report: OutcomesReport) {
  const reasons = [...report.exit_reasons].sort((x, y) => (x.code < y.code ? -1 : 1));
  return {
    enrolled: report.flow.enrolled.total,
    active: report.flow.active.total,
    exited: report.flow.exited.total,
    anonymous: report.flow.anonymous.total,
    exits: Object.fromEntries(reasons.map((r) => [r.code, r.total])),
  };
}
