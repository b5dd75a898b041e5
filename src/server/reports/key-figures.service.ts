import { periodOfYear, yearOf, type Period } from '../../core/dates.js';
import { keyFiguresFromCounts, type KeyFigureCounts } from '../../core/figures/key-figures-from-counts.js';
import { projectInMonths, rangeOf, type CalendarPeriod } from '../../core/figures/periods.js';
import type { KeyFiguresReport, KeyFiguresScope } from '../../core/schemas/key-figures-report.js';
import { suppressKeyFigures } from '../../core/suppression/key-figures.js';
import { figuresAccess } from '../access/figures-policy.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { badRequest, notFound } from '../errors.js';
import { employmentCounts, employmentCountsByIntervention, type EmploymentCounts } from './case-figures.repository.js';
import { countKeyFigures, countKeyFiguresByIntervention, resolveKeyFiguresScope, volumeTargetsOf, type ResolvedScope } from './key-figures.repository.js';
import { resolveOutcomesScope } from './outcomes.repository.js';
import { computeOutcomesReport, resolvePeriod, suppressedOutcomesOfInterventions } from './outcomes.service.js';

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

  const ids = target.interventions.map((i) => i.id);
  const exact = exactKeyFigures(scope, range, subsidised, target, {
    counts: await countKeyFigures(db, target, range),
    yearlyTargets: hasVolumeTarget(target, range) ? await volumeTargetsOf(db, ids, yearOf(range.from)) : new Map(),
    employments: await employmentCounts(db, ids, range, target.teamId),
  });
  if (!input.suppress) return exact;
  const outcomes = await computeOutcomesReport(db, { scope: outcomesScope!, period: input.period, suppress: true, threshold, subsidisedCountsAsWork: subsidised });
  return suppressKeyFigures(exact, outcomes, threshold);
}

/**
 * The suppressed key figures of many interventions for one calendar month, tertial or year, each
 * exactly as computeKeyFiguresReport gives it for the intervention alone (as a reader outside the
 * controller gets it), with a constant number of statements: counts, volume targets, employments
 * grouped by intervention, and each year's kept suppression found by its history's digest.
 */
export async function suppressedKeyFiguresOf(
  db: Db,
  interventions: readonly (ResolvedScope['interventions'][number] & { code: string })[],
  period: Exclude<CalendarPeriod, { kind: 'project' }>,
  threshold: number,
  subsidised = true,
): Promise<KeyFiguresReport[]> {
  const range = rangeOf(period, null)!;
  const ids = interventions.map((i) => i.id);
  const counts = await countKeyFiguresByIntervention(db, ids, range);
  const yearlyTargets = period.kind === 'year' ? await volumeTargetsOf(db, ids, period.year) : new Map<string, number>();
  const employments = await employmentCountsByIntervention(db, ids, range);
  const outcomes = await suppressedOutcomesOfInterventions(db, interventions, period, threshold, subsidised);
  return interventions.map((i, n) => {
    const exact = exactKeyFigures({ intervention: i.code }, range, subsidised, { interventions: [i], teamId: null }, { counts: counts.get(i.id)!, yearlyTargets, employments: employments.get(i.id)! });
    return suppressKeyFigures(exact, outcomes[n], threshold);
  });
}

/** What a scope's key figures are assembled from, counted in SQL (for one scope, or grouped by intervention). */
export type KeyFigureInputs = { counts: KeyFigureCounts; yearlyTargets: Map<string, number>; employments: EmploymentCounts };

/** The unsuppressed key figures of a scope from its counts (one pure assembly, whoever counted them). */
export function exactKeyFigures(
  scope: KeyFiguresScope,
  range: Period,
  subsidised: boolean,
  target: Pick<ResolvedScope, 'interventions' | 'teamId'>,
  inputs: KeyFigureInputs,
): KeyFiguresReport {
  return keyFiguresFromCounts({
    scope,
    period: range,
    rules: { subsidised_counts_as_work: subsidised },
    counts: inputs.counts,
    volumeTarget: volumeTargetOf(target, range, inputs.yearlyTargets),
    places: target.teamId || target.interventions.some((i) => i.places === null) ? null : sumOrNull(target.interventions.map((i) => i.places!)),
    employments: inputs.employments,
  });
}

/** Targets are set per calendar year (domain.md), so only a calendar year has one; a team has none. */
export function hasVolumeTarget(target: Pick<ResolvedScope, 'teamId'>, range: Period): boolean {
  const whole = periodOfYear(yearOf(range.from));
  return !target.teamId && range.from === whole.from && range.to === whole.to;
}

const sumOrNull = (values: number[]) => (values.length === 0 ? null : values.reduce((s, x) => s + x, 0));

/**
 * The period's volume target: the year's target, else the intervention's standing one. Several
 * interventions have one only when every one of them has.
 */
function volumeTargetOf(target: Pick<ResolvedScope, 'interventions' | 'teamId'>, range: Period, yearly: Map<string, number>): number | null {
  if (!hasVolumeTarget(target, range)) return null;
  const targets = target.interventions.map((i) => yearly.get(i.id) ?? i.volume_target);
  return targets.some((t) => t === null) ? null : sumOrNull(targets as number[]);
}
