import type { Actor } from '../access/actor.js';
import { hasRole } from '../access/actor.js';
import { navigationCan, type NavigationCan } from '../access/navigation-policy.js';
import type { Db } from '../db/connection.js';
import { findOrganisationRow } from '../organisations/organisation.repository.js';

/** `can` of GET /auth/me; the organisation is looked up only for an administrator, who needs it. */
export async function navigationFor(db: Db, actor: Actor): Promise<NavigationCan> {
  const organisationIsAssociation = hasRole(actor, 'org_admin') && (await findOrganisationRow(db, actor.organisationId))?.kind === 'association';
  return navigationCan(actor, { organisationIsAssociation });
}
