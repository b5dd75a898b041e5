import { sql } from 'kysely';
import type { Gender } from '../../core/code-lists.js';
import type { OutcomesCounts } from '../../core/figures/outcomes-from-counts.js';
import type { Period } from '../../core/dates.js';
import type { Db } from '../db/connection.js';

/**
 * The outcomes figures of domain.md counted in SQL over the anonymous facts of the enrolments
 * (gender, age at start, dates, reason), so removing identity never changes them. Every row
 * that can count in P is active in P (enrolled and exited are subsets), hence the WHERE.
 */
export async function countOutcomes(db: Db, interventionIds: string[], period: Period): Promise<OutcomesCounts> {
  const { from, to } = period;
  const flow = await sql<{
    gender: Gender;
    enrolled: number;
    enrolled_u30: number;
    active: number;
    active_u30: number;
    exited: number;
    exited_u30: number;
  }>`
    select gender,
      count(*) filter (where start_date >= ${from}) as enrolled,
      count(*) filter (where start_date >= ${from} and age_at_start < 30) as enrolled_u30,
      count(*) as active,
      count(*) filter (where age_at_start < 30) as active_u30,
      count(*) filter (where exit_date <= ${to}) as exited,
      count(*) filter (where exit_date <= ${to} and age_at_start < 30) as exited_u30
    from enrolments
    where intervention_id = any(${interventionIds}::uuid[])
      and start_date <= ${to} and (exit_date is null or exit_date >= ${from})
      and exit_reason is distinct from 'registration_error'
    group by gender`.execute(db);
  const exits = await sql<{ reason: string; gender: Gender; count: number }>`
    select exit_reason as reason, gender, count(*) as count
    from enrolments
    where intervention_id = any(${interventionIds}::uuid[])
      and exit_date >= ${from} and exit_date <= ${to}
      and exit_reason <> 'registration_error'
    group by exit_reason, gender`.execute(db);
  // An anonymous registration is of a year; it counts when that year intersects P.
  const anonymous = await sql<{ gender: Gender; count: number }>`
    select gender, sum(count)::int as count
    from anonymous_registrations
    where intervention_id = any(${interventionIds}::uuid[])
      and year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
    group by gender`.execute(db);
  const line = (count: 'enrolled' | 'active' | 'exited', under30: `${typeof count}_u30`) =>
    flow.rows.map((r) => ({ gender: r.gender, count: r[count], under30: r[under30] }));
  return {
    enrolled: line('enrolled', 'enrolled_u30'),
    active: line('active', 'active_u30'),
    exited: line('exited', 'exited_u30'),
    anonymous: anonymous.rows,
    exits: exits.rows,
  };
}

export async function interventionIdsForScope(
  db: Db,
  scope: { intervention: string } | { association: string },
): Promise<{ interventionIds: string[]; found: boolean }> {
  if ('intervention' in scope) {
    const row = await db.selectFrom('interventions').select('id').where('code', '=', scope.intervention).executeTakeFirst();
    return { interventionIds: row ? [row.id] : [], found: !!row };
  }
  const association = await db
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', scope.association)
    .where('kind', '=', 'association')
    .executeTakeFirst();
  if (!association) return { interventionIds: [], found: false };
  const rows = await db.selectFrom('interventions').select('id').where('association_id', '=', association.id).execute();
  return { interventionIds: rows.map((r) => r.id), found: true };
}
