import type { Actor } from '../access/actor.js';
import { interventionVisibleTo } from '../access/scope.js';
import type { Db } from '../db/connection.js';
import type { InterventionsTable } from '../db/types.js';

/** Interventions as the actor may see them: the scope filter is part of every read. */
function selectVisible(db: Db, actor: Actor) {
  return db
    .selectFrom('interventions as i')
    .innerJoin('organisations as o', 'o.id', 'i.owner_org_id')
    .leftJoin('organisations as a', 'a.id', 'i.association_id')
    .where(interventionVisibleTo(actor, 'i'))
    .select([
      'i.id',
      'i.code',
      'i.name',
      'i.owner_org_id',
      'o.code as owner_code',
      'o.name as owner_name',
      'i.association_id',
      'a.code as association_code',
      'a.name as association_name',
      'i.start_date',
      'i.end_date',
      'i.orientation',
      'i.follow_up',
      'i.follow_up_method',
      'i.places',
      'i.volume_target',
    ]);
}

export type InterventionRow = Awaited<ReturnType<typeof findVisibleIntervention>> & {};

export function findVisibleIntervention(db: Db, actor: Actor, id: string) {
  return selectVisible(db, actor).where('i.id', '=', id).executeTakeFirst();
}

export function listVisibleInterventions(db: Db, actor: Actor) {
  return selectVisible(db, actor).orderBy('i.name').orderBy('i.code').execute();
}

export async function teamsOf(db: Db, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return db
    .selectFrom('teams')
    .select(['id', 'name', 'intervention_id'])
    .where('intervention_id', 'in', interventionIds)
    .orderBy('name')
    .execute();
}

export async function volumeTargetsOf(db: Db, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return db
    .selectFrom('intervention_volume_targets')
    .select(['intervention_id', 'year', 'target'])
    .where('intervention_id', 'in', interventionIds)
    .orderBy('year')
    .execute();
}

export async function interventionCodeTaken(db: Db, code: string) {
  return !!(await db.selectFrom('interventions').select('id').where('code', '=', code).executeTakeFirst());
}

type NewIntervention = Omit<InterventionsTable, 'id' | 'created_at' | 'follow_up_method'> & { follow_up_method?: 'stegvis' | 'sus' | 'other' };

export async function insertIntervention(db: Db, values: NewIntervention): Promise<string> {
  return (await db.insertInto('interventions').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateInterventionRow(
  db: Db,
  id: string,
  set: Partial<Pick<InterventionsTable, 'name' | 'end_date' | 'places' | 'volume_target'>> & { follow_up_method?: 'stegvis' | 'sus' | 'other' },
) {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('interventions').set(set).where('id', '=', id).execute();
}

export async function teamNameTaken(db: Db, interventionId: string, name: string) {
  return !!(await db
    .selectFrom('teams')
    .select('id')
    .where('intervention_id', '=', interventionId)
    .where('name', '=', name)
    .executeTakeFirst());
}

export async function insertTeam(db: Db, interventionId: string, name: string) {
  return db.insertInto('teams').values({ intervention_id: interventionId, name }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function upsertVolumeTarget(db: Db, interventionId: string, year: number, target: number) {
  await db
    .insertInto('intervention_volume_targets')
    .values({ intervention_id: interventionId, year, target })
    .onConflict((oc) => oc.columns(['intervention_id', 'year']).doUpdateSet({ target }))
    .execute();
}
