// The outcomes figures of domain.md ("Figure definitions") as pure functions over plain facts,
// so a report computed in SQL can be checked against them.
import { ageAtStart, isUnder30 } from '../age.js';
import { codeLists, genders, isWorkOrStudiesExit, labelOf, type Gender } from '../code-lists.js';
import { isWithin, yearOf, type Period } from '../dates.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';
import { suppressOutcomes } from '../suppression.js';

export type { Period } from '../dates.js';
export type { AnonymousLine, ExitReasonRow, FlowLine, OutcomesReport } from '../schemas/outcomes-report.js';

export type EnrolmentFact = {
  gender: Gender;
  birthDate: string | null;
  birthYear: number | null;
  startDate: string;
  exitDate: string | null;
  exitReason: string | null;
};
/** A head count of anonymous registrations (no consent, or protected identity). */
export type AnonymousFact = { year: number; gender: Gender; count: number };
export type OutcomesScope = { intervention: string } | { association: string };
export type OutcomesRules = { subsidised_counts_as_work: boolean; suppression_threshold: number | null };

/** Arbetsförmedlingen counts subsidised employment as work; no suppression unless asked for. */
export const defaultOutcomesRules: OutcomesRules = { subsidised_counts_as_work: true, suppression_threshold: null };

/** Every count excludes enrolments exited as `registration_error`. */
export function isCounted(e: EnrolmentFact): boolean {
  return e.exitReason !== 'registration_error';
}

/** enrolled (inskrivna): start ∈ P. */
export function isEnrolled(e: EnrolmentFact, p: Period): boolean {
  return isCounted(e) && isWithin(e.startDate, p);
}

/** active (deltagare under perioden): start ≤ to and (no exit or exit ≥ from). */
export function isActive(e: EnrolmentFact, p: Period): boolean {
  return isCounted(e) && e.startDate <= p.to && (e.exitDate === null || e.exitDate >= p.from);
}

/** active on day d (inskrivna per dag): start ≤ d and (no exit or exit ≥ d). */
export function isActiveOn(e: EnrolmentFact, day: string): boolean {
  return isActive(e, { from: day, to: day });
}

/** exited (avslutade): exit ∈ P. */
export function isExited(e: EnrolmentFact, p: Period): boolean {
  return isCounted(e) && e.exitDate !== null && isWithin(e.exitDate, p);
}

/** Under 30 = age < 30 in whole years at start; unknown age is not under 30. */
export function isUnder30AtStart(e: EnrolmentFact): boolean {
  return isUnder30(ageAtStart(e.startDate, e.birthDate, e.birthYear));
}

/** count ÷ denominator as a raw fraction; null when the denominator is 0. */
export function share(count: number, denominator: number): number | null {
  return denominator === 0 ? null : count / denominator;
}

type Counts = { woman: number; man: number; other: number; total: number };
type FlowCounts = Counts & { under_30: number };

function byGender<T>(items: readonly T[], genderOf: (item: T) => Gender, weight: (item: T) => number = () => 1): Counts {
  const counts = { woman: 0, man: 0, other: 0, total: 0 };
  for (const item of items) {
    counts[genderOf(item)] += weight(item);
    counts.total += weight(item);
  }
  return counts;
}

/** One flow line by gender, with total and under 30, over already selected enrolments. */
export function flowOf(enrolments: readonly EnrolmentFact[]): FlowCounts {
  return { ...byGender(enrolments, (e) => e.gender), under_30: enrolments.filter(isUnder30AtStart).length };
}

/** An anonymous registration is of a year; it counts in P when that year intersects P. */
export function yearIntersects(year: number, p: Period): boolean {
  return yearOf(p.from) <= year && year <= yearOf(p.to);
}

/** anonymous: registrations whose year intersects P, by gender. */
export function anonymousOf(anonymous: readonly AnonymousFact[], p: Period): Counts {
  const inPeriod = anonymous.filter((a) => yearIntersects(a.year, p));
  return byGender(inPeriod, (a) => a.gender, (a) => a.count);
}

/**
 * exits by reason: exited, by reason × gender, with total; share = count ÷ all exits in P.
 * Every reason with at least one exit, in code-list order; a reason no longer in the list
 * (retired code) follows, by code, labelled with its code. An exit without a reason counts
 * among all exits but in no row.
 */
export function exitReasonsOf(exited: readonly EnrolmentFact[]): (Counts & { code: string; label: string; share: number | null })[] {
  const known: string[] = codeLists.exit_reason.map((entry) => entry.code);
  const present = [...new Set(exited.map((e) => e.exitReason).filter((r): r is string => r !== null))];
  const order = [...known.filter((code) => present.includes(code)), ...present.filter((code) => !known.includes(code)).sort()];
  return order.map((code) => {
    const counts = byGender(exited.filter((e) => e.exitReason === code), (e) => e.gender);
    return { code, label: labelOf('exit_reason', code) ?? code, ...counts, share: share(counts.total, exited.length) };
  });
}

/**
 * work or studies (andel till arbete eller studier): exits in group work or studies ÷ exits, by
 * gender and total; subsidised_work counts only under subsidised_counts_as_work.
 */
export function workOrStudiesOf(exited: readonly EnrolmentFact[], rules: Pick<OutcomesRules, 'subsidised_counts_as_work'>) {
  const all = byGender(exited, (e) => e.gender);
  const hits = byGender(
    exited.filter((e) => e.exitReason !== null && isWorkOrStudiesExit(e.exitReason, rules.subsidised_counts_as_work)),
    (e) => e.gender,
  );
  const cell = (key: keyof Counts) => ({ count: hits[key], share: share(hits[key], all[key]) });
  return { woman: cell('woman'), man: cell('man'), other: cell('other'), total: cell('total') };
}

/**
 * The outcomes report (JSON, version 1) of domain.md for facts already restricted to the scope.
 * With `rules.suppression_threshold` set, the small-cell rule is applied before returning.
 */
export function computeOutcomes(input: {
  scope: OutcomesScope;
  period: Period;
  rules?: Partial<OutcomesRules>;
  enrolments: readonly EnrolmentFact[];
  anonymous: readonly AnonymousFact[];
}): OutcomesReport {
  const { period } = input;
  if (period.from > period.to) throw new RangeError('computeOutcomes: the period ends before it starts');
  const rules = { ...defaultOutcomesRules, ...input.rules };
  const counted = input.enrolments.filter(isCounted);
  for (const e of counted) {
    if (!genders.includes(e.gender)) throw new RangeError(`computeOutcomes: unknown gender '${e.gender}'`);
  }
  const exited = counted.filter((e) => isExited(e, period));

  const report: OutcomesReport = {
    report: 'outcomes',
    version: 1,
    scope: 'intervention' in input.scope ? { intervention: input.scope.intervention } : { association: input.scope.association },
    period: { from: period.from, to: period.to },
    rules: { subsidised_counts_as_work: rules.subsidised_counts_as_work, suppression_threshold: null },
    flow: {
      enrolled: flowOf(counted.filter((e) => isEnrolled(e, period))),
      active: flowOf(counted.filter((e) => isActive(e, period))),
      exited: flowOf(exited),
      anonymous: anonymousOf(input.anonymous, period),
    },
    exit_reasons: exitReasonsOf(exited),
    work_or_studies: workOrStudiesOf(exited, rules),
  };
  return rules.suppression_threshold === null ? report : suppressOutcomes(report, rules.suppression_threshold);
}
