import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

/** The person's consent in force: the newest one not withdrawn (OSL 12:2). */
export function activeConsentOf(db: Db, personId: string) {
  return db
    .selectFrom('consents')
    .select(['id', 'controller_org_id', 'given_date'])
    .where('person_id', '=', personId)
    .where('withdrawn_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** One consent with the parties it names, for the API answer. */
export async function consentWithParties(db: Db, consentId: string) {
  const consent = await db
    .selectFrom('consents')
    .select(['id', 'given_date', 'method', 'document_ref', 'withdrawn_at'])
    .where('id', '=', consentId)
    .executeTakeFirstOrThrow();
  const parties = await db
    .selectFrom('consent_parties as cp')
    .innerJoin('organisations as o', 'o.id', 'cp.organisation_id')
    .select(['o.id', 'o.code', 'o.name'])
    .where('cp.consent_id', '=', consentId)
    .orderBy('o.name')
    .execute();
  return { ...consent, parties };
}

export type ConsentWithParties = Awaited<ReturnType<typeof consentWithParties>>;

export function findOrganisation(db: Db, where: { id: string } | { code: string }) {
  const query = db.selectFrom('organisations').select(['id', 'code', 'name', 'kind']);
  return ('id' in where ? query.where('id', '=', where.id) : query.where('code', '=', where.code)).executeTakeFirst();
}

export function findOrganisations(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisations').select(['id', 'kind']).where('id', 'in', ids).execute();
}

export async function isParty(db: Db, consentId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('consent_parties')
    .select('consent_id')
    .where('consent_id', '=', consentId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return !!row;
}

export async function insertParty(db: Db, consentId: string, organisationId: string): Promise<void> {
  await db.insertInto('consent_parties').values({ consent_id: consentId, organisation_id: organisationId }).execute();
}

export async function deleteParty(db: Db, consentId: string, organisationId: string): Promise<void> {
  await db.deleteFrom('consent_parties').where('consent_id', '=', consentId).where('organisation_id', '=', organisationId).execute();
}

/** Withdraws every consent of the person still in force; returns their ids. */
export async function withdrawActiveConsents(db: Db, personId: string, date: string): Promise<string[]> {
  const rows = await db
    .updateTable('consents')
    .set({ withdrawn_at: sql<Date>`now()`, withdrawn_date: date })
    .where('person_id', '=', personId)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
