import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { interventionVisibleTo } from '../access/scope.js';
import type { Db } from '../db/connection.js';

/**
 * The intervention an assignment would be held on (the team's intervention for a team), whether
 * the actor may see it (access/scope.ts), and whether the user's organisation is a member of its
 * förbund. Undefined when there is no such intervention or team.
 */
export async function findInterventionFacts(db: Db, actor: Actor, target: { interventionId: string | null; teamId: string | null }, userOrgId: string) {
  let query = db
    .selectFrom('interventions as i')
    .select([
      'i.owner_org_id',
      interventionVisibleTo(actor, 'i').as('visible'),
      sql<boolean>`exists (select 1 from association_members m where m.association_id = i.association_id and m.organisation_id = ${userOrgId})`.as(
        'user_org_takes_part',
      ),
    ]);
  query = target.teamId
    ? query.where(sql<boolean>`i.id = (select intervention_id from teams where id = ${target.teamId})`)
    : query.where('i.id', '=', target.interventionId);
  const row = await query.executeTakeFirst();
  return row ? { ownerOrgId: row.owner_org_id, visible: row.visible, userOrgTakesPart: row.user_org_takes_part } : undefined;
}

/** Whether the organisation exists and is a förbund. */
export async function findOrganisationKind(db: Db, organisationId: string) {
  return db.selectFrom('organisations').select(['id', 'kind']).where('id', '=', organisationId).executeTakeFirst();
}

/** Whether an active user of the organisation holds org_admin. */
export async function organisationHasAdmin(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select('a.id')
    .where('u.organisation_id', '=', organisationId)
    .where('u.active', '=', true)
    .where('a.role', '=', 'org_admin')
    .executeTakeFirst();
  return row !== undefined;
}

export function insertAssignment(
  db: Db,
  values: { user_id: string; role: string; intervention_id: string | null; team_id: string | null; association_id: string | null },
) {
  return db
    .insertInto('assignments')
    .values(values)
    .returning(['id', 'role', 'intervention_id', 'team_id', 'association_id'])
    .executeTakeFirstOrThrow();
}

/** The user's assignment with the owner of the intervention it is held on (null for other roles). */
export function findAssignment(db: Db, userId: string, assignmentId: string) {
  return db
    .selectFrom('assignments as a')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('interventions as i', (join) => join.on(sql<boolean>`i.id = coalesce(a.intervention_id, t.intervention_id)`))
    .select(['a.id', 'a.role', 'a.intervention_id', 'a.team_id', 'a.association_id', 'i.owner_org_id'])
    .where('a.id', '=', assignmentId)
    .where('a.user_id', '=', userId)
    .executeTakeFirst();
}

export async function deleteAssignment(db: Db, assignmentId: string) {
  await db.deleteFrom('assignments').where('id', '=', assignmentId).execute();
}
