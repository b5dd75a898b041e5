import type { Actor } from '../access/actor.js';
import { interventionVisibleTo } from '../access/scope.js';
import type { Db } from '../db/connection.js';

/** A team the actor can see (through its intervention), so it may assign people to it. */
export function findVisibleTeam(db: Db, actor: Actor, teamId: string) {
  return db
    .selectFrom('teams as t')
    .innerJoin('interventions as i', 'i.id', 't.intervention_id')
    .select(['t.id', 't.intervention_id', 'i.owner_org_id'])
    .where('t.id', '=', teamId)
    .where(interventionVisibleTo(actor, 'i'))
    .executeTakeFirst();
}

/** Whether the organisation exists and is a förbund. */
export async function findOrganisationKind(db: Db, organisationId: string) {
  return db.selectFrom('organisations').select(['id', 'kind']).where('id', '=', organisationId).executeTakeFirst();
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

export function findAssignment(db: Db, userId: string, assignmentId: string) {
  return db
    .selectFrom('assignments')
    .select(['id', 'role'])
    .where('id', '=', assignmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function deleteAssignment(db: Db, assignmentId: string) {
  await db.deleteFrom('assignments').where('id', '=', assignmentId).execute();
}
