import { associationIdsFor, hasRole, type Actor } from './actor.js';
import { drillDownAllowed } from './figures-policy.js';

// Per-intervention rules behind the `can` flags and the write checks. Built only on the access
// module's primitives (roles and assignments), so handlers never re-derive roles themselves.

export type InterventionFacts = { id: string; ownerOrgId: string; associationId: string | null; teamIds: string[] };

const heldOn = (actor: Actor, role: 'case_worker' | 'intervention_lead', facts: InterventionFacts, teams: boolean) =>
  actor.assignments.some(
    (a) => a.role === role && (a.interventionId === facts.id || (teams && a.teamId !== null && facts.teamIds.includes(a.teamId))),
  );

/**
 * update / manageTeams: system_admin, org_admin of the owner, or a lead assigned to the
 * intervention itself (a lead of one team does not rename the intervention or add sibling teams).
 * enrol: a case_worker on the intervention or one of its teams.
 * report: a lead or case_worker assigned to it or one of its teams, or association_admin of its förbund.
 * drillDown: the records behind its key figures (figures-policy.ts `drillDownAllowed`).
 */
export function interventionCan(actor: Actor, facts: InterventionFacts) {
  const manage =
    hasRole(actor, 'system_admin') ||
    (hasRole(actor, 'org_admin') && actor.organisationId === facts.ownerOrgId) ||
    heldOn(actor, 'intervention_lead', facts, false);
  return {
    update: manage,
    manageTeams: manage,
    enrol: heldOn(actor, 'case_worker', facts, true),
    report:
      heldOn(actor, 'intervention_lead', facts, true) ||
      heldOn(actor, 'case_worker', facts, true) ||
      (facts.associationId !== null && associationIdsFor(actor, 'association_admin').includes(facts.associationId)),
    drillDown: drillDownAllowed(actor, { id: facts.id, owner_org_id: facts.ownerOrgId }),
  };
}

/**
 * Who may create an intervention owned by `ownerId`: system_admin for any owner, org_admin for the
 * own organisation only ('hidden': answer as if the owner did not exist); other roles not at all.
 */
export function mayCreateFor(actor: Actor, ownerId: string): 'allowed' | 'hidden' | 'forbidden' {
  if (hasRole(actor, 'system_admin')) return 'allowed';
  if (hasRole(actor, 'org_admin')) return ownerId === actor.organisationId ? 'allowed' : 'hidden';
  return 'forbidden';
}
