import { periodOfYear, type Period } from '../../core/dates.js';
import { keyFiguresFromCounts } from '../../core/figures/key-figures-from-counts.js';
import { projectInMonths } from '../../core/figures/periods.js';
import type { KeyFiguresReport, KeyFiguresScope } from '../../core/schemas/key-figures-report.js';
import { suppressKeyFigures } from '../../core/suppression/key-figures.js';
import { figuresAccess } from '../access/figures-policy.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { badRequest, notFound } from '../errors.js';
import { employmentCounts } from './case-figures.repository.js';
import { countKeyFigures, resolveKeyFiguresScope, volumeTargetsOf, type ResolvedScope } from './key-figures.repository.js';
import { resolveOutcomesScope } from './outcomes.repository.js';
import { computeOutcomesReport, resolvePeriod } from './outcomes.service.js';

export type KeyFiguresInput = {
  scope: KeyFiguresScope;
  /** A date range, or a calendar period by name: `2025`, `2025-T2`, `2025-03`, `project`. */
  period: Period | string;
  suppress: boolean;
  threshold?: number;
  subsidisedCountsAsWork?: boolean;
};

/**
 * The key figures a user asked for: out of their reach answers exactly as a scope that does not
 * exist (404); exact or suppressed as access/figures-policy.ts decides.
 */
export async function keyFiguresFor(ctx: RequestContext, input: KeyFiguresInput): Promise<KeyFiguresReport> {
  const resolved = await resolveKeyFiguresScope(ctx.db, input.scope);
  const access = resolved && figuresAccess(ctx.actor, input.scope, resolved);
  if (!resolved || !access) throw notFound();
  return computeKeyFiguresReport(ctx.db, { ...input, suppress: access.mustSuppress || input.suppress }, resolved);
}

/**
 * The key-figures report (JSON v1 of domain.md) for an intervention, a team, an organisation or
 * a förbund, over any range; suppressed (intervention and förbund only) for the calendar periods
 * the outcomes report offers suppressed, together with it (core/suppression/key-figures.ts).
 */
export async function computeKeyFiguresReport(db: Db, input: KeyFiguresInput, resolved?: ResolvedScope): Promise<KeyFiguresReport> {
  if (typeof input.period !== 'string' && input.period.from > input.period.to) {
    throw badRequest('Perioden slutar före den börjar.', [{ path: 'to', message: 'Välj ett slutdatum efter startdatum' }]);
  }
  const scope = input.scope;
  const target = resolved ?? (await resolveKeyFiguresScope(db, scope));
  if (!target) throw notFound();
  const outcomesScope = 'association' in scope ? { association: scope.association } : 'intervention' in scope ? { intervention: scope.intervention } : null;
  if (input.suppress && (!outcomesScope || 'team' in scope)) {
    throw badRequest('Siffror med dolda små tal finns för en insats eller ett förbund, inte för ett team eller en organisation.', [
      { path: 'suppress', message: 'Välj en insats eller ett förbund' },
    ]);
  }
  const project = outcomesScope && (input.suppress || input.period === 'project') ? ((await resolveOutcomesScope(db, outcomesScope))?.project ?? null) : null;
  const shownProject = project && input.suppress ? projectInMonths(project) : project;
  const { range } = resolvePeriod(input.period, shownProject, input.suppress);
  const subsidised = input.subsidisedCountsAsWork ?? true;
  const threshold = input.threshold ?? 5;

  const exact = keyFiguresFromCounts({
    scope,
    period: range,
    rules: { subsidised_counts_as_work: subsidised },
    counts: await countKeyFigures(db, target, range),
    volumeTarget: await volumeTargetOf(db, target, range),
    places: target.teamId || target.interventions.some((i) => i.places === null) ? null : sumOrNull(target.interventions.map((i) => i.places!)),
    employments: await employmentCounts(db, target.interventions.map((i) => i.id), range, target.teamId),
  });
  if (!input.suppress) return exact;
  const outcomes = await computeOutcomesReport(db, { scope: outcomesScope!, period: input.period, suppress: true, threshold, subsidisedCountsAsWork: subsidised });
  return suppressKeyFigures(exact, outcomes, threshold);
}

const sumOrNull = (values: number[]) => (values.length === 0 ? null : values.reduce((s, x) => s + x, 0));

/**
 * The period's volume target: targets are set per calendar year (the year's target, else the
 * intervention's standing one), so only a calendar year has one; a team has none. Several
 * interventions have one only when every one of them has.
 */
async function volumeTargetOf(db: Db, scope: ResolvedScope, range: Period): Promise<number | null> {
  const year = Number(range.from.slice(0, 4));
  const whole = periodOfYear(year);
  if (scope.teamId || range.from !== whole.from || range.to !== whole.to) return null;
  const yearly = await volumeTargetsOf(db, scope.interventions.map((i) => i.id), year);
  const targets = scope.interventions.map((i) => yearly.get(i.id) ?? i.volume_target);
  return targets.some((t) => t === null) ? null : sumOrNull(targets as number[]);
}
