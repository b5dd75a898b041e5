// The key figures of domain.md ("Figure definitions", "Key figures report") as pure functions
// over plain facts: the oracle the SQL path (key-figures-from-counts.ts over
// server/reports/key-figures.repository.ts) is tested against. Figures that need plans, meetings
// or activities other than employments (plans created/updated, follow-ups overdue, activities by
// type, lead times) are the case figures (activities.ts, case-work.ts), not keys of this report.
import { ageAtStart } from '../age.js';
import { employmentsStarted, personsEmployed, type ActivityFact } from './activities.js';
import { employmentsSection } from './employments.js';
import { groupOf, isWorkOrStudiesExit } from '../code-lists.js';
import { addDays, daysInPeriod, type Period } from '../dates.js';
import { ageBands, type AgeBand, type KeyFiguresReport, type KeyFiguresScope } from '../schemas/key-figures-report.js';
import {
  anonymousOf,
  defaultOutcomesRules,
  flowOf,
  isActive,
  isActiveOn,
  isCounted,
  isEnrolled,
  isExited,
  workOrStudiesOf,
  type AnonymousFact,
  type EnrolmentFact,
  type OutcomesRules,
} from './outcomes.js';

/** An enrolment as key figures see it: the outcomes facts, whose person it is, and the completion mark. */
export type KeyFact = EnrolmentFact & {
  /** The person within one controlling organisation (controller and person id). */
  person: string;
  /** Tie-break among a person's enrolments with the same start (the enrolment id). */
  id: string;
  /** Completed the planned activity (fullföljd); null = not recorded. */
  exitCompleted: boolean | null;
};

export type KeyFiguresInput = {
  scope: KeyFiguresScope;
  period: Period;
  rules?: Partial<OutcomesRules>;
  enrolments: readonly KeyFact[];
  anonymous: readonly AnonymousFact[];
  /** The volume target of the period (goal or intervention), or null. */
  volumeTarget: number | null;
  /** Places (platser) of the scope, or null when not known. */
  places: number | null;
  /** The activities of the scope's enrolments (employments are counted from them); none when left out. */
  activities?: readonly ActivityFact[];
};

/** A share count ÷ denominator rounded half-up to 4 decimals (exact, in integers); null when the denominator is 0. */
export function roundedShare(count: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((count * 20000 + denominator) / (2 * denominator)) / 10000;
}

/** A mean numerator ÷ denominator rounded half-up to 2 decimals (exact, in integers). */
export function roundedMean(numerator: number, denominator: number): number {
  return Math.floor((numerator * 200 + denominator) / (2 * denominator)) / 100;
}

/** Age band at start: under 30 (as everywhere), 30–49, 50 and over, unknown. */
export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  return age < 30 ? 'under_30' : age < 50 ? '30_49' : '50_plus';
}

const ageOf = (e: EnrolmentFact) => ageAtStart(e.startDate, e.birthDate, e.birthYear);

/**
 * unique participants: distinct persons among `active`, counted within one controlling
 * organisation; gender and under 30 from the person's first enrolment active in P (earliest
 * start, then enrolment id).
 */
export function uniqueParticipantsOf(enrolments: readonly KeyFact[], p: Period) {
  const first = new Map<string, KeyFact>();
  for (const e of enrolments.filter((x) => isActive(x, p))) {
    const seen = first.get(e.person);
    if (!seen || e.startDate < seen.startDate || (e.startDate === seen.startDate && e.id < seen.id)) first.set(e.person, e);
  }
  return flowOf([...first.values()]);
}

/**
 * volume fulfilment: (unique participants + anonymous) in P ÷ the period's volume target.
 * `participants` is that sum, also without a target.
 */
export function volumeOf(unique: number, anonymous: number, target: number | null) {
  const participants = unique + anonymous;
  return { participants, target, share: target ? roundedShare(participants, target) : null };
}

/**
 * occupancy (beläggning): mean over the days of P of "active on day d" (2 decimals);
 * occupancy rate = occupancy ÷ places (4 decimals; above 1 when over-occupied), null without places.
 */
export function occupancyOf(enrolments: readonly EnrolmentFact[], p: Period, places: number | null) {
  const days = daysInPeriod(p);
  let activeDays = 0;
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) activeDays += enrolments.filter((e) => isActiveOn(e, d)).length;
  return occupancyFromDays(activeDays, days, places);
}

