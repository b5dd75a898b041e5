import { codeLists, incomeSourceGroupLabels, labelOf } from '../../core/code-lists.js';
import type { Period } from '../../core/dates.js';
import { countsFromRows } from '../../core/figures/counts.js';
import { projectInMonths } from '../../core/figures/periods.js';
import type { CaseFiguresReport } from '../../core/schemas/case-figures-report.js';
import { suppressCaseFigures } from '../../core/suppression/case-figures.js';
import { figuresAccess } from '../access/figures-policy.js';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors.js';
import { swedishToday } from '../persons/today.js';
import { activityCounts, followUpsOverdueCount, incomeChangeCounts, planCounts } from './case-figures.repository.js';
import { incomeGroups } from '../../core/figures/income-change.js';
import { resolveKeyFiguresScope } from './key-figures.repository.js';
import { resolveOutcomesScope } from './outcomes.repository.js';
import { resolvePeriod } from './outcomes.service.js';

export type CaseFiguresInput = {
  scope: { intervention: string } | { association: string };
  /** A date range, or a calendar period by name: `2025`, `2025-T2`, `2025-03`, `project`. */
  period: Period | string;
  suppress: boolean;
  threshold?: number;
};

/**
 * The case figures (docs/case-figures.md) of an intervention or a förbund: who gets them, exact or
 * suppressed, as the key figures (access/figures-policy.ts), and suppressed figures only for the
 * calendar periods the outcomes report offers. Follow-ups overdue and activities active are taken
 * on the period's last day, or today while the period is still running.
 */
export async function caseFiguresFor(ctx: RequestContext, input: CaseFiguresInput): Promise<CaseFiguresReport> {
  const resolved = await resolveKeyFiguresScope(ctx.db, input.scope);
  const access = resolved && figuresAccess(ctx.actor, input.scope, resolved);
  if (!resolved || !access) throw notFound();
  const suppress = access.mustSuppress || input.suppress;
  const project = (await resolveOutcomesScope(ctx.db, input.scope))?.project ?? null;
  const { range } = resolvePeriod(input.period, project && suppress ? projectInMonths(project) : project, suppress);
  const ids = resolved.interventions.map((i) => i.id);
  const today = swedishToday();
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings; Math.min would turn them into NaN
  const day = range.to < today ? range.to : today;
  const activities = await activityCounts(ctx.db, ids, range, day);
  const labelled = (rows: typeof activities.started) =>
    countsFromRows(codeLists.activity_type, rows).map((r) => ({ type: r.type, label: labelOf('activity_type', r.type) ?? r.type, woman: r.woman, man: r.man, other: r.other, total: r.total }));
  const exact: CaseFiguresReport = {
    report: 'case_figures',
    version: 1,
    scope: input.scope,
    period: range,
    rules: { suppression_threshold: null },
    plans: await planCounts(ctx.db, ids, range),
    follow_ups_overdue: { day, count: await followUpsOverdueCount(ctx.db, ids, day) },
    activities: { started: labelled(activities.started), active_on: { day, types: labelled(activities.active) } },
    income_change: await incomeChangeOf(ctx, ids, range),
  };
  return suppress ? suppressCaseFigures(exact, input.threshold ?? 5) : exact;
}

async function incomeChangeOf(ctx: RequestContext, ids: string[], range: Period): Promise<CaseFiguresReport['income_change']> {
  const counts = await incomeChangeCounts(ctx.db, ids, range);
  const byGroup = new Map(counts.groups.map((g) => [g.group_code, g]));
  return {
    exits: counts.exits,
    groups: incomeGroups.map((group) => ({ group, label: incomeSourceGroupLabels[group], before: byGroup.get(group)?.before ?? 0, after: byGroup.get(group)?.after ?? 0 })),
  };
}
