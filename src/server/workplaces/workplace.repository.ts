import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import type { DataScope } from '../access/data-scope.js';
import { enrolmentVisibleTo } from '../access/scope.js';
import { inRegisterOf, placementVisibleTo, workplaceVisibleTo } from '../access/workplace-policy.js';
import type { Db } from '../db/connection.js';

// The register itself holds no participant data; placements are read only through the
// case-record rule and the enrolment rule together (access/workplace-policy.ts).

function selectWorkplaces(db: Db, actor: Actor) {
  return db
    .selectFrom('workplaces as w')
    .innerJoin('organisations as f', 'f.id', 'w.association_id')
    .where(workplaceVisibleTo(actor, 'w'))
    .select(['w.id', 'w.association_id', 'f.name as association_name', 'w.name', 'w.sector', 'w.org_number', 'w.address']);
}

export type WorkplaceRow = Awaited<ReturnType<typeof findVisibleWorkplace>> & {};

export function findVisibleWorkplace(db: Db, actor: Actor, id: string) {
  return selectWorkplaces(db, actor).where('w.id', '=', id).executeTakeFirst();
}

export function listVisibleWorkplaces(db: Db, actor: Actor, search?: string) {
  let query = selectWorkplaces(db, actor);
  if (search) query = query.where(sql<boolean>`lower(w.name) like ${`%${search.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  return query.orderBy(sql`lower(w.name)`).orderBy('w.id').limit(500).execute();
}

export function placesOf(db: Db, workplaceIds: string[]) {
  if (workplaceIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('workplace_places').selectAll().where('workplace_id', 'in', workplaceIds).orderBy('activity_type').execute();
}

export function supervisorsOf(db: Db, workplaceId: string) {
  return db.selectFrom('workplace_supervisors').select(['id', 'name', 'phone', 'email']).where('workplace_id', '=', workplaceId).orderBy('name').orderBy('id').execute();
}

/** Förbund the actor may add workplaces to: its organisation's memberships (and its own förbund). */
export function registerAssociations(db: Db, actor: Actor) {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name'])
    .where('o.kind', '=', 'association')
    .where(inRegisterOf(actor, sql.ref('o.id')))
    .orderBy('o.name')
    .execute();
}

/**
 * Who is placed at the workplace now (active on the day, not planned or cancelled) and who is
 * queued (planned), only as far as the scope may see both the activity and the enrolment.
 */
export function visiblePlacements(db: Db, scope: DataScope, workplaceId: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .where('a.workplace_id', '=', workplaceId)
    .where('a.status', 'in', ['planned', 'ongoing'])
    .where(placementVisibleTo(scope, 'a'))
    .where(enrolmentVisibleTo(scope, 'e'))
    .select(['a.id', 'a.enrolment_id', 'a.person_id', 'a.activity_type', 'a.status', 'a.start_date', 'a.end_date', 'p.first_name', 'p.last_name', 'p.participant_ref'])
    .orderBy('a.start_date')
    .orderBy('a.id')
    .execute();
}

export type PlacementRow = Awaited<ReturnType<typeof visiblePlacements>>[number];

export type WorkplaceValues = { name: string; sector: string | null; org_number: string | null; address: string | null };
export type SupervisorValues = { id?: string; name: string; phone: string | null; email: string | null };

export async function insertWorkplace(db: Db, associationId: string, createdByOrgId: string | null, values: WorkplaceValues): Promise<string> {
  const row = await db
    .insertInto('workplaces')
    .values({ ...values, association_id: associationId, created_by_org_id: createdByOrgId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a workplace a scoped read returned. */
export async function updateWorkplace(db: Db, row: WorkplaceRow, values: WorkplaceValues): Promise<void> {
  await db.updateTable('workplaces').set({ ...values, updated_at: new Date() }).where('id', '=', row.id).execute();
}

/** The places per activity type, replaced as a whole. */
export async function replacePlaces(db: Db, workplaceId: string, places: { activityType: string; places: number }[]): Promise<void> {
  await db.deleteFrom('workplace_places').where('workplace_id', '=', workplaceId).execute();
  if (places.length === 0) return;
  await db
    .insertInto('workplace_places')
    .values(places.map((p) => ({ workplace_id: workplaceId, activity_type: p.activityType, places: p.places })))
    .execute();
}

/**
 * Supervisors with an id are changed, new ones added. None is removed: an activity may name them
 * (removing a supervisor is not offered yet).
 */
export async function saveSupervisors(db: Db, workplaceId: string, supervisors: SupervisorValues[]): Promise<string[]> {
  const unknown: string[] = [];
  for (const s of supervisors) {
    const values = { name: s.name, phone: s.phone, email: s.email };
    if (!s.id) {
      await db.insertInto('workplace_supervisors').values({ ...values, workplace_id: workplaceId }).execute();
      continue;
    }
    const result = await db.updateTable('workplace_supervisors').set(values).where('id', '=', s.id).where('workplace_id', '=', workplaceId).executeTakeFirst();
    if (result.numUpdatedRows === 0n) unknown.push(s.id);
  }
  return unknown;
}

/** A supervisor of the given workplace, or nothing. */
export function findSupervisor(db: Db, workplaceId: string, supervisorId: string) {
  return db.selectFrom('workplace_supervisors').select(['id', 'name']).where('id', '=', supervisorId).where('workplace_id', '=', workplaceId).executeTakeFirst();
}

/** Another workplace of the förbund with the organisation number, for a clear 409 instead of the index's. */
export function workplaceWithOrgNumber(db: Db, associationId: string, orgNumber: string, exceptId: string | null) {
  let query = db.selectFrom('workplaces').select('id').where('association_id', '=', associationId).where('org_number', '=', orgNumber);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}
