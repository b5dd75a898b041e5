import { sql } from 'kysely';
import type { Gender } from '../../core/code-lists.js';
import type { OutcomesCounts } from '../../core/figures/outcomes-from-counts.js';
import type { MonthCount, OutcomesHistory } from '../../core/figures/outcomes-family.js';
import type { AnonymousFact } from '../../core/figures/outcomes.js';
import type { Period } from '../../core/dates.js';
import type { Db } from '../db/connection.js';
import { prepared } from '../db/prepared.js';
import { groupsOf } from './grouped.js';

/**
 * One intervention's count is a request's hot path: prepared, so its plan is reused. Not a
 * förbund's or the country's, whose best plan depends on how many interventions they hold.
 */
const oneIntervention = (interventionIds: string[]) => (interventionIds.length === 1 ? prepared : sql``);

type CountRow = {
  part: 'enrolments' | 'anonymous';
  gender: Gender;
  reason: string | null;
  enrolled: number;
  enrolled_u30: number;
  active: number;
  active_u30: number;
};

/**
 * The outcomes figures of domain.md counted in SQL over the anonymous facts of the enrolments
 * (gender, age at start, dates, reason), so removing identity never changes them. Every row
 * that can count in P is active in P (enrolled and exited are subsets), hence the WHERE; an exit
 * in P is an active row whose exit date is ≤ to. So one scan grouped by gender and "reason of an
 * exit in P" yields every flow line and the exits by reason (one statement, one round trip:
 * bench/ measured three separate aggregates at about twice a single scan's time).
 * `interventions`: an expression for the uuid[] of the interventions counted.
 */
const countRows = (interventions: ReturnType<typeof sql>, { from, to }: Period) => sql`
    select 'enrolments' as part, gender, case when exit_date <= ${to} then exit_reason end as reason,
      count(*) filter (where start_date >= ${from})::int as enrolled,
      count(*) filter (where start_date >= ${from} and age_at_start < 30)::int as enrolled_u30,
      count(*)::int as active,
      count(*) filter (where age_at_start < 30)::int as active_u30
    from enrolments
    where intervention_id = any(${interventions})
      and start_date <= ${to} and (exit_date is null or exit_date >= ${from})
      and exit_reason is distinct from 'registration_error'
    group by 2, 3
    union all
    -- An anonymous registration is of a year; it counts when that year intersects P.
    select 'anonymous', gender, null, sum(count)::int, 0, 0, 0
    from anonymous_registrations
    where intervention_id = any(${interventions})
      and year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
    group by gender`;

export async function countOutcomes(db: Db, interventionIds: string[], period: Period): Promise<OutcomesCounts> {
  const { rows } = await sql<CountRow>`${countRows(sql`${interventionIds}::uuid[]`, period)} ${oneIntervention(interventionIds)}`.execute(db);
  return countsOf(rows);
}

function countsOf(rows: readonly CountRow[]): OutcomesCounts {
  const flow = rows.filter((r) => r.part === 'enrolments');
  const exits = flow.filter((r) => r.reason !== null);
  const line = (of: typeof flow, count: 'enrolled' | 'active', under30: 'enrolled_u30' | 'active_u30') =>
    of.map((r) => ({ gender: r.gender, count: r[count], under30: r[under30] }));
  return {
    enrolled: line(flow, 'enrolled', 'enrolled_u30'),
    active: line(flow, 'active', 'active_u30'),
    exited: line(exits, 'active', 'active_u30'),
    anonymous: rows.filter((r) => r.part === 'anonymous').map((r) => ({ gender: r.gender, count: r.enrolled })),
    exits: exits.map((r) => ({ reason: r.reason!, gender: r.gender, count: r.active })),
  };
}

/**
 * Every counted enrolment of the scope grouped by gender, under 30, start month, exit month and
 * reason, and the anonymous registrations by year: what a whole family of calendar-aligned
 * reports with suppressed figures is built from (core/figures/outcomes-family.ts), in ONE scan
 * (months are numbered year · 12 + month − 1).
 */
export async function countHistory(db: Db, interventionIds: string[]): Promise<OutcomesHistory> {
  return (await countHistoryBy(db, interventionIds, false)).get('')!.history;
}

