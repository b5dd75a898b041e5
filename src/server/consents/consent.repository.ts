import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import type { CaseCategoryCode } from '../db/types.js';
import { defaultCaseCategories } from '../access/case-record-policy.js';

/** Categories chosen per party; a party not listed shares plan and meetings. */
export type PartyCategories = Readonly<Record<string, readonly CaseCategoryCode[]>>;

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
    .select(['o.id', 'o.code', 'o.name', 'cp.categories'])
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

/** Changes what the consent shares with a party; applies on the party's next request. */
export async function setPartyCategories(db: Db, consentId: string, organisationId: string, categories: readonly CaseCategoryCode[]): Promise<void> {
  await db.updateTable('consent_parties').set({ categories: [...new Set(categories)] }).where('consent_id', '=', consentId).where('organisation_id', '=', organisationId).execute();
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

/**
 * For each person: the consent in force with the parties it names, or else the last day a consent
 * was withdrawn (a withdrawn consent neither counts as given nor opens access, OSL 12:2).
 */
export async function consentFacts(db: Db, personIds: readonly string[]) {
  const active = new Map<string, { id: string; parties: Set<string> }>();
  const withdrawnOn = new Map<string, string>();
  if (personIds.length === 0) return { active, withdrawnOn };
  const rows = await db
    .selectFrom('consents as c')
    .leftJoin('consent_parties as cp', 'cp.consent_id', 'c.id')
    .select(['c.id', 'c.person_id', 'c.withdrawn_at', 'cp.organisation_id'])
    .where((eb) => eb('c.person_id', '=', eb.fn.any(eb.val([...new Set(personIds)]))))
    .execute();
  for (const row of rows) {
    if (row.withdrawn_at) {
      const day = new Date(row.withdrawn_at).toISOString().slice(0, 10);
      if ((withdrawnOn.get(row.person_id) ?? '') < day) withdrawnOn.set(row.person_id, day);
      continue;
    }
    const consent = active.get(row.person_id) ?? { id: row.id, parties: new Set<string>() };
    if (row.organisation_id) consent.parties.add(row.organisation_id);
    active.set(row.person_id, consent);
  }
  for (const personId of active.keys()) withdrawnOn.delete(personId);
  return { active, withdrawnOn };
}

export type ConsentFacts = Awaited<ReturnType<typeof consentFacts>>;

/** One consent for a person newly registered; the parties include the controller. */
export async function insertConsent(
  db: Db,
  consent: {
    personId: string;
    controllerId: string;
    givenDate: string;
    method: 'written' | 'oral_documented';
    documentRef: string | null;
    partyIds: string[];
    categories?: PartyCategories;
  },
): Promise<string> {
  const row = await db
    .insertInto('consents')
    .values({
      person_id: consent.personId,
      controller_org_id: consent.controllerId,
      given_date: consent.givenDate,
      method: consent.method,
      document_ref: consent.documentRef,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertParties(db, row.id, consent.partyIds, consent.categories);
  return row.id;
}

export async function insertParties(db: Db, consentId: string, organisationIds: readonly string[], categories: PartyCategories = {}): Promise<void> {
  if (organisationIds.length === 0) return;
  await db
    .insertInto('consent_parties')
    .values(organisationIds.map((organisation_id) => ({ consent_id: consentId, organisation_id, categories: [...new Set(categories[organisation_id] ?? defaultCaseCategories)] })))
    .onConflict((oc) => oc.columns(['consent_id', 'organisation_id']).doNothing())
    .execute();
}
