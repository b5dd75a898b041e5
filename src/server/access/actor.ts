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

/** Loaded fresh on every request, so a changed role or assignment applies on the next one. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'email', 'display_name', 'password_must_change'])
    .select(sql<boolean>`password_hash is not null`.as('has_password'))
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return null;
  const rows = await db
    .selectFrom('assignments')
    .select(['id', 'role', 'intervention_id', 'team_id', 'association_id'])
    .where('user_id', '=', userId)
    .execute();
  return {
    userId: user.id,
    organisationId: user.organisation_id,
    email: user.email,
    displayName: user.display_name,
    passwordMustChange: user.password_must_change,
    hasPassword: user.has_password,
    assignments: rows.map((r) => ({
      id: r.id,
      role: r.role as Role,
      interventionId: r.intervention_id,
      teamId: r.team_id,
      associationId: r.association_id,
    })),
  };
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
