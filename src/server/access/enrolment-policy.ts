import { hasPermission, type Actor } from './actor.js';
import type { DataScope } from './data-scope.js';
import { enrolmentImportTargets } from './import-policy.js';
import { mayChangeConsent } from './person-rules.js';

/** The exit reason a withdrawal of consent sets; such an exit is not undone or changed by hand. */
export const CONSENT_WITHDRAWN = 'consent_withdrawn';

/**
 * Where a registration through the API may create an enrolment (data-protection model 2a): an
 * intervention the scope does case work in, or a team of it the scope works in. The same rule as
 * for import rows, so a person can be registered one way exactly where the other allows it.
 */
export function mayRegisterIn(scope: DataScope, interventionId: string, teamId: string | null): boolean {
  const targets = enrolmentImportTargets(scope);
  return targets === 'all' || targets.interventionIds.has(interventionId) || (teamId !== null && targets.teamIds.has(teamId));
}

// The `can` flags of an enrolment the actor has already found through the access rule
// (scope.ts, `enrolmentVisibleTo`): what the API will let them do to it. Built on the same
// permission map and rules the routes and services check, so the web app follows these flags
// and never re-derives them. Denied by default: a flag is true only when its rule says so.

export type EnrolmentFacts = { controllerOrgId: string; exitDate: string | null; exitReason?: string | null };

export function enrolmentCan(actor: Actor, facts: EnrolmentFacts) {
  const write = hasPermission(actor, 'enrolment:write');
  return {
    // PATCH /enrolments/:id; only an open enrolment can be exited (POST /enrolments/:id/exit).
    update: write,
    exit: write && facts.exitDate === null,
    // The consent routes: only the controller's staff change a consent (OSL 12:2). Another party
    // that sees the record through the consent reads it but does not change whom it names.
    manageConsent: hasPermission(actor, 'consent:write') && mayChangeConsent(actor, facts.controllerOrgId),
    // POST /enrolments/:id/protect: any case worker who sees the record (persons/protect.service.ts).
    protect: hasPermission(actor, 'person:protect'),
    // PATCH /enrolments/:id with dates or exit data: whoever may update it corrects it (issue 9).
    correct: write,
    // POST /enrolments/:id/reopen ("Ångra avslut"): an exited enrolment, unless the exit came from
    // a withdrawn consent (identity is gone; a new consent and enrolment are the way back).
    reopen: write && facts.exitDate !== null && facts.exitReason !== CONSENT_WITHDRAWN,
  };
}
