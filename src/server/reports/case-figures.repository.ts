// The case-work figures of domain.md counted in SQL over the enrolments of the given
// interventions; core/figures/activities.ts and case-work.ts are the oracle (property tests on
// both databases). Who gets them, exact or suppressed, is the caller's decision (as for outcomes).
import { sql } from 'kysely';
import type { Gender } from '../../core/code-lists.js';
import type { Period } from '../../core/dates.js';
import type { Db } from '../db/connection.js';
import { groupsOf } from './grouped.js';

/** Enrolments of the interventions that count (never `registration_error`). */
const counted = (interventionIds: string[]) =>
  sql`e.intervention_id = any(${interventionIds}::uuid[]) and e.exit_reason is distinct from 'registration_error'`;

/** Sweden's date of a timestamp, as the pure figures take days. */
const swedishDay = (column: string) => sql`(${sql.ref(column)} at time zone 'Europe/Stockholm')::date`;

export type GenderRow = { key: string; gender: Gender; n: number };

async function rows<T>(db: Db, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** activities started in P and active on day d, by activity type × gender. */
export async function activityCounts(db: Db, interventionIds: string[], p: Period, day: string) {
  const base = sql`from activities a join enrolments e on e.id = a.enrolment_id where ${counted(interventionIds)} and a.status <> 'cancelled'`;
  const started = await rows<GenderRow>(db, sql<GenderRow>`select a.activity_type as key, e.gender, count(*)::int as n ${base}
    and a.start_date between ${p.from} and ${p.to} group by 1, 2`);
  const active = await rows<GenderRow>(db, sql<GenderRow>`select a.activity_type as key, e.gender, count(*)::int as n ${base}
    and a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${day}) group by 1, 2`);
  return { started, active };
}

export type EmploymentRow = GenderRow & { extension: boolean };

export type EmploymentCounts = { started: EmploymentRow[]; byType: GenderRow[]; total: { gender: Gender; n: number }[] };

/** employments started in P by type × gender × new/extension; persons employed in P by type and in total (of one team when given). */
export async function employmentCounts(db: Db, interventionIds: string[], p: Period, teamId: string | null = null): Promise<EmploymentCounts> {
  return (await employmentCountsBy(db, interventionIds, p, teamId, false)).get('')!;
}

/** employmentCounts of each intervention on its own, in the same three statements (every one of them). */
export function employmentCountsByIntervention(db: Db, interventionIds: string[], p: Period): Promise<Map<string, EmploymentCounts>> {
  return employmentCountsBy(db, interventionIds, p, null, true);
}

async function employmentCountsBy(db: Db, interventionIds: string[], p: Period, teamId: string | null, byIntervention: boolean) {
  const group = byIntervention ? sql`e.intervention_id::text` : sql`''`;
  const employments = sql`from activities a join enrolments e on e.id = a.enrolment_id where ${counted(interventionIds)}
    ${teamId ? sql`and e.team_id = ${teamId}` : sql``} and a.status <> 'cancelled' and a.activity_type = 'employment' and a.employment_type is not null`;
  const started = await rows<EmploymentRow & { g: string }>(db, sql<EmploymentRow & { g: string }>`select ${group} as g, a.employment_type as key, e.gender, a.extension, count(*)::int as n ${employments}
    and a.start_date between ${p.from} and ${p.to} group by 1, 2, 3, 4`);
  // A person counts once per type and once in total, with the gender of their latest-starting employment.
  const persons = sql`active as (select ${group} as g, a.id, a.person_id, a.employment_type, a.start_date, e.gender ${employments}
      and a.start_date <= ${p.to} and (a.end_date is null or a.end_date >= ${p.from})),
    person_gender as (select distinct on (g, person_id) g, person_id, gender from active order by g, person_id, start_date desc, id desc)`;
  const byType = await rows<GenderRow & { g: string }>(db, sql<GenderRow & { g: string }>`with ${persons}
    select a.g, a.employment_type as key, pg.gender, count(distinct a.person_id)::int as n from active a join person_gender pg using (g, person_id) group by 1, 2, 3`);
  const total = await rows<{ g: string; gender: Gender; n: number }>(db, sql<{ g: string; gender: Gender; n: number }>`with ${persons}
    select g, gender, count(*)::int as n from person_gender group by 1, 2`);
  const { map: counts, of } = groupsOf<EmploymentCounts>(byIntervention ? interventionIds : [''], () => ({ started: [], byType: [], total: [] }));
  for (const { g, ...row } of started) of(g).started.push(row);
  for (const { g, ...row } of byType) of(g).byType.push(row);
  for (const { g, ...row } of total) of(g).total.push(row);
  return counts;
}

/** plans created / updated in P: first revisions in P / plans with a later revision in P. */
export async function planCounts(db: Db, interventionIds: string[], p: Period): Promise<{ created: number; updated: number }> {
  const [row] = await rows<{ created: number; updated: number }>(db, sql<{ created: number; updated: number }>`
    with r as (
      select pr.plan_id, ${swedishDay('pr.revised_at')} as day, row_number() over (partition by pr.plan_id order by pr.revised_at, pr.id) as n
      from plan_revisions pr join enrolments e on e.id = pr.enrolment_id where ${counted(interventionIds)})
    select count(distinct plan_id) filter (where n = 1 and day between ${p.from} and ${p.to})::int as created,
           count(distinct plan_id) filter (where n > 1 and day between ${p.from} and ${p.to})::int as updated
    from r`);
  return row ?? { created: 0, updated: 0 };
}

/** follow-ups overdue on d: active enrolments whose plan's latest next follow-up date is before d. */
export async function followUpsOverdueCount(db: Db, interventionIds: string[], day: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql<{ n: number }>`
    with latest as (select distinct on (plan_id) plan_id, enrolment_id, next_follow_up from plan_revisions order by plan_id, revised_at desc, id desc)
    select count(*)::int as n from latest l join enrolments e on e.id = l.enrolment_id
    where ${counted(interventionIds)} and e.start_date <= ${day} and (e.exit_date is null or e.exit_date >= ${day})
      and l.next_follow_up < ${day}`);
  return row?.n ?? 0;
}

