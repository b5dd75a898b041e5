import type { Actor } from '../access/actor.js';
import { anonymousVisibleTo } from '../access/anonymous-policy.js';
import type { Db } from '../db/connection.js';

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
