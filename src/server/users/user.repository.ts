import { sql } from 'kysely';
import { hasRole, type Actor } from '../access/actor.js';
import { userVisibleTo, worksFor } from '../access/user-policy.js';
import type { Db } from '../db/connection.js';

// The password hash is never selected: it cannot leak through a response it was never read into.
const columns = ['u.id', 'u.email', 'u.display_name', 'u.organisation_id', 'u.active'] as const;

export type UserRow = { id: string; email: string; display_name: string; organisation_id: string; active: boolean };

export function listVisibleUsers(db: Db, actor: Actor, filter: { organisationId?: string }) {
  let query = db.selectFrom('users as u').select(columns).where(userVisibleTo(actor, 'u'));
  if (filter.organisationId) query = query.where('u.organisation_id', '=', filter.organisationId);
  return query.orderBy('u.display_name').orderBy('u.email').execute();
}

export function findVisibleUser(db: Db, actor: Actor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users as u').select(columns).where(userVisibleTo(actor, 'u')).where('u.id', '=', id).executeTakeFirst();
}

/** The users' assignments, each with the owner of the intervention it is held on (null for other roles). */
export async function assignmentsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('assignments as a')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('interventions as i', (join) => join.on(sql<boolean>`i.id = coalesce(a.intervention_id, t.intervention_id)`))
    .select(['a.id', 'a.user_id', 'a.role', 'a.intervention_id', 'a.team_id', 'a.association_id', 'i.owner_org_id'])
    .where('a.user_id', 'in', userIds)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export type AssignmentRow = Awaited<ReturnType<typeof assignmentsOf>>[number];

/**
 * The user with exactly this e-mail address, if the actor may find them: a system administrator
 * anyone; an organisation administrator the own staff and the staff of organisations that are
 * members of a förbund the own organisation is a member of (or is), so the owner of an
 * intervention can give a joint team's member case work without seeing any organisation's list.
 */
export function findUserByEmail(db: Db, actor: Actor, email: string): Promise<UserRow | undefined> {
  let query = db.selectFrom('users as u').select(columns).where('u.email', '=', email);
  if (!hasRole(actor, 'system_admin')) {
    if (!hasRole(actor, 'org_admin')) return Promise.resolve(undefined);
    query = query.where(sql<boolean>`(u.organisation_id = ${actor.organisationId} or u.organisation_id in (
      select m.organisation_id from association_members m
      where m.association_id = ${actor.organisationId}
        or m.association_id in (select association_id from association_members where organisation_id = ${actor.organisationId})))`);
  }
  return query.executeTakeFirst();
}

/** A user as the rights rules need them (rights.ts, TargetUser), whoever the actor is; null when missing. */
export async function findTargetUser(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.organisation_id',
      sql<boolean>`exists (select 1 from assignments sa where sa.user_id = u.id and sa.role = 'system_admin')`.as('holds_system_admin'),
      worksFor(sql`u.id`, actor.organisationId).as('works_for_actor'),
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  return row
    ? { id: row.id, organisationId: row.organisation_id, holdsSystemAdmin: row.holds_system_admin, worksForActor: row.works_for_actor }
    : null;
}

export async function emailTaken(db: Db, email: string) {
  return !!(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst());
}

export async function insertUser(
  db: Db,
  values: { email: string; display_name: string; organisation_id: string; password_hash: string; password_must_change?: boolean },
): Promise<string> {
  return (await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateUserRow(db: Db, id: string, set: { display_name?: string; active?: boolean }) {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** The user's password hash, for a password check or to know whether the account has a password at all. */
export async function passwordHashOf(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? null;
}

/** Sets a new password; `mustChange`: it is temporary (set by an administrator) and must be changed at the next login. */
export async function setPassword(db: Db, id: string, passwordHash: string, mustChange: boolean) {
  await db.updateTable('users').set({ password_hash: passwordHash, password_must_change: mustChange }).where('id', '=', id).execute();
}

/** Ends every session of the user at once: a deactivated account must not keep working. */
export async function endSessionsOf(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
