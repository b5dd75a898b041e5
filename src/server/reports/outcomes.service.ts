import { outcomesFromCounts } from '../../core/figures/outcomes-from-counts.js';
import type { OutcomesReport, OutcomesScope } from '../../core/figures/outcomes.js';
import type { Period } from '../../core/dates.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/connection.js';
import { badRequest, notFound } from '../errors.js';
import { countOutcomes, interventionIdsForScope } from './outcomes.repository.js';

export type OutcomesInput = {
  scope: OutcomesScope;
  period: Period;
  /** Apply the small-cell rule (domain.md, data-protection model 7). */
  suppress: boolean;
  threshold?: number;
  subsidisedCountsAsWork?: boolean;
};

/** The outcomes report (JSON v1) for an intervention or a förbund, computed in SQL. */
export async function computeOutcomesReport(db: Db, input: OutcomesInput): Promise<OutcomesReport> {
  if (input.period.from > input.period.to) {
    throw badRequest('Perioden slutar före den börjar.', [{ path: 'to', message: 'Välj ett slutdatum efter startdatum' }]);
  }
  const { interventionIds, found } = await interventionIdsForScope(db, input.scope);
  if (!found) throw notFound();
  const counts = await countOutcomes(db, interventionIds, input.period);
  return outcomesFromCounts({
    scope: input.scope,
    period: input.period,
    rules: {
      subsidised_counts_as_work: input.subsidisedCountsAsWork ?? true,
      suppression_threshold: input.suppress ? (input.threshold ?? 5) : null,
    },
    counts,
  });
}

/**
 * Who may see which outcomes report, and whether it must be suppressed. Unsuppressed figures
 * stay inside the controlling organisation: a lead or case worker of the owner, assigned to the
 * intervention. Everyone else entitled to it (another party's staff in the intervention, the
 * förbund) gets suppressed figures; anyone else gets "not found".
 */
export async function outcomesAccess(
  db: Db,
  actor: Actor,
  scope: OutcomesScope,
): Promise<{ mustSuppress: boolean } | null> {
  if ('association' in scope) {
    const association = await db.selectFrom('organisations').select('id').where('code', '=', scope.association).executeTakeFirst();
    const admin = association && actor.assignments.some((a) => a.role === 'association_admin' && a.associationId === association.id);
    return admin ? { mustSuppress: true } : null;
  }
  const intervention = await db
    .selectFrom('interventions')
    .select(['id', 'owner_org_id', 'association_id'])
    .where('code', '=', scope.intervention)
    .executeTakeFirst();
  if (!intervention) return null;
  const teamIds = (await db.selectFrom('teams').select('id').where('intervention_id', '=', intervention.id).execute()).map((t) => t.id);
  const assigned = actor.assignments.some(
    (a) =>
      (a.role === 'case_worker' || a.role === 'intervention_lead') &&
      (a.interventionId === intervention.id || (a.teamId !== null && teamIds.includes(a.teamId))),
  );
  if (assigned) return { mustSuppress: actor.organisationId !== intervention.owner_org_id };
  const ofTheForbund = actor.assignments.some(
    (a) => a.role === 'association_admin' && a.associationId !== null && a.associationId === intervention.association_id,
  );
  return ofTheForbund ? { mustSuppress: true } : null;
}