/**
 * countHistory of each intervention on its own (every one of them), with the digest of each
 * history (historyDigestsOf) computed in the same statement, so both describe one snapshot.
 */
export function countHistoryByIntervention(db: Db, interventionIds: string[]): Promise<Map<string, { history: OutcomesHistory; digest: string }>> {
  return countHistoryBy(db, interventionIds, true);
}

/** The groups of countHistory, by intervention ('' for all together). */
const historyGroups = (interventionIds: string[], group: ReturnType<typeof sql>) => sql`
    select ${group} as g, 'enrolments' as part, gender, coalesce(age_at_start < 30, false) as under30,
      (extract(year from start_date) * 12 + extract(month from start_date) - 1)::int as start,
      (extract(year from exit_date) * 12 + extract(month from exit_date) - 1)::int as exit,
      exit_reason as reason, count(*)::int as count
    from enrolments
    where intervention_id = any(${interventionIds}::uuid[])
      and exit_reason is distinct from 'registration_error'
    group by 1, 3, 4, 5, 6, 7
    union all
    select ${group}, 'anonymous', gender, false, year, null, null, sum(count)::int
    from anonymous_registrations
    where intervention_id = any(${interventionIds}::uuid[])
    group by 1, gender, year`;

/**
 * Per group, a sha256 of every counted row the history is built from, each written out in full
 * (an enrolment's gender, under 30, start and exit date and exit reason; an anonymous
 * registration's year, gender and count), in id order: equal digests mean equal rows, hence an
 * equal history. Over the rows rather than the grouped history, so no grouping is needed (half
 * the time at scale L). A group without rows has none (EMPTY_HISTORY).
 */
const digests = (interventionIds: string[], group: ReturnType<typeof sql>) => sql`
    select g, encode(sha256(sha256(coalesce(string_agg(e, ''), '')) || sha256(coalesce(string_agg(a, ''), ''))), 'base64') as digest from (
      select ${group} as g, string_agg(convert_to(concat_ws(',', gender, coalesce(age_at_start < 30, false), start_date,
          coalesce(exit_date::text, '-'), coalesce(exit_reason, '-')), 'UTF8'), ';' order by id) as e, null::bytea as a
      from enrolments
      where intervention_id = any(${interventionIds}::uuid[]) and exit_reason is distinct from 'registration_error'
      group by 1
      union all
      select ${group}, null, string_agg(convert_to(concat_ws(',', year, gender, count), 'UTF8'), ';' order by id)
      from anonymous_registrations where intervention_id = any(${interventionIds}::uuid[])
      group by 1) parts
    group by g`;
const EMPTY_HISTORY = 'empty';

/**
 * A digest of each intervention's counted history, computed in the database: it names the
 * history exactly (any changed, added or removed row changes it), so a decision kept under it is
 * found without sending the history over the wire.
 */
export async function historyDigestsOf(db: Db, interventionIds: string[]): Promise<Map<string, string>> {
  const { rows } = await sql<{ g: string; digest: string }>`${digests(interventionIds, sql`intervention_id::text`)}`.execute(db);
  const found = new Map(interventionIds.map((id) => [id, EMPTY_HISTORY]));
  for (const r of rows) found.set(r.g, r.digest);
  return found;
}

async function countHistoryBy(db: Db, interventionIds: string[], byIntervention: boolean): Promise<Map<string, { history: OutcomesHistory; digest: string }>> {
  const group = byIntervention ? sql`intervention_id::text` : sql`''`;
  const { rows } = await sql<{
    g: string;
    part: 'enrolments' | 'anonymous';
    gender: Gender;
    under30: boolean;
    start: number;
    exit: number | null;
    reason: string | null;
    count: number;
    digest: string;
  }>`
    with h as (${historyGroups(interventionIds, group)}), d as (${digests(interventionIds, group)})
    select h.*, d.digest from h join d using (g)
    order by g, part, gender, under30, start, exit, reason`.execute(db);
  const { map: histories, of } = groupsOf<{ history: { enrolments: MonthCount[]; anonymous: AnonymousFact[] }; digest: string }>(byIntervention ? interventionIds : [''], () => ({
    history: { enrolments: [], anonymous: [] },
    digest: EMPTY_HISTORY,
  }));
  for (const r of rows) {
    const group = of(r.g);
    group.digest = r.digest;
    if (r.part === 'enrolments') group.history.enrolments.push({ gender: r.gender, under30: r.under30, start: r.start, exit: r.exit, reason: r.reason, count: r.count });
    else group.history.anonymous.push({ year: r.start, gender: r.gender, count: r.count });
  }
  return histories;
}

