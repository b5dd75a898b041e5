// What the navigation offers. Per intervention the API's `can` flags decide; for the areas the
// API has no flag for yet (administration, import of organisations), the roles from /auth/me
// are read here and only here, so the rest of the app never looks at roles.
import type { Me } from './session';
import type { Intervention } from './queries';

export type Abilities = {
  participants: boolean;
  reports: boolean;
  importKinds: ('organisations' | 'interventions' | 'enrolments')[];
  users: boolean;
  organisations: boolean;
  codeLists: boolean;
  /** Förbund whose aggregated report the user may open. */
  reportAssociations: string[];
};

export function abilitiesOf(me: Me, interventions: Intervention[]): Abilities {
  const roles = new Set(me.roles);
  const participants = interventions.some((i) => i.can.enrol);
  const reportAssociations = me.assignments.filter((a) => a.role === 'association_admin' && a.associationId).map((a) => a.associationId!);
  const importKinds: Abilities['importKinds'] = [];
  if (roles.has('system_admin')) importKinds.push('organisations');
  if (roles.has('system_admin') || roles.has('org_admin')) importKinds.push('interventions');
  if (participants) importKinds.push('enrolments');
  return {
    participants,
    reports: interventions.some((i) => i.can.report) || reportAssociations.length > 0,
    importKinds,
    users: roles.has('org_admin') || roles.has('system_admin'),
    organisations: roles.has('system_admin'),
    codeLists: roles.has('system_admin'),
    reportAssociations,
  };
}

/**
 * Consent is changed only by the controller's staff (OSL 12:2; server: access/person-rules.ts).
 * The enrolment's `can` has no consent flag yet, so this reads the controller it carries.
 */
export const mayManageConsent = (enrolment: { can: { update: boolean }; controller: { id: string } }, me: Me) =>
  enrolment.can.update && enrolment.controller.id === me.user.organisationId;
