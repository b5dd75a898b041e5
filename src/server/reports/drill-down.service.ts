import type { DrillDown } from '../../core/figures/drill-down.js';
import type { DrillDownView } from '../../core/schemas/drill-down.js';
import { drillDownAllowed } from '../access/figures-policy.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors.js';
import { presentSummary } from '../enrolments/enrolment.presenter.js';
import { drillDownEnrolments } from './drill-down.repository.js';
import { resolveKeyFiguresScope } from './key-figures.repository.js';
import { resolvePeriod } from './outcomes.service.js';

export type DrillDownInput = { intervention: string; period: string | { from: string; to: string }; figure: DrillDown['figure']; group?: DrillDown['group']; cell: DrillDown['cell'] };

/**
 * The enrolments behind one number of an intervention's key figures (issue 12, item 3), for the
 * controlling organisation's case workers of the intervention (access/figures-policy.ts); anyone
 * else is answered as if the intervention did not exist, and the attempt is audited. Audited as
 * a list: one row per enrolment shown and one with the number of hits, zero included.
 */
export async function drillDownFor(ctx: RequestContext, input: DrillDownInput): Promise<DrillDownView> {
  const resolved = await resolveKeyFiguresScope(ctx.db, { intervention: input.intervention });
  const intervention = resolved?.interventions[0];
  const details = { drillDown: input.figure, group: input.group ?? null, cell: input.cell };
  if (!intervention || !drillDownAllowed(ctx.actor, intervention)) {
    await writeAudit(ctx.db, ctx.audit, [{ action: 'list', entity: 'enrolment', outcome: 'denied', details: { ...details, intervention: input.intervention } }]);
    throw notFound();
  }
  const { range } = resolvePeriod(input.period, null, false);
  const drillDown: DrillDown = { figure: input.figure, group: input.group, cell: input.cell, subsidisedCountsAsWork: true };
  const { items, hidden } = await drillDownEnrolments(ctx.db, ctx.scope, intervention.id, range, drillDown);
  await writeAudit(ctx.db, ctx.audit, [
    { action: 'list', entity: 'enrolment', details: { ...details, interventionId: intervention.id, hits: items.length } },
    ...items.map((row) => ({ action: 'list' as const, entity: 'enrolment' as const, enrolmentId: row.id, personId: row.person_id, details })),
  ]);
  return {
    intervention: input.intervention,
    period: range,
    figure: input.figure,
    group: input.group ?? null,
    cell: input.cell,
    count: items.length + hidden,
    items: items.map(presentSummary),
    protectedIdentity: hidden,
  };
}
