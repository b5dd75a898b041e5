// Assembles the key-figures report from counts aggregated elsewhere (the SQL report,
// server/reports/key-figures.repository.ts). computeKeyFigures in key-figures.ts counts the same
// figures from single facts and is the oracle the SQL path is tested against.
import { isWorkOrStudiesExit, type Gender } from '../code-lists.js';
import { daysInPeriod, type Period } from '../dates.js';
import { ageBands, type AgeBand, type KeyFiguresReport, type KeyFiguresScope } from '../schemas/key-figures-report.js';
import { employmentFiguresFromRows, employmentsSection, type EmploymentRows } from './employments.js';
import { exitGroupOf, exitGroups, occupancyFromDays, roundedShare, volumeOf } from './key-figures.js';
import { defaultOutcomesRules, type OutcomesRules } from './outcomes.js';

/** Counted enrolments active in P, grouped; `reason` and `completed` only for exits in P. */
export type KeyFigureRow = {
  gender: Gender;
  band: AgeBand;
  reason: string | null;
  completed: boolean | null;
  enrolled: number;
  active: number;
};

export type KeyFigureCounts = {
  rows: readonly KeyFigureRow[];
  /** Unique participants by gender and whether under 30 at their first active enrolment's start. */
  unique: readonly { gender: Gender; under30: boolean; count: number }[];
  anonymous: readonly { gender: Gender; count: number }[];
  /** The sum over the days of P of the enrolments active on that day. */
  activeDays: number;
};

type Line = { woman: number; man: number; other: number; total: number; under_30: number };

function line<T extends { gender: Gender }>(rows: readonly T[], count: (row: T) => number, under30: (row: T) => number): Line {
  const out = { woman: 0, man: 0, other: 0, total: 0, under_30: 0 };
  for (const row of rows) {
    out[row.gender] += count(row);
    out.total += count(row);
    out.under_30 += under30(row);
  }
  return out;
}

const isU30 = (row: KeyFigureRow) => row.band === 'under_30';

export function keyFiguresFromCounts(input: {
  scope: KeyFiguresScope;
  period: Period;
  rules?: Partial<OutcomesRules>;
  counts: KeyFigureCounts;
  volumeTarget: number | null;
  places: number | null;
  employments: EmploymentRows;
}): KeyFiguresReport {
  const rules = { ...defaultOutcomesRules, ...input.rules };
  const { rows, unique, anonymous } = input.counts;
  const exits = rows.filter((r) => r.reason !== null);
  const exited = line(exits, (r) => r.active, (r) => (isU30(r) ? r.active : 0));
  const uniqueLine = line(unique, (r) => r.count, (r) => (r.under30 ? r.count : 0));
  const { under_30: _, ...anonymousLine } = line(anonymous, (r) => r.count, () => 0);
  const toWork = exits.filter((r) => isWorkOrStudiesExit(r.reason!, rules.subsidised_counts_as_work));
  const hits = line(toWork, (r) => r.active, () => 0);
  const cell = (key: Gender | 'total') => ({ count: hits[key], share: roundedShare(hits[key], exited[key]) });
  const recorded = exits.filter((r) => r.completed !== null);
  const sum = (of: readonly KeyFigureRow[]) => of.reduce((s, r) => s + r.active, 0);
  const completed = sum(recorded.filter((r) => r.completed === true));
  return {
    report: 'figures',
    version: 1,
    scope: input.scope,
    period: { from: input.period.from, to: input.period.to },
    rules: { subsidised_counts_as_work: rules.subsidised_counts_as_work, suppression_threshold: null },
    flow: {
      enrolled: line(rows, (r) => r.enrolled, (r) => (isU30(r) ? r.enrolled : 0)),
      active: line(rows, (r) => r.active, (r) => (isU30(r) ? r.active : 0)),
      exited,
      anonymous: anonymousLine,
      unique_participants: uniqueLine,
    },
    volume: volumeOf(uniqueLine.total, anonymousLine.total, input.volumeTarget),
    occupancy: occupancyFromDays(input.counts.activeDays, daysInPeriod(input.period), input.places),
    completion: { completed, recorded: sum(recorded), share: roundedShare(completed, sum(recorded)) },
    exit_groups: exitGroups
      .map((group) => {
        const inGroup = exits.filter((r) => exitGroupOf(r.reason!) === group);
        return { group, ...line(inGroup, (r) => r.active, (r) => (isU30(r) ? r.active : 0)) };
      })
      .filter((row) => row.total > 0),
    work_or_studies: { woman: cell('woman'), man: cell('man'), other: cell('other'), total: cell('total') },
    ...employmentsSection(employmentFiguresFromRows(input.employments)),
    work_or_studies_by_age_band: ageBands.map((band) => {
      const inBand = sum(exits.filter((r) => r.band === band));
      const count = sum(toWork.filter((r) => r.band === band));
      return { band, exited: inBand, count, share: roundedShare(count, inBand) };
    }),
  };
}

