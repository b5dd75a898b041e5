import { forecastOf, monthlyResultOf, monthNames, yearBefore, type MonthlyResult } from '../../core/figures/monthly-results.js';
import { parseCalendarPeriod, rangeOf } from '../../core/figures/periods.js';
import type { Period } from '../../core/dates.js';
import type { KeyFiguresScope } from '../../core/schemas/key-figures-report.js';
import type { MonthlyResultsReport, MonthlySeries } from '../../core/schemas/monthly-results-report.js';
import { figuresAccess } from '../access/figures-policy.js';
import { goalsCan } from '../access/goals-policy.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { badRequest, notFound } from '../errors.js';
import { goalsOf } from '../goals/goals.repository.js';
import { swedishToday } from '../persons/today.js';
import { resolveKeyFiguresScope, volumeTargetsOf, type ResolvedScope } from './key-figures.repository.js';
import { countMonthlyResults } from './monthly-results.repository.js';
import { resolveOutcomesScope } from './outcomes.repository.js';
import { computeOutcomesReport } from './outcomes.service.js';

/** What the series is set against: another intervention, a team of this one, or the same months a year earlier. */
export type Comparison = { intervention: string } | { team: string } | 'last_year';

export type MonthlyResultsInput = {
  intervention: string;
  /** Calendar months `YYYY-MM`, inclusive. */
  from: string;
  to: string;
  compare: Comparison | null;
  suppress: boolean;
  threshold?: number;
  subsidisedCountsAsWork?: boolean;
  /** The month counted as "now" for the forecast; Sweden's current month when left out. */
  current?: string;
};

/** The longest series asked for at once: five years, which covers any project period the seeds report. */
export const MAX_MONTHS = 60;

/** Who may see a scope: exact, suppressed, or not at all (answered as not found). */
type AccessOf = (scope: KeyFiguresScope, resolved: ResolvedScope) => { mustSuppress: boolean; readsGoals: boolean } | null;

/**
 * The series for a user: every scope asked for (the intervention and its comparison) goes through
 * the key-figures rule (access/figures-policy.ts); one out of reach makes the whole answer not
 * found. The forecast's goal is read only by those who may read the intervention's goals.
 */
export function monthlyResultsFor(ctx: RequestContext, input: MonthlyResultsInput): Promise<MonthlyResultsReport> {
  return computeMonthlyResults(ctx.db, input, (scope, resolved) => {
    const access = figuresAccess(ctx.actor, scope, resolved);
    if (!access) return null;
    const [i] = resolved.interventions;
    const facts = { id: i!.id, ownerOrgId: i!.owner_org_id, associationId: i!.association_id, teamIds: resolved.teamIds };
    return { mustSuppress: access.mustSuppress, readsGoals: goalsCan(ctx.actor, facts).read };
  });
}

/**
 * The monthly result series of an intervention next to its comparison, and the forecast of its
 * work-or-studies goal (core/figures/monthly-results.ts). Suppressed series take each month's
 * active and work-or-studies counts from that month's suppressed outcomes report, the figures
 * such a reader already gets for the month (decided with its year's family), so the series shows
 * nothing they could not see there. The CLI calls this without an access rule (exact figures
 * unless asked to suppress).
 */
export async function computeMonthlyResults(
  db: Db,
  input: MonthlyResultsInput,
  accessOf: AccessOf = () => ({ mustSuppress: false, readsGoals: true }),
): Promise<MonthlyResultsReport> {
  const months = monthNames(input.from, input.to);
  if (months.length === 0) throw badRequest('Perioden slutar före den börjar.', [{ path: 'to', message: 'Välj en slutmånad efter startmånaden' }]);
  if (months.length > MAX_MONTHS) throw badRequest(`Välj högst ${MAX_MONTHS} månader åt gången.`, [{ path: 'to', message: `Högst ${MAX_MONTHS} månader` }]);
  const subsidised = input.subsidisedCountsAsWork ?? true;
  const threshold = input.threshold ?? 5;

  const main = await reachable(db, { intervention: input.intervention }, accessOf);
  const planned: { kind: MonthlySeries['kind']; scope: MonthlySeries['scope']; target: Reachable; months: string[] }[] = [
    { kind: 'intervention', scope: { intervention: input.intervention }, target: main, months },
  ];
  const compare = input.compare;
  if (compare === 'last_year') planned.push({ kind: 'last_year', scope: { intervention: input.intervention }, target: main, months: months.map(yearBefore) });
  else if (compare && 'team' in compare) {
    const scope = { intervention: input.intervention, team: compare.team };
    planned.push({ kind: 'team', scope, target: await reachable(db, scope, accessOf), months });
  } else if (compare) {
    const scope = { intervention: compare.intervention };
    planned.push({ kind: 'intervention', scope, target: await reachable(db, scope, accessOf), months });
  }

  const rules = { subsidised, threshold };
  const series: MonthlySeries[] = [];
  for (const plan of planned) {
    const suppress = input.suppress || plan.target.access.mustSuppress;
    series.push({ kind: plan.kind, scope: plan.scope, suppressed: suppress, months: await seriesOf(db, plan.scope, plan.target.resolved, plan.months, suppress, rules) });
  }
  const forecast = main.access.readsGoals
    ? await forecastFor(db, input.intervention, main.resolved, input.current ?? swedishToday().slice(0, 7), months.at(-1)!, (goalMonths) =>
        seriesOf(db, { intervention: input.intervention }, main.resolved, goalMonths, series[0]!.suppressed, rules),
      )
    : null;
  return {
    report: 'monthly',
    version: 1,
    months: { from: input.from, to: input.to },
    rules: { subsidised_counts_as_work: subsidised, suppression_threshold: series.some((s) => s.suppressed) ? threshold : null },
    series,
    forecast,
  };
}

