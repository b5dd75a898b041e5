import { sql, type RawBuilder } from 'kysely';
import { hasRole, type Actor } from '../access/actor.js';
import type { Db } from '../db/connection.js';

/**
 * Users the actor manages: a system administrator all, an organisation administrator those of the
 * own organisation (domain.md, roles: org_admin), nobody else. Part of every user query, so a user
 * of another organisation is simply not found.
 */
export function userVisibleTo(actor: Actor, alias = 'u'): RawBuilder<boolean> {
  if (hasRole(actor, 'system_admin')) return sql<boolean>`true`;
  if (hasRole(actor, 'org_admin')) return sql<boolean>`${sql.table(alias)}.organisation_id = ${actor.organisationId}`;
  return sql<boolean>`false`;
}

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

export async function assignmentsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('assignments')
    .select(['id', 'user_id', 'role', 'intervention_id', 'team_id', 'association_id'])
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export type AssignmentRow = Awaited<ReturnType<typeof assignmentsOf>>[number];

export async function emailTaken(db: Db, email: string) {
  return !!(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst());
}

export async function insertUser(
  db: Db,
  values: { email: string; display_name: string; organisation_id: string; password_hash: string },
): Promise<string> {
  return (await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateUserRow(db: Db, id: string, set: { display_name?: string; active?: boolean }) {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** Ends every session of the user at once: a deactivated account must not keep working. */
export async function endSessionsOf(db: Db, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
