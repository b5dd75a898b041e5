import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from './data-scope.js';
import { hasRole, type Actor } from './actor.js';
import { caseRecordVisibleTo } from './case-record-policy.js';

// The förbund's workplace register (issue 10, item 5). A workplace, its supervisors and its places
// are not a participant's data: every staff member of the förbund's parties sees and keeps the
// register. Who is placed where IS the participant's data: an activity at a workplace is shown
// only through the case-record rule (category `plan`), so the register reveals no placement the
// viewer could not see on the participant's own page.

/**
 * SQL condition: the förbund `associationId` is one whose register the actor works in: the
 * actor's organisation is a member of it or is it, or the actor holds a role in it.
 */
export function inRegisterOf(actor: Actor, associationId: RawBuilder<unknown>): RawBuilder<boolean> {
  const associationIds = actor.assignments.flatMap((a) => (a.associationId ? [a.associationId] : []));
  return sql<boolean>`(
    ${associationId} = ${actor.organisationId}
    or ${associationId} = any(${associationIds}::uuid[])
    or ${associationId} in (select association_id from association_members where organisation_id = ${actor.organisationId}))`;
}

/** SQL condition on a workplace row (alias with association_id): the actor may see and keep it. */
export const workplaceVisibleTo = (actor: Actor, alias = 'w'): RawBuilder<boolean> => inRegisterOf(actor, sql.ref(`${alias}.association_id`));

/** SQL condition on an activity row `alias`: the placement may be shown in the register. */
export const placementVisibleTo = (scope: DataScope, alias = 'a'): RawBuilder<boolean> => caseRecordVisibleTo(scope, 'plan', alias);

/** The case workers and leads of the förbund's parties keep the register (route permission workplace:write). */
export const mayKeepRegister = (actor: Actor): boolean => hasRole(actor, 'case_worker') || hasRole(actor, 'intervention_lead');
