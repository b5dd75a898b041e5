import type { OrganisationRow } from './organisation.repository.js';

export function presentOrganisation(row: OrganisationRow, associationIds: string[]) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    orgNumber: row.org_number,
    associationIds,
  };
}
