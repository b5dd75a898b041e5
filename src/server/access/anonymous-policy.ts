import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.js';
import type { Actor } from './actor.js';

// Head counts (anonymous registrations) identify no one, but they are the intervention's own
// figures: only the staff who work in it register and list them.

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

