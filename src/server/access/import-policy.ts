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

/** Intervention rows: a system administrator may import any; others only their own organisation's. */
export function interventionImportOwner(scope: DataScope): string | 'any' {
  if (scope.kind === 'system' || hasRole(scope.actor, 'system_admin')) return 'any';
  return scope.actor.organisationId;
}
