// The case worker's worklist and the team's caseload (issue 10, item 6). Every list reads only
// what the scope may see: enrolments through the person-data rule, plans, activities and
// meetings through the case-record rule for their category.
import { sql } from 'kysely';
import { caseRecordVisibleTo } from '../access/case-record-policy.js';
import { teamCoveredBy } from '../access/caseload-policy.js';
import type { DataScope } from '../access/data-scope.js';
import { enrolmentVisibleTo } from '../access/scope.js';
import type { Db } from '../db/connection.js';

export type WorkItem = {
  enrolment_id: string;
  person_id: string;
  first_name: string | null;
  last_name: string | null;
  participant_ref: string | null;
  intervention_name: string;
  day: string;
  what: string | null;
};

const person = sql`e.id as enrolment_id, e.person_id, p.first_name, p.last_name, p.participant_ref, i.name as intervention_name`;
const enrolmentsWithPerson = sql`enrolments e join persons p on p.id = e.person_id join interventions i on i.id = e.intervention_id`;
const open = (scope: DataScope) => sql`${enrolmentVisibleTo(scope, 'e')} and e.exit_date is null`;

/** The plan's latest next follow-up date, per enrolment, from revisions the scope may see. */
const latestFollowUp = (scope: DataScope) => sql`(select pr.next_follow_up from plan_revisions pr
  where pr.enrolment_id = e.id and ${caseRecordVisibleTo(scope, 'plan', 'pr')} order by pr.revised_at desc, pr.id desc limit 1)`;

async function list(db: Db, query: ReturnType<typeof sql<WorkItem>>): Promise<WorkItem[]> {
  return (await query.execute(db)).rows;
}

/** Follow-ups due on or before `until` (overdue ones are before today). */
export function followUpsDue(db: Db, scope: DataScope, until: string) {
  return list(db, sql<WorkItem>`select * from (select ${person}, ${latestFollowUp(scope)}::text as day, null as what from ${enrolmentsWithPerson} where ${open(scope)}) f
    where f.day <= ${until} order by f.day, f.enrolment_id limit 200`);
}

/** Meetings held, or planned as the next meeting, in the week [from, to] (Sweden's dates). */
export function meetingsInWeek(db: Db, scope: DataScope, week: { from: string; to: string }) {
  return list(db, sql<WorkItem>`select ${person}, d.day::text as day, d.type as what from ${enrolmentsWithPerson}
    join lateral (
      select (m.held_at at time zone 'Europe/Stockholm')::date as day, m.type from meetings m
      where m.enrolment_id = e.id and ${caseRecordVisibleTo(scope, 'meetings', 'm')}
      union all
      select (m.next_meeting_at at time zone 'Europe/Stockholm')::date, null from meetings m
      where m.enrolment_id = e.id and m.next_meeting_at is not null and ${caseRecordVisibleTo(scope, 'meetings', 'm')}
    ) d on d.day between ${week.from} and ${week.to}
    where ${open(scope)} order by d.day, e.id limit 200`);
}

/** Activities whose (planned) end is within [today, until], not ended or cancelled. */
export function activitiesEnding(db: Db, scope: DataScope, today: string, until: string) {
  return list(db, sql<WorkItem>`select ${person}, a.end_date::text as day, a.activity_type as what from ${enrolmentsWithPerson}
    join activities a on a.enrolment_id = e.id and ${caseRecordVisibleTo(scope, 'plan', 'a')}
      and a.status in ('planned', 'ongoing') and a.end_date between ${today} and ${until}
    where ${open(scope)} order by a.end_date, e.id limit 200`);
}

/** Open enrolments started on or before `startedBy` without a plan the scope can see. */
export function withoutPlan(db: Db, scope: DataScope, startedBy: string) {
  return list(db, sql<WorkItem>`select ${person}, e.start_date::text as day, null as what from ${enrolmentsWithPerson}
    where ${open(scope)} and e.start_date <= ${startedBy}
    and not exists (select 1 from action_plans ap where ap.enrolment_id = e.id and ${caseRecordVisibleTo(scope, 'plan', 'ap')})
    order by e.start_date, e.id limit 200`);
}

/**
 * Exit surveys due: enrolments the scope sees that ended in [since, today] for a reason after
 * which a participant can be asked (not a registration error, a withdrawn consent or a death),
 * with no exit survey sent yet by anyone. The day is the exit date.
 */
export function exitSurveysDue(db: Db, scope: DataScope, since: string, today: string) {
  return list(db, sql<WorkItem>`select ${person}, e.exit_date::text as day, null as what from ${enrolmentsWithPerson}
    where ${enrolmentVisibleTo(scope, 'e')} and e.exit_date between ${since} and ${today}
      and e.exit_reason not in ('registration_error', 'consent_withdrawn', 'deceased')
      and not exists (select 1 from survey_sendings s where s.enrolment_id = e.id and s.variant = 'exit')
    order by e.exit_date, e.id limit 200`);
}

export type CaseloadRow = WorkItem & { sub_goal: string | null; next_follow_up: string | null; next_meeting: string | null };

/**
 * The team's shared caseload: every open enrolment of the team the scope may see, with the
 * current sub-goal (ongoing, earliest target date first) and the next follow-up and meeting.
 */
export async function teamCaseload(db: Db, scope: DataScope, teamId: string, today: string): Promise<CaseloadRow[]> {
  const rows = await sql<CaseloadRow>`select ${person}, e.start_date::text as day, null as what,
      (select g.text from plan_sub_goals g where g.enrolment_id = e.id and g.status = 'ongoing' and ${caseRecordVisibleTo(scope, 'plan', 'g')}
        order by g.target_date nulls last, g.created_at, g.id limit 1) as sub_goal,
      ${latestFollowUp(scope)}::text as next_follow_up,
      (select min((coalesce(m.next_meeting_at, m.held_at) at time zone 'Europe/Stockholm')::date)::text from meetings m
        where m.enrolment_id = e.id and ${caseRecordVisibleTo(scope, 'meetings', 'm')}
          and (coalesce(m.next_meeting_at, m.held_at) at time zone 'Europe/Stockholm')::date >= ${today}) as next_meeting
    from ${enrolmentsWithPerson} where ${open(scope)} and e.team_id = ${teamId}
    order by p.last_name nulls last, p.first_name nulls last, p.participant_ref, e.id limit 1000`.execute(db);
  return rows.rows;
}

/** The team, when the scope's case work covers it. */
export function findCoveredTeam(db: Db, scope: DataScope, teamId: string) {
  return db.selectFrom('teams as t').select(['t.id', 't.name']).where('t.id', '=', teamId).where(teamCoveredBy(scope, 't')).executeTakeFirst();
}

/** Teams the scope's case work covers, to choose a caseload from. */
export function coveredTeams(db: Db, scope: DataScope) {
  return db
    .selectFrom('teams as t')
    .innerJoin('interventions as i', 'i.id', 't.intervention_id')
    .select(['t.id', 't.name', 'i.name as intervention_name'])
    .where(teamCoveredBy(scope, 't'))
    .orderBy('i.name')
    .orderBy('t.name')
    .execute();
}
