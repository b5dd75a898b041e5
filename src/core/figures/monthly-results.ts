// The monthly result series and its forecast (issue 12, item 4; Malmökraften's delrapport, bild
// 1–2): the oracle the SQL of server/reports/monthly-results.repository.ts is tested against.
import { isWorkOrStudiesExit } from '../code-lists.js';
import { month, type Period } from '../dates.js';
import { roundedShare } from './key-figures.js';
import { isActive, isExited, type EnrolmentFact, type OutcomesRules } from './outcomes.js';

/** One month of a series; a count is null where suppression hides it, and the result with it. */
export type MonthlyResult = { month: string; active: number | null; outcomes: number | null; result: number | null };

/** `2025-03` → the calendar month as a period. */
export function monthPeriod(name: string): Period {
  return month(Number(name.slice(0, 4)), Number(name.slice(5, 7)));
}

/** The month names `from` … `to` (`YYYY-MM`, inclusive); empty when `to` is before `from`. */
export function monthNames(from: string, to: string): string[] {
  const names: string[] = [];
  let [year, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let name = from; name <= to; name = `${year}-${String(m).padStart(2, '0')}`) {
    names.push(name);
    [year, m] = m === 12 ? [year + 1, 1] : [year, m + 1];
  }
  return names;
}

/** The same months one year earlier (the comparison "samma månader förra året"). */
export const yearBefore = (name: string) => `${Number(name.slice(0, 4)) - 1}${name.slice(4)}`;

/** result = outcomes ÷ active, rounded half-up to 4 decimals; null when hidden or nobody was active. */
export function monthlyResultOf(name: string, active: number | null, outcomes: number | null): MonthlyResult {
  return { month: name, active, outcomes, result: active === null || outcomes === null ? null : roundedShare(outcomes, active) };
}

/**
 * monthly result (domain.md): for each calendar month m, exits to work or studies in m ÷ active in
 * m, where active in m = start ≤ the month's last day and (no exit or exit ≥ its first day), and
 * `registration_error` counts nowhere. Whether subsidised work is work follows the rules.
 */
export function monthlyResults(
  enrolments: readonly EnrolmentFact[],
  months: readonly string[],
  rules: Pick<OutcomesRules, 'subsidised_counts_as_work'>,
): MonthlyResult[] {
  return months.map((name) => {
    const p = monthPeriod(name);
    const active = enrolments.filter((e) => isActive(e, p)).length;
    const outcomes = enrolments.filter((e) => isExited(e, p) && isWorkOrStudiesExit(e.exitReason!, rules.subsidised_counts_as_work)).length;
    return monthlyResultOf(name, active, outcomes);
  });
}

export type ForecastInput = {
  /** The work-or-studies goal's target share (0…1) and period (its months, in order). */
  goalShare: number;
  goalMonths: readonly string[];
  /** The goal period's series, so far as it is known (months before `current`, at least). */
  series: readonly MonthlyResult[];
  /** The target group (målgruppen): the planned number of participants of the goal's period. */
  targetGroup: number | null;
  /** The month of today: months before it are history, it and those after it are still to come. */
  current: string;
};

export type Forecast = {
  /** Outcomes the goal asks for: target share × target group, rounded up. */
  goalCount: number;
  /** Exits to work or studies in the goal's months before the current one. */
  achieved: number;
  /** The goal's months from the current one to its end. */
  monthsLeft: number;
  /** Participants assumed active each month from now on: the target group. */
  perMonth: number;
  /** The monthly result needed from now on; 0 when the goal is already reached. */
  needed: number;
};

/**
 * The forecast of Malmökraften's delrapport ("Nuvarande prognos för att nå målet är
 * månadsresultat på cirka 6,7 % om målgruppen är 1500"): the monthly result needed in each month
 * still to come for the exits to work or studies to reach the goal by the end of its period.
 *
 *   goal     G = ⌈target share × target group⌉ outcomes over the goal's period
 *   achieved A = exits to work or studies in the period's months before the current month
 *   left     n = the period's months from the current month to its end
 *   needed   r = max(0, G − A) ÷ (target group × n), rounded half-up to 4 decimals
 *
 * As the seed does, the months still to come are assumed to have the target group active each
 * month (its 6,7 % is 1 500 outcomes over 15 months with 1 500 active: 1 ÷ 15). The goal's share
 * is therefore read as a share of the target group here, not of the exits. Null when the period is
 * over, no target group is known, or a month already passed is hidden by suppression.
 */
export function forecastOf(input: ForecastInput): Forecast | null {
  const { targetGroup, current } = input;
  const past = input.goalMonths.filter((m) => m < current);
  const monthsLeft = input.goalMonths.length - past.length;
  if (monthsLeft === 0 || targetGroup === null || targetGroup <= 0) return null;
  const known = new Map(input.series.map((r) => [r.month, r.outcomes]));
  const counts = past.map((m) => known.get(m));
  if (counts.some((c) => c === null || c === undefined)) return null;
  const achieved = counts.reduce<number>((s, c) => s + c!, 0);
  // Integer arithmetic on the share in ten-thousandths, so 0.4 × 1500 is exactly 600.
  const goalCount = Math.ceil((Math.round(input.goalShare * 10000) * targetGroup) / 10000);
  const needed = roundedShare(Math.max(0, goalCount - achieved), targetGroup * monthsLeft)!;
  return { goalCount, achieved, monthsLeft, perMonth: targetGroup, needed };
}
