import type { KeyFiguresScope } from '../../core/schemas/key-figures-report.js';
import { hasRole, type Actor } from './actor.js';
import { aggregateOnlyRoles } from './roles.js';

/** What a key-figures scope is, as far as the access rule needs to know. */
export type FiguresTarget = {
  interventions: readonly { id: string; owner_org_id: string; association_id: string | null }[];
  teamId: string | null;
  teamIds: readonly string[];
  organisationId: string | null;
};

/**
 * Who may see which key figures, and whether they must be suppressed (domain.md, data
 * protection 7; as the outcomes report, reports/outcomes.service.ts `outcomesAccess`):
 * - an intervention: its case workers and lead (exact when of the owner, else suppressed), and
 *   the admin of its förbund (suppressed);
 * - a förbund: its admin (suppressed);
 * - a team, or an organisation's interventions together: the controller's own staff only (exact)
 *   — a team's case workers and leads of the owner, an organisation's intervention leads. Such
 *   breakdowns do not leave the controlling organisation, so nobody gets them suppressed.
 * Anyone else: null, answered as not found.
 */
export function figuresAccess(actor: Actor, scope: KeyFiguresScope, target: FiguresTarget): { mustSuppress: boolean } | null {
  const has = (role: 'case_worker' | 'intervention_lead', interventionId: string) =>
    actor.assignments.some((a) => a.role === role && (a.interventionId === interventionId || (a.teamId !== null && target.teamIds.includes(a.teamId))));
  const adminOf = (associationId: string | null) =>
    associationId !== null && actor.assignments.some((a) => a.role === 'association_admin' && a.associationId === associationId);
  if ('association' in scope) return adminOf(target.organisationId) ? { mustSuppress: true } : null;
  if ('organisation' in scope) {
    const ownStaff = actor.organisationId === target.organisationId;
    const leads = target.interventions.some((i) => actor.assignments.some((a) => a.role === 'intervention_lead' && a.interventionId === i.id));
    return ownStaff && leads ? { mustSuppress: false } : null;
  }
  const [intervention] = target.interventions;
  if (!intervention) return null;
  const assigned = has('case_worker', intervention.id) || has('intervention_lead', intervention.id);
  const ofOwner = actor.organisationId === intervention.owner_org_id;
  if ('team' in scope) return assigned && ofOwner ? { mustSuppress: false } : null;
  if (assigned) return { mustSuppress: !ofOwner };
  return adminOf(intervention.association_id) ? { mustSuppress: true } : null;
}

/**
 * Drill-down (issue 12, item 3): the enrolments behind a number of an intervention's key figures
 * are person data, shown only to the controlling organisation's staff with a case_worker
 * assignment on the intervention itself, whose exact figures count what their access rule shows
 * them (access/scope.ts still filters every row). A team's case worker sees part of the
 * intervention, so its list would not be the intervention's number: no drill-down.
 */
export function drillDownAllowed(actor: Actor, intervention: { id: string; owner_org_id: string }): boolean {
  return (
    actor.organisationId === intervention.owner_org_id &&
    actor.assignments.some((a) => a.role === 'case_worker' && a.interventionId === intervention.id) &&
    !aggregateOnlyRoles.some((role) => hasRole(actor, role))
  );
}
