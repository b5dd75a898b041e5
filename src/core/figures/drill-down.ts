// Drill-down (issue 12, item 3): the enrolments behind one number of the key-figures report. Each
// cell is the predicate its figure counts with (key-figures.ts, outcomes.ts), so the list behind
// a number is exactly what the figure counted: its length is the number.
import { codeLists, isWorkOrStudiesExit } from '../code-lists.js';
import type { Period } from '../dates.js';
import { exitGroupOf, type exitGroups } from './key-figures.js';
import { isActive, isEnrolled, isExited, isUnder30AtStart, type EnrolmentFact } from './outcomes.js';

export const drillDownFigures = ['enrolled', 'active', 'exited', 'exit_group', 'work_or_studies'] as const;
export const drillDownCells = ['woman', 'man', 'other', 'total', 'under_30'] as const;
export type DrillDownFigure = (typeof drillDownFigures)[number];
export type DrillDownCell = (typeof drillDownCells)[number];
export type ExitGroup = (typeof exitGroups)[number];

/** One number of the key-figures report: a flow line, an exit group's row or work or studies, and its column. */
export type DrillDown = { figure: DrillDownFigure; group?: ExitGroup; cell: DrillDownCell; subsidisedCountsAsWork: boolean };

/** Whether the enrolment is counted in the figure's line over P (before the column is chosen). */
function inLine(e: EnrolmentFact, p: Period, d: DrillDown): boolean {
  switch (d.figure) {
    case 'enrolled':
      return isEnrolled(e, p);
    case 'active':
      return isActive(e, p);
    case 'exited':
      return isExited(e, p);
    case 'exit_group':
      return isExited(e, p) && e.exitReason !== null && exitGroupOf(e.exitReason) === d.group;
    case 'work_or_studies':
      return isExited(e, p) && e.exitReason !== null && isWorkOrStudiesExit(e.exitReason, d.subsidisedCountsAsWork);
  }
}

/**
 * The enrolment is counted in the number: its line over P, and its column (a gender, all, or
 * under 30 at start). Work or studies has no under-30 column, so asking for one counts no one.
 */
export function isCountedIn(e: EnrolmentFact, p: Period, d: DrillDown): boolean {
  if (!inLine(e, p, d)) return false;
  if (d.cell === 'total') return true;
  if (d.cell === 'under_30') return d.figure !== 'work_or_studies' && isUnder30AtStart(e);
  return e.gender === d.cell;
}

/**
 * The exit reasons the line counts, for a query: the codes it counts (`in`), or for the group
 * `other`, which also takes retired codes, the codes it does not (`notIn`); null when the line
 * is not about exit reasons.
 */
export function exitReasonFilter(d: DrillDown): { in: string[] } | { notIn: string[] } | null {
  const codes = codeLists.exit_reason.map((r) => r.code).filter((c) => c !== 'registration_error');
  if (d.figure === 'work_or_studies') return { in: codes.filter((c) => isWorkOrStudiesExit(c, d.subsidisedCountsAsWork)) };
  if (d.figure !== 'exit_group') return null;
  if (d.group === 'other') return { notIn: codes.filter((c) => exitGroupOf(c) !== 'other') };
  return { in: codes.filter((c) => exitGroupOf(c) === d.group) };
}
