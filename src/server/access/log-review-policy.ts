import { sql, type RawBuilder } from 'kysely';
import { actingOrganisation, type DataScope } from './data-scope.js';
import { worksFor } from './user-policy.js';

// Whom a log reviewer (loggkontroll) may look up to start a review. The review of the log itself
// is scoped in audit/log-review.repository.ts; these rules decide only which persons and users
// the reviewer can pick. The system scope reviews nothing.

/**
 * Persons a log reviewer finds by personnummer or name: those its organisation controls whose
 * identity is still there (data-protection model 3 and 8). Anyone else — another controller's
 * person, a protected or removed identity — is not found, exactly as a stranger.
 */
export function personReviewableBy(scope: DataScope, alias = 'p'): RawBuilder<boolean> {
  const organisationId = actingOrganisation(scope);
  if (scope.kind !== 'actor' || !organisationId) return sql<boolean>`false`;
  const p = sql.table(alias);
  return sql<boolean>`(${p}.controller_org_id = ${organisationId} and ${p}.identity_removed_at is null and not ${p}.protected_identity)`;
}

/**
 * Users whose accesses a log reviewer may pick to review: the own organisation's staff, and other
 * organisations' staff who work in an intervention the own organisation owns (they can reach its
 * records; the review then shows only their accesses to those records).
 */
export function userReviewableBy(scope: DataScope, alias = 'u'): RawBuilder<boolean> {
  const organisationId = actingOrganisation(scope);
  if (scope.kind !== 'actor' || !organisationId) return sql<boolean>`false`;
  const u = sql.table(alias);
  return sql<boolean>`(${u}.organisation_id = ${organisationId} or ${worksFor(sql`${u}.id`, organisationId)})`;
}
