import { hasRole } from './actor.js';
import type { DataScope } from './data-scope.js';
import { caseWorkInterventionIds } from './scope.js';

// What a CSV import may write (domain.md, "CSV import"). The system (an operator's `stegvis import`,
// demo data) may write everything; a user what their assignments allow. Which existing persons a
// row may be attached to is the person policy's question (person-policy.ts).

/** Enrolment rows: only in interventions, or existing teams, where the user does case work. */
export function enrolmentImportTargets(scope: DataScope): { interventionIds: ReadonlySet<string>; teamIds: ReadonlySet<string> } | 'all' {
  if (scope.kind === 'system') return 'all';
  const { interventionIds, teamIds } = caseWorkInterventionIds(scope.actor);
  return { interventionIds: new Set(interventionIds), teamIds: new Set(teamIds) };
}

/**
 * Intervention rows, as the API allows them (intervention-rules.ts): a system administrator any;
 * an org_admin those the own organisation owns, new ones included; an intervention lead changes
 * only the interventions it leads, and never their owner. Anything else is refused.
 */
export type InterventionImportRights = { any: true } | { any: false; ownerId: string | null; led: ReadonlySet<string> };

export function interventionImportRights(scope: DataScope): InterventionImportRights {
  if (scope.kind === 'system' || hasRole(scope.actor, 'system_admin')) return { any: true };
  const { actor } = scope;
  return {
    any: false,
    ownerId: hasRole(actor, 'org_admin') ? actor.organisationId : null,
    led: new Set(actor.assignments.flatMap((a) => (a.role === 'intervention_lead' && a.interventionId ? [a.interventionId] : []))),
  };
}

/** Whether a row may write the intervention with this owner (`current`: the intervention as stored, if any). */
export function mayImportIntervention(rights: InterventionImportRights, ownerId: string | undefined, current: { id: string; owner_org_id: string } | undefined): boolean {
  if (rights.any) return true;
  const asOwner = rights.ownerId !== null && ownerId === rights.ownerId && (!current || current.owner_org_id === rights.ownerId);
  const asLead = !!current && rights.led.has(current.id) && ownerId === current.owner_org_id;
  return asOwner || asLead;
}