type Reachable = { resolved: ResolvedScope; access: { mustSuppress: boolean; readsGoals: boolean } };

async function reachable(db: Db, scope: KeyFiguresScope, accessOf: AccessOf): Promise<Reachable> {
  const resolved = await resolveKeyFiguresScope(db, scope);
  const access = resolved && accessOf(scope, resolved);
  if (!resolved || !access) throw notFound();
  return { resolved, access };
}

async function seriesOf(
  db: Db,
  scope: MonthlySeries['scope'],
  resolved: ResolvedScope,
  months: readonly string[],
  suppress: boolean,
  rules: { subsidised: boolean; threshold: number },
): Promise<MonthlyResult[]> {
  if (!suppress) return countMonthlyResults(db, resolved, months, rules.subsidised);
  if ('team' in scope) throw notFound();
  const results: MonthlyResult[] = [];
  for (const name of months) {
    const report = await computeOutcomesReport(db, { scope, period: name, suppress: true, threshold: rules.threshold, subsidisedCountsAsWork: rules.subsidised });
    results.push(monthlyResultOf(name, report.flow.active.total, report.work_or_studies.total.count));
  }
  return results;
}

/**
 * The forecast of the intervention's work-or-studies goal whose period holds the series' last
 * month (the longest such, so a project goal before a year's, a year's before a tertial's). The
 * target group is the period's volume target: a calendar year's own target when set, else the
 * intervention's standing one.
 */
async function forecastFor(
  db: Db,
  code: string,
  resolved: ResolvedScope,
  current: string,
  lastMonth: string,
  seriesOfMonths: (months: string[]) => Promise<MonthlyResult[]>,
): Promise<MonthlyResultsReport['forecast']> {
  const [intervention] = resolved.interventions;
  const project = (await resolveOutcomesScope(db, { intervention: code }))?.project ?? null;
  const monthsOfRange = (range: Period) => monthNames(range.from.slice(0, 7), range.to.slice(0, 7));
  const candidates = (await goalsOf(db, intervention!.id)).flatMap((goal) => {
    const calendar = goal.kind === 'work_or_studies' ? parseCalendarPeriod(goal.period) : null;
    const range = calendar && rangeOf(calendar, project);
    const months = range ? monthsOfRange(range) : [];
    return months.includes(lastMonth) ? [{ goal, calendar: calendar!, months }] : [];
  });
  const chosen = candidates.sort((a, b) => b.months.length - a.months.length)[0];
  if (!chosen) return null;
  const { goal, calendar, months } = chosen;
  const yearly = calendar.kind === 'year' ? (await volumeTargetsOf(db, [intervention!.id], calendar.year)).get(intervention!.id) : undefined;
  const share = Number(goal.target);
  const forecast = forecastOf({
    goalShare: share,
    goalMonths: months,
    series: await seriesOfMonths(months.filter((m) => m < current)),
    targetGroup: yearly ?? intervention!.volume_target,
    current,
  });
  if (!forecast) return null;
  return {
    goal: { id: goal.id, title: goal.title, period: goal.period, target: share },
    target_group: forecast.perMonth,
    goal_count: forecast.goalCount,
    achieved: forecast.achieved,
    months_left: forecast.monthsLeft,
    needed: forecast.needed,
  };
}
