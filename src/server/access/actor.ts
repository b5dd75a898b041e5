import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { rolePermissions, type Permission, type Role } from './roles.js';

export type Assignment = {
  id: string;
  role: Role;
  interventionId: string | null;
  teamId: string | null;
  associationId: string | null;
};

export type Actor = {
  userId: string;
  organisationId: string;
  email: string;
  displayName: string;
  assignments: Assignment[];
  /** The password is temporary: nothing but GET /auth/me, POST /auth/password and logout until it is changed. */
  passwordMustChange?: boolean;
  /** The account has a password (an account that signs in only by SSO has none to change). */
  hasPassword?: boolean;
};

/** The user's columns and assignments as one row: an actor is one query, alone or with its session. */
export const actorColumns = sql<Actor>`json_build_object(
  'userId', u.id, 'organisationId', u.organisation_id, 'email', u.email, 'displayName', u.display_name,
  'passwordMustChange', u.password_must_change, 'hasPassword', u.password_hash is not null,
  'assignments', coalesce((select json_agg(json_build_object('id', a.id, 'role', a.role, 'interventionId', a.intervention_id,
    'teamId', a.team_id, 'associationId', a.association_id)) from assignments a where a.user_id = u.id), '[]'::json))`;

/** Loaded fresh on every request, so a changed role or assignment applies on the next one. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const { rows } = await sql<{ actor: Actor }>`select ${actorColumns} as actor from users u where u.id = ${userId} and u.active`.execute(db);
  return rows[0]?.actor ?? null;
}

export const rolesOf = (actor: Actor): Role[] => [...new Set(actor.assignments.map((a) => a.role))];

export const hasRole = (actor: Actor, role: Role): boolean => actor.assignments.some((a) => a.role === role);

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return rolesOf(actor).some((role) => rolePermissions[role].includes(permission));
}

/** The role recorded in the audit trail for an action needing `permission`. */
export function roleFor(actor: Actor, permission: Permission): Role | null {
  return rolesOf(actor).find((role) => rolePermissions[role].includes(permission)) ?? null;
}

export const associationIdsFor = (actor: Actor, role: Role): string[] =>
  actor.assignments.filter((a) => a.role === role && a.associationId).map((a) => a.associationId!);
