import { sql, type RawBuilder } from 'kysely';
import { aggregateOnlyRoles } from './roles.js';
import { hasRole } from './actor.js';
import type { DataScope } from './data-scope.js';

/**
 * Which existing persons a registration may be attached to (security review, finding 1): persons
 * whose controller is the registering organisation, or whose active consent names it
 * (data-protection model 2b). Every other person is, to the registering user, not there: a
 * personnummer or reference of theirs registers a new person, and the near-miss is audited as
 * denied. A protected person is attached to by no one. The new enrolment itself lies in an
 * intervention the user works in (model 2a); the person's other enrolments stay behind the access
 * rule (scope.ts).
 */
export function personMatchableBy(scope: DataScope, alias = 'p'): RawBuilder<boolean> {
  const p = sql.table(alias);
  if (scope.kind === 'system') return sql<boolean>`not ${p}.protected_identity`;
  const { actor } = scope;
  if (aggregateOnlyRoles.some((role) => hasRole(actor, role))) return sql<boolean>`false`;
  return sql<boolean>`(not ${p}.protected_identity and (${p}.controller_org_id = ${actor.organisationId}
    or exists (
      select 1 from consents c join consent_parties cp on cp.consent_id = c.id
      where c.person_id = ${p}.id and c.withdrawn_at is null and cp.organisation_id = ${actor.organisationId})))`;
}
