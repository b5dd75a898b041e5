import { hasRole, type Actor } from './actor.js';

// Who may change a consent and who answers a data subject's request. Built only on the access
// module's primitives, so services never re-derive roles themselves.

/**
 * OSL 12:2 and data-protection model 1: a consent is changed only by staff of the organisation
 * controlling the record. The caller has already found the record through `enrolmentVisibleTo`;
 * another party that sees it through the consent may read it but not change who it names.
 */
export function mayChangeConsent(actor: Actor, controllerOrgId: string): boolean {
  return actor.organisationId === controllerOrgId;
}

/**
 * GDPR art. 15: the controller answers a data subject's request for access, through an org_admin
 * or a log_reviewer of the controlling organisation. Everyone else is answered "not found".
 */
export function mayAnswerSubjectAccess(actor: Actor, controllerOrgId: string): boolean {
  return actor.organisationId === controllerOrgId && (hasRole(actor, 'org_admin') || hasRole(actor, 'log_reviewer'));
}
