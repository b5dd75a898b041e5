import { sql } from 'kysely';
import { caseRecordVisibleTo, caseRecordWritableIn } from '../access/case-record-policy.js';
import type { DataScope } from '../access/data-scope.js';
import { enrolmentVisibleTo } from '../access/scope.js';
import type { Db } from '../db/connection.js';
import type { PlanChange, SubGoalStatus } from '../db/types.js';

// The action plan, read and written only through the case-record rule (category `plan`).

export type CaseEnrolment = { id: string; person_id: string; controller_org_id: string; first_name: string | null; last_name: string | null };

const enrolmentColumns = ['e.id', 'e.person_id', 'e.controller_org_id', 'p.first_name', 'p.last_name'] as const;

/** The enrolment, when the scope sees it (the case's page); out of scope is not found. */
export function findCaseEnrolment(db: Db, scope: DataScope, id: string): Promise<CaseEnrolment | undefined> {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .select(enrolmentColumns)
    .where(enrolmentVisibleTo(scope, 'e'))
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/** The enrolment, when the scope may add records of the category to it. */
export function findWritableEnrolment(db: Db, scope: DataScope, id: string, category: 'plan' | 'meetings'): Promise<CaseEnrolment | undefined> {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .select(enrolmentColumns)
    .where(caseRecordWritableIn(scope, category, 'e'))
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export function findVisiblePlan(db: Db, scope: DataScope, enrolmentId: string) {
  return db
    .selectFrom('action_plans as ap')
    .select(['ap.id', 'ap.enrolment_id', 'ap.person_id', 'ap.controller_org_id'])
    .where(caseRecordVisibleTo(scope, 'plan', 'ap'))
    .where('ap.enrolment_id', '=', enrolmentId)
    .executeTakeFirst();
}

export type PlanRef = NonNullable<Awaited<ReturnType<typeof findVisiblePlan>>>;

/** The plan of the enrolment, created when it has none. It is controlled like the enrolment. */
export async function ensurePlan(db: Db, enrolment: CaseEnrolment, userId: string | null): Promise<string> {
  await db
    .insertInto('action_plans')
    .values({ enrolment_id: enrolment.id, person_id: enrolment.person_id, controller_org_id: enrolment.controller_org_id, created_by_user_id: userId })
    .onConflict((oc) => oc.column('enrolment_id').doNothing())
    .execute();
  const row = await db.selectFrom('action_plans').select('id').where('enrolment_id', '=', enrolment.id).executeTakeFirstOrThrow();
  return row.id;
}

export function visibleRevisions(db: Db, scope: DataScope, planId: string) {
  return db
    .selectFrom('plan_revisions as r')
    .innerJoin('organisations as o', 'o.id', 'r.controller_org_id')
    .leftJoin('users as u', 'u.id', 'r.author_user_id')
    .select(['r.id', 'r.revised_at', 'r.health', 'r.main_goal', 'r.own_words', 'r.next_follow_up', 'r.changes', 'o.id as org_id', 'o.name as org_name', 'u.display_name as user_name'])
    .where(caseRecordVisibleTo(scope, 'plan', 'r'))
    .where('r.plan_id', '=', planId)
    .orderBy('r.revised_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

export type RevisionRow = Awaited<ReturnType<typeof visibleRevisions>>[number];

export function visibleSubGoals(db: Db, scope: DataScope, planId: string) {
  return db
    .selectFrom('plan_sub_goals as g')
    .innerJoin('organisations as o', 'o.id', 'g.controller_org_id')
    .leftJoin('organisations as ro', 'ro.id', 'g.responsible_org_id')
    .select(['g.id', 'g.text', 'g.responsible_org_id', 'ro.name as responsible_name', 'g.target_date', 'g.status', 'g.health', 'o.id as org_id', 'o.name as org_name'])
    .where(caseRecordVisibleTo(scope, 'plan', 'g'))
    .where('g.plan_id', '=', planId)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
}

export type SubGoalRow = Awaited<ReturnType<typeof visibleSubGoals>>[number];

export type NewRevision = { planId: string; enrolment: CaseEnrolment; organisationId: string; userId: string | null; health: boolean; mainGoal: string; ownWords: string | null; nextFollowUp: string | null; changes: PlanChange[] };

export async function insertRevision(db: Db, r: NewRevision): Promise<string> {
  const row = await db
    .insertInto('plan_revisions')
    .values({
      plan_id: r.planId,
      enrolment_id: r.enrolment.id,
      person_id: r.enrolment.person_id,
      controller_org_id: r.organisationId,
      health: r.health,
      author_user_id: r.userId,
      main_goal: r.mainGoal,
      own_words: r.ownWords,
      next_follow_up: r.nextFollowUp,
      changes: JSON.stringify(r.changes),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('action_plans').set({ updated_at: sql<Date>`now()` }).where('id', '=', r.planId).execute();
  return row.id;
}

export type SubGoalValues = { text: string; responsibleOrgId: string | null; targetDate: string | null; status: SubGoalStatus; health: boolean };

export async function insertSubGoal(db: Db, planId: string, enrolment: CaseEnrolment, organisationId: string, userId: string | null, g: SubGoalValues): Promise<string> {
  const row = await db
    .insertInto('plan_sub_goals')
    .values({
      plan_id: planId,
      enrolment_id: enrolment.id,
      person_id: enrolment.person_id,
      controller_org_id: organisationId,
      created_by_user_id: userId,
      // Several sub-goals of one save keep the order they were written in.
      created_at: sql<Date>`clock_timestamp()`,
      text: g.text,
      responsible_org_id: g.responsibleOrgId,
      target_date: g.targetDate,
      status: g.status,
      health: g.health,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a sub-goal a scoped read returned; it stays controlled by the organisation that wrote it. */
export async function updateSubGoal(db: Db, visible: SubGoalRow, g: SubGoalValues): Promise<void> {
  await db
    .updateTable('plan_sub_goals')
    .set({ text: g.text, responsible_org_id: g.responsibleOrgId, target_date: g.targetDate, status: g.status, health: g.health, updated_at: sql<Date>`now()` })
    .where('id', '=', visible.id)
    .execute();
}

/** Organisations that may be named responsible for a sub-goal: parties, not a förbund. */
export async function partyOrganisations(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', ids).where('kind', '!=', 'association').execute();
  return new Set(rows.map((r) => r.id));
}

/** The next meeting the scope may see (category `meetings`), for the participant's copy. */
export async function nextVisibleMeeting(db: Db, scope: DataScope, enrolmentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('meetings as m')
    .select(sql<string>`to_char(greatest(m.held_at, coalesce(m.next_meeting_at, m.held_at)) at time zone 'Europe/Stockholm', 'YYYY-MM-DD"T"HH24:MI')`.as('at'))
    .where(caseRecordVisibleTo(scope, 'meetings', 'm'))
    .where('m.enrolment_id', '=', enrolmentId)
    .where(sql<boolean>`greatest(m.held_at, coalesce(m.next_meeting_at, m.held_at)) >= now()`)
    .orderBy(sql`greatest(m.held_at, coalesce(m.next_meeting_at, m.held_at))`)
    .executeTakeFirst();
  return row?.at ?? null;
}
