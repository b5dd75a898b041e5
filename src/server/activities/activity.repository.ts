import type { Insertable, Updateable } from 'kysely';
import { caseRecordVisibleTo, caseRecordWritableIn } from '../access/case-record-policy.js';
import type { DataScope } from '../access/data-scope.js';
import { enrolmentVisibleTo } from '../access/scope.js';
import type { Db } from '../db/connection.js';
import type { ActivitiesTable } from '../db/types.js';

// Activities are read, matched and changed only through the case-record rule (category `plan`).

function selectActivities(db: Db, scope: DataScope) {
  return db
    .selectFrom('activities as a')
    .innerJoin('organisations as c', 'c.id', 'a.controller_org_id')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .leftJoin('workplaces as w', 'w.id', 'a.workplace_id')
    .leftJoin('workplace_supervisors as s', 's.id', 'a.supervisor_id')
    .where(caseRecordVisibleTo(scope, 'plan', 'a'))
    .select([
      'a.id',
      'a.enrolment_id',
      'a.person_id',
      'a.controller_org_id',
      'c.name as controller_name',
      'a.health',
      'a.activity_type',
      'a.employment_type',
      'a.extension',
      'a.workplace_id',
      'w.name as workplace_name',
      'a.provider',
      'a.supervisor_id',
      's.name as supervisor_name',
      'a.start_date',
      'a.end_date',
      'a.hours_per_week',
      'a.status',
      'a.notes',
      'e.start_date as enrolment_start',
      'e.exit_date as enrolment_exit',
    ]);
}

export type ActivityRow = Awaited<ReturnType<typeof findVisibleActivity>> & {};

export function findVisibleActivity(db: Db, scope: DataScope, id: string) {
  return selectActivities(db, scope).where('a.id', '=', id).executeTakeFirst();
}

export function listVisibleActivities(db: Db, scope: DataScope, enrolmentId: string) {
  return selectActivities(db, scope).where('a.enrolment_id', '=', enrolmentId).orderBy('a.start_date', 'desc').orderBy('a.id').execute();
}

/** The enrolment as the scope sees it (person data rule), for listing its activities. */
export function findVisibleEnrolmentRef(db: Db, scope: DataScope, id: string) {
  return db.selectFrom('enrolments as e').where(enrolmentVisibleTo(scope, 'e')).where('e.id', '=', id).select(['e.id', 'e.person_id']).executeTakeFirst();
}

/** The enrolment, only when the scope may add records of category `plan` to it. */
export function findPlanWritableEnrolment(db: Db, scope: DataScope, id: string) {
  return db
    .selectFrom('enrolments as e')
    .where(caseRecordWritableIn(scope, 'plan', 'e'))
    .where('e.id', '=', id)
    .select(['e.id', 'e.person_id', 'e.start_date', 'e.exit_date'])
    .executeTakeFirst();
}

export type WritableEnrolment = Awaited<ReturnType<typeof findPlanWritableEnrolment>> & {};

/** Whether the scope may add activities to the enrolment (the `can.create` flag). */
export async function mayAddActivity(db: Db, scope: DataScope, enrolmentId: string): Promise<boolean> {
  return (await findPlanWritableEnrolment(db, scope, enrolmentId)) !== undefined;
}

type ActivityValues = Omit<Insertable<ActivitiesTable>, 'enrolment_id' | 'person_id' | 'controller_org_id' | 'id'>;

export async function insertActivity(db: Db, enrolment: WritableEnrolment, controllerOrgId: string, values: ActivityValues): Promise<string> {
  const row = await db
    .insertInto('activities')
    .values({ ...values, enrolment_id: enrolment.id, person_id: enrolment.person_id, controller_org_id: controllerOrgId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an activity a scoped read returned. */
export async function updateActivity(db: Db, row: ActivityRow, set: Updateable<ActivitiesTable>): Promise<void> {
  await db.updateTable('activities').set({ ...set, updated_at: new Date() }).where('id', '=', row.id).execute();
}
