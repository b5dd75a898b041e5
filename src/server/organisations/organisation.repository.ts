import type { Db } from '../db/connection.js';

const columns = ['id', 'code', 'name', 'kind', 'org_number'] as const;

export type OrganisationRow = { id: string; code: string; name: string; kind: string; org_number: string | null };

/** Association ids per member organisation, for the given organisations. */
export async function membershipsOf(db: Db, organisationIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (organisationIds.length === 0) return result;
  const rows = await db
    .selectFrom('association_members')
    .select(['organisation_id', 'association_id'])
    .where('organisation_id', 'in', organisationIds)
    .orderBy('association_id')
    .execute();
  for (const row of rows) result.set(row.organisation_id, [...(result.get(row.organisation_id) ?? []), row.association_id]);
  return result;
}

export function listOrganisationRows(db: Db): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').select(columns).orderBy('name').orderBy('code').execute();
}

export function findOrganisationRow(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirst());
}

/** The ids among `ids` that are not organisations of the kind association (missing ones included). */
export async function notAssociations(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', ids)
    .where('kind', '=', 'association')
    .execute();
  const known = new Set(found.map((o) => o.id));
  return ids.filter((id) => !known.has(id));
}

export async function insertOrganisation(
  db: Db,
  values: { code: string; name: string; kind: string; org_number: string | null },
): Promise<string> {
  return (await db.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateOrganisationRow(db: Db, id: string, set: { name?: string; org_number?: string | null }) {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('organisations').set(set).where('id', '=', id).execute();
}

/** Replaces the organisation's förbund memberships with exactly `associationIds`. */
export async function replaceMemberships(db: Db, organisationId: string, associationIds: string[]) {
  await db.deleteFrom('association_members').where('organisation_id', '=', organisationId).execute();
  if (associationIds.length === 0) return;
  await db
    .insertInto('association_members')
    .values(associationIds.map((association_id) => ({ association_id, organisation_id: organisationId })))
    .execute();
}