/** The intervention's project period (start_date … end_date), null without an end date. */
export type ResolvedOutcomesScope = {
  interventionIds: string[];
  /** The intervention's project period, when it has an end date (none for a förbund). */
  project: Period | null;
  /** For an intervention: what the access rule needs (owner, förbund, teams). */
  intervention: { id: string; ownerOrgId: string; associationId: string | null; teamIds: string[] } | null;
  associationId: string | null;
};

/** What the access rule and the report need of one intervention, by its code. */
const interventionScope = (code: string) => sql`
    select i.id, i.owner_org_id, i.association_id, i.start_date, i.end_date,
      array(select t.id from teams t where t.intervention_id = i.id)::text[] as team_ids
    from interventions i where i.code = ${code}`;

type InterventionScopeRow = { id: string; owner_org_id: string; association_id: string | null; start_date: string; end_date: string | null; team_ids: string[] };

const resolvedIntervention = (row: InterventionScopeRow): ResolvedOutcomesScope => ({
  interventionIds: [row.id],
  project: row.end_date ? { from: row.start_date, to: row.end_date } : null,
  intervention: { id: row.id, ownerOrgId: row.owner_org_id, associationId: row.association_id, teamIds: row.team_ids },
  associationId: null,
});

/** The scope's interventions and what the access rule needs of them, in one query; null if there is no such scope. */
export async function resolveOutcomesScope(db: Db, scope: { intervention: string } | { association: string }): Promise<ResolvedOutcomesScope | null> {
  if ('intervention' in scope) {
    const { rows } = await sql<InterventionScopeRow>`${interventionScope(scope.intervention)} ${prepared}`.execute(db);
    return rows[0] ? resolvedIntervention(rows[0]) : null;
  }
  const { rows } = await sql<{ id: string; intervention_ids: string[] }>`
    select o.id, array(select i.id from interventions i where i.association_id = o.id)::text[] as intervention_ids
    from organisations o where o.code = ${scope.association} and o.kind = 'association'`.execute(db);
  const row = rows[0];
  return row ? { interventionIds: row.intervention_ids, project: null, intervention: null, associationId: row.id } : null;
}

/** The interventions and teams a reader is assigned to, by which exact figures could be theirs. */
export type AssignedTo = { interventionIds: string[]; teamIds: string[] };

/**
 * One intervention's scope and, when the reader is assigned to it (directly or through one of its
 * teams), its counts for a date range, in one statement: the request's second round trip was the
 * scope alone (bench/notes.md). The access rule still decides on the scope before the counts are
 * used. An intervention the reader is not assigned to is not counted, so it takes no longer to
 * answer "not found" for it than for a code that does not exist. null: no such intervention;
 * counts null: not counted.
 */
export async function resolveAndCountIntervention(db: Db, code: string, period: Period, assigned: AssignedTo) {
  const { rows } = await sql<InterventionScopeRow & { assigned: boolean } & Partial<CountRow>>`
    with scope as (${interventionScope(code)}),
      assigned as (select id from scope where id = any(${assigned.interventionIds}::uuid[]) or team_ids && ${assigned.teamIds}::text[]),
      counted as (${countRows(sql`array(select id from assigned)`, period)})
    select s.id, s.owner_org_id, s.association_id, s.start_date, s.end_date, s.team_ids,
      exists (select 1 from assigned) as assigned,
      c.part, c.gender, c.reason, c.enrolled, c.enrolled_u30, c.active, c.active_u30
    from scope s left join counted c on true ${prepared}`.execute(db);
  if (!rows[0]) return null;
  const counts = rows[0].assigned ? countsOf(rows.filter((r): r is InterventionScopeRow & { assigned: boolean } & CountRow => r.part != null)) : null;
  return { resolved: resolvedIntervention(rows[0]), counts };
}
