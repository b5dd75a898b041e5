import { sql } from 'kysely';
import type { Gender } from '../../core/code-lists.js';
import type { Period } from '../../core/dates.js';
import type { KeyFigureCounts, KeyFigureRow } from '../../core/figures/key-figures-from-counts.js';
import type { KeyFiguresScope } from '../../core/schemas/key-figures-report.js';
import type { Db } from '../db/connection.js';
import { groupsOf } from './grouped.js';

/** The interventions (and team) a key-figures scope covers, with what the figures are set against. */
export type ResolvedScope = {
  interventions: { id: string; owner_org_id: string; association_id: string | null; places: number | null; volume_target: number | null }[];
  /** The team asked for, or null. */
  teamId: string | null;
  /** For one intervention: its teams (an assignment to any of them covers it). */
  teamIds: string[];
  /** The organisation or förbund asked for, or null. */
  organisationId: string | null;
};

/** The scope's interventions by code; null when the intervention, team, organisation or förbund does not exist. */
export async function resolveKeyFiguresScope(db: Db, scope: KeyFiguresScope): Promise<ResolvedScope | null> {
  const base = db.selectFrom('interventions as i').select(['i.id', 'i.owner_org_id', 'i.association_id', 'i.places', 'i.volume_target']);
  if ('intervention' in scope) {
    const intervention = await base.where('i.code', '=', scope.intervention).executeTakeFirst();
    if (!intervention) return null;
    const teams = await db.selectFrom('teams').select(['id', 'name']).where('intervention_id', '=', intervention.id).execute();
    const teamIds = teams.map((team) => team.id);
    if (!('team' in scope)) return { interventions: [intervention], teamId: null, teamIds, organisationId: null };
    const team = teams.find((x) => x.name === scope.team);
    return team ? { interventions: [intervention], teamId: team.id, teamIds, organisationId: null } : null;
  }
  const [column, kind] = 'organisation' in scope ? (['i.owner_org_id', null] as const) : (['i.association_id', 'association'] as const);
  const code = 'organisation' in scope ? scope.organisation : scope.association;
  let org = db.selectFrom('organisations').select('id').where('code', '=', code);
  if (kind) org = org.where('kind', '=', kind);
  const found = await org.executeTakeFirst();
  if (!found) return null;
  const interventions = await base.where(column, '=', found.id).orderBy('i.code').execute();
  return { interventions, teamId: null, teamIds: [], organisationId: found.id };
}

/** Yearly volume targets (intervention_volume_targets) of the interventions for one year. */
export async function volumeTargetsOf(db: Db, interventionIds: string[], year: number) {
  if (interventionIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('intervention_volume_targets')
    .select(['intervention_id', 'target'])
    .where('intervention_id', 'in', interventionIds)
    .where('year', '=', year)
    .execute();
  return new Map(rows.map((r) => [r.intervention_id, r.target]));
}

/**
 * The key figures of domain.md counted in SQL over the anonymous facts of the enrolments
 * (gender, age at start, dates, reason, completion), so removing identity never changes them.
 * Every row that counts in P is active in P (enrolled and exited are subsets): one scan grouped
 * by gender, age band and the reason and completion of an exit in P gives the flow lines, exit
 * groups, completion and outcomes by age band, and the days each row is active within P sum to
 * the occupancy. Unique participants take each person's first active enrolment (earliest start,
 * then id) within its controlling organisation.
 */
export async function countKeyFigures(db: Db, scope: ResolvedScope, period: Period): Promise<KeyFigureCounts> {
  const counts = await countKeyFiguresBy(db, scope.interventions.map((i) => i.id), scope.teamId, period, false);
  return counts.get('')!;
}

/** countKeyFigures of each intervention on its own, in the same three statements (every one of them, counted or not). */
export function countKeyFiguresByIntervention(db: Db, interventionIds: string[], period: Period): Promise<Map<string, KeyFigureCounts>> {
  return countKeyFiguresBy(db, interventionIds, null, period, true);
}

/** The counts of the interventions together (key '') or of each intervention (key: its id). */
async function countKeyFiguresBy(db: Db, ids: string[], teamId: string | null, period: Period, byIntervention: boolean): Promise<Map<string, KeyFigureCounts>> {
  const { from, to } = period;
  const group = byIntervention ? sql`intervention_id::text` : sql`''`;
  const first = byIntervention ? sql`intervention_id, ` : sql``;
  const inScope = sql`intervention_id = any(${ids}::uuid[])${teamId ? sql` and team_id = ${teamId}` : sql``}`;
  const activeInP = sql`${inScope} and start_date <= ${to} and (exit_date is null or exit_date >= ${from})
    and exit_reason is distinct from 'registration_error'`;
  const { rows } = await sql<KeyFigureRow & { g: string; active_days: number }>`
    select ${group} as g, gender,
      case when age_at_start is null then 'unknown' when age_at_start < 30 then 'under_30'
           when age_at_start < 50 then '30_49' else '50_plus' end as band,
      case when exit_date <= ${to} then exit_reason end as reason,
      case when exit_date <= ${to} then exit_completed end as completed,
      count(*) filter (where start_date >= ${from})::int as enrolled,
      count(*)::int as active,
      sum(least(coalesce(exit_date, ${to}::date), ${to}::date) - greatest(start_date, ${from}::date) + 1)::float8 as active_days
    from enrolments
    where ${activeInP}
    group by 1, 2, 3, 4, 5`.execute(db);
  const unique = await sql<{ g: string; gender: Gender; under30: boolean; count: number }>`
    select g, gender, coalesce(age_at_start < 30, false) as under30, count(*)::int as count
    from (select distinct on (${first}controller_org_id, person_id) ${group} as g, gender, age_at_start
          from enrolments where ${activeInP}
          order by ${first}controller_org_id, person_id, start_date, id) as first_active
    group by 1, 2, 3`.execute(db);
  // An anonymous registration is of a year; it counts when that year intersects P.
  const anonymous = await sql<{ g: string; gender: Gender; count: number }>`
    select ${group} as g, gender, sum(count)::int as count from anonymous_registrations
    where ${inScope} and year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
    group by 1, 2`.execute(db);
  type Counts = { rows: KeyFigureRow[]; unique: KeyFigureCounts['unique'][number][]; anonymous: KeyFigureCounts['anonymous'][number][]; activeDays: number };
  const { map: counts, of } = groupsOf<Counts>(byIntervention ? ids : [''], () => ({ rows: [], unique: [], anonymous: [], activeDays: 0 }));
  for (const { g, active_days, ...row } of rows) {
    const c = of(g);
    c.rows.push(row);
    c.activeDays += active_days;
  }
  for (const { g, ...row } of unique.rows) of(g).unique.push(row);
  for (const { g, ...row } of anonymous.rows) of(g).anonymous.push(row);
  return counts;
}
