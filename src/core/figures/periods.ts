// The periods a report with suppressed figures may cover, and the families they are protected
// in (suppression/family.ts). Figures that leave the controlling organisation are given only
// for calendar-aligned periods — a calendar month, a tertial (T1 = January–April, T2 = May–
// August, T3 = September–December), a calendar year — or the intervention's project period:
// with any range allowed, two ranges one day apart would give away that day's single exits.
import { isIsoDate, month, periodOfYear, tertial, yearOf, type Period } from '../dates.js';

export type CalendarPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'tertial'; year: number; tertial: 1 | 2 | 3 }
  | { kind: 'year'; year: number }
  | { kind: 'project' };

/** The project period of an intervention: start_date .. end_date, when it has an end date. */
export type ProjectPeriod = Period | null;

const NAME = /^(?:(project)|(\d{4})(?:-T([123])|-(\d{2}))?)$/;

/** `2025`, `2025-T2`, `2025-03` or `project`; null for anything else. */
export function parseCalendarPeriod(name: string): CalendarPeriod | null {
  const match = NAME.exec(name);
  if (!match) return null;
  if (match[1]) return { kind: 'project' };
  const year = Number(match[2]);
  if (year < 1) return null;
  if (match[3]) return { kind: 'tertial', year, tertial: Number(match[3]) as 1 | 2 | 3 };
  if (match[4]) {
    const m = Number(match[4]);
    return m >= 1 && m <= 12 ? { kind: 'month', year, month: m } : null;
  }
  return { kind: 'year', year };
}

/** The inverse of parseCalendarPeriod. */
export function calendarPeriodName(p: CalendarPeriod): string {
  switch (p.kind) {
    case 'project':
      return 'project';
    case 'year':
      return String(p.year);
    case 'tertial':
      return `${p.year}-T${p.tertial}`;
    case 'month':
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
  }
}

const monthNames = ['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti', 'September', 'Oktober', 'November', 'December'];

/** Swedish: "Mars 2025", "2025 T2", "Helår 2025", "Projektperioden". */
export function calendarPeriodLabel(p: CalendarPeriod): string {
  switch (p.kind) {
    case 'project':
      return 'Projektperioden';
    case 'year':
      return `Helår ${p.year}`;
    case 'tertial':
      return `${p.year} T${p.tertial}`;
    case 'month':
      return `${monthNames[p.month - 1]} ${p.year}`;
  }
}

/** The dates of a calendar period; null for the project period of an intervention without one. */
export function rangeOf(p: CalendarPeriod, project: ProjectPeriod): Period | null {
  switch (p.kind) {
    case 'project':
      return project;
    case 'year':
      return periodOfYear(p.year);
    case 'tertial':
      return tertial(p.year, p.tertial);
    case 'month':
      return month(p.year, p.month);
  }
}

/**
 * Which calendar period the range is, if any (a project period that is also a calendar period
 * is named as the calendar period).
 */
export function calendarPeriodOf(range: Period, project: ProjectPeriod): CalendarPeriod | null {
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) return null;
  const year = yearOf(range.from);
  const candidates: CalendarPeriod[] = [
    { kind: 'year', year },
    ...([1, 2, 3] as const).map((t): CalendarPeriod => ({ kind: 'tertial', year, tertial: t })),
    ...Array.from({ length: 12 }, (_, i): CalendarPeriod => ({ kind: 'month', year, month: i + 1 })),
    { kind: 'project' },
  ];
  return candidates.find((c) => {
    const r = rangeOf(c, project);
    return r !== null && r.from === range.from && r.to === range.to;
  }) ?? null;
}

/** The Swedish sentence a refused range is answered with. */
export function alignedPeriodsMessage(project: ProjectPeriod): string {
  const projectPart = project ? ` eller insatsens projektperiod (${project.from} – ${project.to})` : '';
  return (
    'Siffrorna skyddas mot att små tal räknas fram, och då går det bara att välja en kalendermånad, ' +
    `ett tertial (T1 januari–april, T2 maj–augusti, T3 september–december), ett kalenderår${projectPart}. ` +
    'Ange perioden med period (till exempel 2025, 2025-T2, 2025-03' + (project ? ' eller project' : '') + ') eller med from och to.'
  );
}

/**
 * The project period as recipients of suppressed figures get it: widened to whole months (from
 * the first day of its first month to the last day of its last), so that it is a run of the
 * months the calendar periods are made of.
 */
export function projectInMonths(project: Period): Period {
  const start = month(yearOf(project.from), Number(project.from.slice(5, 7)));
  const end = month(yearOf(project.to), Number(project.to.slice(5, 7)));
  return { from: start.from, to: end.to };
}
