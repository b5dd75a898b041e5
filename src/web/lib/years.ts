import { currentYear } from '../i18n/format';

// The years Mål och budget offers: those of the intervention's project period.

/**
 * The years of the project period: from the start year to the end year; an open-ended
 * intervention runs to next year (its budget is often set in advance).
 */
export function projectYears(startDate: string, endDate: string | null): number[] {
  const from = Number(startDate.slice(0, 4));
  const to = Math.max(from, endDate ? Number(endDate.slice(0, 4)) : currentYear() + 1);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The year shown: ?ar= when it is one of the period's years, else this year brought within the period. */
export function yearShown(years: number[], asked: number | undefined): number {
  if (asked !== undefined && years.includes(asked)) return asked;
  return Math.min(Math.max(currentYear(), years[0]), years[years.length - 1]);
}
