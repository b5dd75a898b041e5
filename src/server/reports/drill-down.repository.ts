import { sql, type RawBuilder } from 'kysely';
import type { Period } from '../../core/dates.js';
import { exitReasonFilter, type DrillDown } from '../../core/figures/drill-down.js';
import type { DataScope } from '../access/data-scope.js';
import { enrolmentVisibleTo } from '../access/scope.js';
import type { Db } from '../db/connection.js';
import { selectEnrolments } from '../enrolments/enrolment.repository.js';

/** core/figures/drill-down.ts `isCountedIn` as a condition on the enrolment row `e`. */
function countedIn(p: Period, d: DrillDown): RawBuilder<boolean> {
  const counted = sql`e.exit_reason is distinct from 'registration_error'`;
  const exited = sql`e.exit_date between ${p.from}::date and ${p.to}::date`;
  const line = {
    enrolled: sql`e.start_date between ${p.from}::date and ${p.to}::date`,
    active: sql`e.start_date <= ${p.to}::date and (e.exit_date is null or e.exit_date >= ${p.from}::date)`,
    exited,
    exit_group: exited,
    work_or_studies: exited,
  }[d.figure];
  const reasons = exitReasonFilter(d);
  const reason = !reasons ? sql`true` : 'in' in reasons ? sql`e.exit_reason = any(${reasons.in}::text[])` : sql`not (e.exit_reason = any(${reasons.notIn}::text[]))`;
  const cell =
    d.cell === 'total' ? sql`true`
    : d.cell === 'under_30' ? (d.figure === 'work_or_studies' ? sql`false` : sql`e.age_at_start < 30`)
    : sql`e.gender = ${d.cell}`;
  return sql<boolean>`(${counted} and ${line} and ${reason} and ${cell})`;
}

/**
 * The enrolments of the intervention counted in one number over P that the scope may see, in
 * start order, and how many more it counted that the access rule hides (protected identity).
 */
export async function drillDownEnrolments(db: Db, scope: DataScope, interventionId: string, p: Period, d: DrillDown) {
  const condition = countedIn(p, d);
  const items = await selectEnrolments(db, scope).where('e.intervention_id', '=', interventionId).where(condition).orderBy('e.start_date').orderBy('e.id').execute();
  const { rows } = await sql<{ hidden: number }>`
    select count(*)::int as hidden from enrolments e
    where e.intervention_id = ${interventionId} and ${condition} and not ${enrolmentVisibleTo(scope, 'e')}`.execute(db);
  return { items, hidden: rows[0].hidden };
}