/** Occupancy from the sum over the days of P of the active enrolments (shared with the SQL path). */
export function occupancyFromDays(activeDays: number, days: number, places: number | null) {
  return {
    mean_active: roundedMean(activeDays, days),
    places,
    rate: places ? roundedShare(activeDays, days * places) : null,
  };
}

/** completion (fullföljt): exits marked completed ÷ exits with the mark recorded; unmarked exits in neither. */
export function completionOf(exited: readonly KeyFact[]) {
  const recorded = exited.filter((e) => e.exitCompleted !== null);
  const completed = recorded.filter((e) => e.exitCompleted === true).length;
  return { completed, recorded: recorded.length, share: roundedShare(completed, recorded.length) };
}

/** The exit-reason groups of the key figures, in code-list order (registration errors are never counted). */
export const exitGroups = ['work', 'studies', 'labour_market', 'further_measures', 'other', 'interrupted'] as const;

/** The group of a reason; a retired code not in the list counts as `other`. */
export function exitGroupOf(reason: string): (typeof exitGroups)[number] {
  const group = groupOf('exit_reason', reason);
  return (exitGroups as readonly string[]).includes(group ?? '') ? (group as (typeof exitGroups)[number]) : 'other';
}

/**
 * exits by group: exited, by exit-reason group × gender, with under 30; every group with at
 * least one exit, in code-list order. subsidised_work is in group work whatever the report rule
 * (the rule decides work_or_studies only).
 */
export function exitGroupsOf(exited: readonly EnrolmentFact[]) {
  return exitGroups
    .map((group) => ({ group, ...flowOf(exited.filter((e) => e.exitReason !== null && exitGroupOf(e.exitReason) === group)) }))
    .filter((row) => row.total > 0);
}

/**
 * outcomes by age band: per age band at start, exits in P, of them to work or studies, and
 * the share; every band, in order.
 */
export function workOrStudiesByAgeBandOf(exited: readonly EnrolmentFact[], rules: Pick<OutcomesRules, 'subsidised_counts_as_work'>) {
  return ageBands.map((band) => {
    const inBand = exited.filter((e) => ageBandOf(ageOf(e)) === band);
    const hits = inBand.filter((e) => e.exitReason !== null && isWorkOrStudiesExit(e.exitReason, rules.subsidised_counts_as_work)).length;
    return { band, exited: inBand.length, count: hits, share: roundedShare(hits, inBand.length) };
  });
}

/** Shares of the outcomes part rounded as domain.md asks of data (4 decimals, half-up). */
export function roundWorkOrStudies(w: ReturnType<typeof workOrStudiesOf>, exited: { woman: number; man: number; other: number; total: number }) {
  const cell = (key: 'woman' | 'man' | 'other' | 'total') => ({ count: w[key].count, share: roundedShare(w[key].count, exited[key]) });
  return { woman: cell('woman'), man: cell('man'), other: cell('other'), total: cell('total') };
}

/** The key-figures report (JSON v1, unsuppressed) for facts already restricted to the scope. */
export function computeKeyFigures(input: KeyFiguresInput): KeyFiguresReport {
  const { period } = input;
  if (period.from > period.to) throw new RangeError('computeKeyFigures: the period ends before it starts');
  const rules = { ...defaultOutcomesRules, ...input.rules };
  const counted = input.enrolments.filter(isCounted);
  const exited = counted.filter((e) => isExited(e, period));
  const exitedLine = flowOf(exited);
  const unique = uniqueParticipantsOf(counted, period);
  const anonymous = anonymousOf(input.anonymous, period);
  const activities = input.activities ?? [];
  return {
    report: 'figures',
    version: 1,
    scope: input.scope,
    period: { from: period.from, to: period.to },
    rules: { subsidised_counts_as_work: rules.subsidised_counts_as_work, suppression_threshold: null },
    flow: {
      enrolled: flowOf(counted.filter((e) => isEnrolled(e, period))),
      active: flowOf(counted.filter((e) => isActive(e, period))),
      exited: exitedLine,
      anonymous,
      unique_participants: unique,
    },
    volume: volumeOf(unique.total, anonymous.total, input.volumeTarget),
    occupancy: occupancyOf(counted, period, input.places),
    completion: completionOf(exited),
    exit_groups: exitGroupsOf(exited),
    work_or_studies: roundWorkOrStudies(workOrStudiesOf(exited, rules), exitedLine),
    ...employmentsSection({ started: employmentsStarted(activities, period), persons: personsEmployed(activities, period) }),
    work_or_studies_by_age_band: workOrStudiesByAgeBandOf(exited, rules),
  };
}
