import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/connection.js';

/** Case workers and leads work with head counts: their assignments on interventions and teams. */
export function headCountAssignments(actor: Actor) {
  const work = actor.assignments.filter((a) => a.role === 'case_worker' || a.role === 'intervention_lead');
  return {
    interventionIds: work.flatMap((a) => (a.interventionId ? [a.interventionId] : [])),
    teamIds: work.flatMap((a) => (a.teamId ? [a.teamId] : [])),
  };
}

/** Registrations in an intervention the actor is assigned to, or of a team the actor is assigned to. */
export function anonymousVisibleTo(actor: Actor, alias = 'r'): RawBuilder<boolean> {
  const { interventionIds, teamIds } = headCountAssignments(actor);
  const r = sql.table(alias);
  return sql<boolean>`(${r}.intervention_id = any(${interventionIds}::uuid[]) or ${r}.team_id = any(${teamIds}::uuid[]))`;
}

/** Whether the actor holds an assignment covering the intervention or one of its teams. */
export async function coversIntervention(db: Db, actor: Actor, interventionId: string): Promise<boolean> {
  const { interventionIds, teamIds } = headCountAssignments(actor);
  if (interventionIds.includes(interventionId)) return true;
  if (teamIds.length === 0) return false;
  const team = await db
    .selectFrom('teams')
    .select('id')
    .where('intervention_id', '=', interventionId)
    .where('id', 'in', teamIds)
    .executeTakeFirst();
  return !!team;
}

export function findIntervention(db: Db, id: string) {
  return db.selectFrom('interventions').select(['id', 'owner_org_id', 'start_date', 'end_date']).where('id', '=', id).executeTakeFirst();
}

export function findTeam(db: Db, id: string) {
  return db.selectFrom('teams').select(['id', 'intervention_id']).where('id', '=', id).executeTakeFirst();
}

const columns = ['r.id', 'r.intervention_id', 'r.team_id', 'r.year', 'r.gender', 'r.count'] as const;

export function listVisibleRegistrations(db: Db, actor: Actor, filter: { interventionId: string; year?: number }) {
  let query = db
    .selectFrom('anonymous_registrations as r')
    .select(columns)
    .where(anonymousVisibleTo(actor, 'r'))
    .where('r.intervention_id', '=', filter.interventionId);
  if (filter.year !== undefined) query = query.where('r.year', '=', filter.year);
  return query.orderBy('r.year', 'desc').orderBy('r.created_at').orderBy('r.id').execute();
}

export type RegistrationRow = Awaited<ReturnType<typeof listVisibleRegistrations>>[number];

export function insertRegistration(
  db: Db,
  values: { intervention_id: string; team_id: string | null; controller_org_id: string; year: number; gender: string; count: number },
) {
  return db
    .insertInto('anonymous_registrations')
    .values(values)
    .returning(['id', 'intervention_id', 'team_id', 'year', 'gender', 'count'])
    .executeTakeFirstOrThrow();
}
