import type { Period } from '../../../core/dates';
import { calendarPeriodLabel, projectInMonths, type CalendarPeriod } from '../../../core/figures/periods';
import { periodOf, type PeriodChoice, type PeriodKind } from '../../lib/period';

/** The report page's period kinds: the calendar ones, the project period, and any range. */
export type ReportPeriodKind = PeriodKind | 'project';
export type ReportPeriodChoice = Omit<PeriodChoice, 'kind'> & { kind: ReportPeriodKind };

/** Texts of the period picker (Swedish). */
export const periodTexts = {
  project: 'Projektperioden',
  projectWithDates: (from: string, to: string) => `Projektperioden (${from} – ${to})`,
  suppressedHelp:
    'Siffrorna skyddas mot att små tal räknas fram. Därför kan du välja en kalendermånad, ett tertial, ett helt år eller projektperioden, men ingen egen period.',
  chosen: (label: string) => `Vald period: ${label}`,
};

/**
 * The project period as the report gives it: widened to whole months when the figures are
 * suppressed (as the server does), null for an intervention without an end date.
 */
export function projectOf(intervention: { startDate: string; endDate: string | null } | undefined, suppressed: boolean): Period | null {
  if (!intervention?.endDate) return null;
  const project = { from: intervention.startDate, to: intervention.endDate };
  return suppressed ? projectInMonths(project) : project;
}

/** The dates a choice stands for. */
export function reportPeriodOf(choice: ReportPeriodChoice, project: Period | null): Period | null {
  if (choice.kind === 'project') return project;
  return periodOf({ ...choice, kind: choice.kind });
}

/** "Mars 2025", "2025 T2", "Helår 2025", "Projektperioden"; null for a range of one's own. */
export function choiceLabel(choice: ReportPeriodChoice): string | null {
  const year = Number(choice.year);
  const calendar: CalendarPeriod | null =
    choice.kind === 'project'
      ? { kind: 'project' }
      : choice.kind === 'year'
        ? { kind: 'year', year }
        : choice.kind === 'tertial'
          ? { kind: 'tertial', year, tertial: Number(choice.tertial) as 1 | 2 | 3 }
          : choice.kind === 'month'
            ? { kind: 'month', year, month: Number(choice.month) }
            : null;
  return calendar ? calendarPeriodLabel(calendar) : null;
}
