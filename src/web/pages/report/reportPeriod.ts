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

/** The report's selection in the address (so a reload or a shared link opens the same report). */
export type ReportSearch = { insats?: string; forbund?: string; period?: string; fran?: string; till?: string };

/** The period part of the address: `2025`, `2025-T2`, `2025-03`, `projekt`, or fran/till. */
export function searchOfChoice(choice: ReportPeriodChoice): Pick<ReportSearch, 'period' | 'fran' | 'till'> {
  switch (choice.kind) {
    case 'year':
      return { period: choice.year };
    case 'tertial':
      return { period: `${choice.year}-T${choice.tertial}` };
    case 'month':
      return { period: `${choice.year}-${choice.month.padStart(2, '0')}` };
    case 'project':
      return { period: 'projekt' };
    default:
      return { fran: choice.from, till: choice.to };
  }
}

/** The choice an address stands for, on top of `base`; null when it names no period. */
export function choiceOfSearch(search: ReportSearch, base: ReportPeriodChoice): ReportPeriodChoice | null {
  const p = search.period;
  if (p === 'projekt') return { ...base, kind: 'project' };
  if (p && /^\d{4}$/.test(p)) return { ...base, kind: 'year', year: p };
  const tertialMatch = p ? /^(\d{4})-T([123])$/.exec(p) : null;
  if (tertialMatch) return { ...base, kind: 'tertial', year: tertialMatch[1], tertial: tertialMatch[2] };
  const monthMatch = p ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(p) : null;
  if (monthMatch) return { ...base, kind: 'month', year: monthMatch[1], month: String(Number(monthMatch[2])) };
  if (!p && search.fran && search.till) return { ...base, kind: 'custom', from: search.fran, to: search.till };
  return null;
}

/** The server's name of a calendar period (`project` for the project period); undefined for a range of one's own. */
export function serverPeriodName(choice: ReportPeriodChoice): string | undefined {
  const { period } = searchOfChoice(choice);
  return period === 'projekt' ? 'project' : period;
}
