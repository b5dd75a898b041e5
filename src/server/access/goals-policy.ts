import { associationIdsFor, type Actor } from './actor.js';
import { interventionCan, type InterventionFacts } from './intervention-rules.js';

/**
 * An intervention's goals, budget and actual costs (issue 12, items 1–2). Read by whoever may see
 * its figures (a lead or case worker assigned to it or a team of it, the förbund's admin); the
 * figures inside follow the key-figures rule (access/figures-policy.ts), so another party sees
 * them suppressed. Changed only by a lead of the intervention itself or the admin of its förbund
 * (domain.md: the lead holds the budget and goals, the förbund the grants and finances).
 */
export function goalsCan(actor: Actor, facts: InterventionFacts) {
  const lead = actor.assignments.some((a) => a.role === 'intervention_lead' && a.interventionId === facts.id);
  const forbund = facts.associationId !== null && associationIdsFor(actor, 'association_admin').includes(facts.associationId);
  return { read: interventionCan(actor, facts).report, edit: lead || forbund };
}
