import { sql, type RawBuilder } from 'kysely';
import { aggregateOnlyRoles } from './roles.js';
import { hasRole, type Actor } from './actor.js';
import type { DataScope } from './data-scope.js';

/**
 * The access rule for person-level data (domain.md, data-protection model 2): the actor has a
 * case_worker assignment covering the enrolment (its intervention, or its team), AND the actor's
 * organisation controls the record OR an active consent of the person names that organisation
 * (OSL 12:2). Used inside every query on enrolments, so out of scope is simply not found.
 * A person with protected identity is visible to no one at person level (data-protection model
 * 5): their enrolments remain only as anonymous facts behind the figures.
 */
export function enrolmentVisibleTo(scope: DataScope, alias = 'e'): RawBuilder<boolean> {
  // The system's scope (an operator on the server) sees every record; it still hides no one less
  // than the database does for protected identity, which has no identity left to see.
  if (scope.kind === 'system') return sql<boolean>`true`;
  const { actor } = scope;
  if (aggregateOnlyRoles.some((role) => hasRole(actor, role))) return sql<boolean>`false`;
  const { interventionIds, teamIds } = caseWorkInterventionIds(actor);
  if (interventionIds.length === 0 && teamIds.length === 0) return sql<boolean>`false`;
  const e = sql.table(alias);
  // Only the kinds of assignment the actor has: a condition on the intervention alone lets the
  // planner read an intervention's enrolments in list order from its index.
  const assigned = [
    ...(interventionIds.length > 0 ? [sql`${e}.intervention_id = any(${interventionIds}::uuid[])`] : []),
    ...(teamIds.length > 0 ? [sql`${e}.team_id = any(${teamIds}::uuid[])`] : []),
  ];
  return sql<boolean>`(
    (${sql.join(assigned, sql` or `)})
    and (${e}.controller_org_id = ${actor.organisationId}
      or exists (
        select 1 from consents c join consent_parties cp on cp.consent_id = c.id
        where c.person_id = ${e}.person_id and c.withdrawn_at is null
          and cp.organisation_id = ${actor.organisationId}))
    and not exists (select 1 from persons pp where pp.id = ${e}.person_id and pp.protected_identity))`;
}

/** Interventions where the actor may register people: a case_worker assignment on it or a team of it. */
export function caseWorkInterventionIds(actor: Actor): { interventionIds: string[]; teamIds: string[] } {
  const caseWork = actor.assignments.filter((a) => a.role === 'case_worker');
  return {
    interventionIds: caseWork.flatMap((a) => (a.interventionId ? [a.interventionId] : [])),
    teamIds: caseWork.flatMap((a) => (a.teamId ? [a.teamId] : [])),
  };
}

/**
 * Interventions the actor may see as such (not their participants): system administrators see
 * all; others those they are assigned to, those their organisation owns, and those of a förbund
 * they hold a förbund role in or their organisation is a member of.
 */
export function interventionVisibleTo(actor: Actor, alias = 'i'): RawBuilder<boolean> {
  if (hasRole(actor, 'system_admin')) return sql<boolean>`true`;
  const i = sql.table(alias);
  const interventionIds = actor.assignments.flatMap((a) => (a.interventionId ? [a.interventionId] : []));
  const teamIds = actor.assignments.flatMap((a) => (a.teamId ? [a.teamId] : []));
  const associationIds = actor.assignments.flatMap((a) => (a.associationId ? [a.associationId] : []));
  return sql<boolean>`(
    ${i}.id = any(${interventionIds}::uuid[])
    or ${i}.id in (select intervention_id from teams where id = any(${teamIds}::uuid[]))
    or ${i}.owner_org_id = ${actor.organisationId}
    or ${i}.association_id = any(${associationIds}::uuid[])
    or ${i}.association_id in (select association_id from association_members where organisation_id = ${actor.organisationId}))`;
}
