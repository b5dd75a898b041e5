import type { Db } from '../db/connection.js';

/** A förbund by its code, or undefined (no participant data: the parties and their interventions). */
export function findAssociation(db: Db, code: string) {
  return db.selectFrom('organisations').select(['id', 'code', 'name']).where('code', '=', code).where('kind', '=', 'association').executeTakeFirst();
}

/** The förbund's interventions, by code, with what its dashboard and national follow-up show of them. */
export function interventionsOfAssociation(db: Db, associationId: string) {
  return db
    .selectFrom('interventions as i')
    .innerJoin('organisations as o', 'o.id', 'i.owner_org_id')
    .select(['i.id', 'i.code', 'i.name', 'o.name as owner', 'i.orientation', 'i.follow_up_method', 'i.volume_target', 'i.places', 'i.owner_org_id', 'i.association_id', 'i.start_date', 'i.end_date'])
    .where('i.association_id', '=', associationId)
    .orderBy('i.code')
    .execute();
}