/** meetings held in P (Sweden's date), by type. */
export async function meetingCounts(db: Db, interventionIds: string[], p: Period) {
  return rows<{ key: string; n: number }>(db, sql<{ key: string; n: number }>`
    select m.type as key, count(*)::int as n from meetings m join enrolments e on e.id = m.enrolment_id
    where ${counted(interventionIds)} and ${swedishDay('m.held_at')} between ${p.from} and ${p.to} group by 1`);
}

/** Median days from start to exit over enrolments exited in P (percentile_cont, as core/figures/lead-times.ts). */
export async function startToExitMedian(db: Db, interventionIds: string[], p: Period): Promise<number | null> {
  const [row] = await rows<{ median: number | null }>(db, sql<{ median: number | null }>`
    select percentile_cont(0.5) within group (order by e.exit_date - e.start_date)::float8 as median from enrolments e
    where ${counted(interventionIds)} and e.exit_date between ${p.from} and ${p.to}`);
  return row?.median ?? null;
}

export type IncomeGroupRow = { group_code: string; before: number; after: number };

/** income change (core/figures/income-change.ts): the exits in P with income recorded before and after, and each group's counts. */
export async function incomeChangeCounts(db: Db, interventionIds: string[], p: Period): Promise<{ exits: number; groups: IncomeGroupRow[] }> {
  const recorded = (column: string) => sql`exists (select 1 from unnest(${sql.ref(column)}) s where s <> 'unknown')`;
  const has = (column: string) => sql`count(*) filter (where exists (select 1 from unnest(${sql.ref(column)}) s where s = any(g.codes)))::int`;
  const exits = sql`select e.income_before, e.income_after from enrolments e where ${counted(interventionIds)}
    and e.exit_date between ${p.from} and ${p.to} and ${recorded('e.income_before')} and ${recorded('e.income_after')}`;
  const groups = await rows<IncomeGroupRow>(db, sql<IncomeGroupRow>`with x as (${exits}),
    g as (select group_code, array_agg(code) as codes from code_list_entries where list = 'income_source' and group_code is not null group by group_code)
    select g.group_code, ${has('x.income_before')} as before, ${has('x.income_after')} as after from g left join x on true group by g.group_code`);
  const total = await rows<{ n: number }>(db, sql<{ n: number }>`select count(*)::int as n from (${exits}) x`);
  return { exits: total[0]?.n ?? 0, groups };
}
