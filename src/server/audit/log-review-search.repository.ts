import { sql } from 'kysely';
import { personReviewableBy, userReviewableBy } from '../access/log-review-policy.js';
import type { DataScope } from '../access/data-scope.js';
import type { Db } from '../db/connection.js';

export type PersonQuery = { personnummer: string } | { name: string };

/** Persons of the reviewer's organisation by personnummer (exact) or name (part of it), at most `limit`. */
export async function findReviewablePersons(db: Db, scope: DataScope, query: PersonQuery, limit: number) {
  let q = db
    .selectFrom('persons as p')
    .select(['p.id', 'p.personnummer', 'p.first_name', 'p.last_name', 'p.participant_ref'])
    .where(personReviewableBy(scope, 'p'));
  if ('personnummer' in query) q = q.where('p.personnummer', '=', query.personnummer);
  else {
    const like = `%${query.name.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb(sql<string>`p.first_name || ' ' || p.last_name`, 'ilike', like), eb('p.participant_ref', 'ilike', like)]));
  }
  return q.orderBy('p.last_name').orderBy('p.first_name').orderBy('p.id').limit(limit).execute();
}

/** The users whose accesses the reviewer may review, by name. */
export function reviewableUsers(db: Db, scope: DataScope) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name', 'u.email', 'o.code as org_code', 'o.name as org_name'])
    .where(userReviewableBy(scope, 'u'))
    .orderBy('u.display_name')
    .orderBy('u.email')
    .execute();
}
