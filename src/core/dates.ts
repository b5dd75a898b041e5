// Calendar dates are ISO strings (YYYY-MM-DD) everywhere in core: they compare correctly as
// strings and carry no time zone, so a date never shifts a day between server, browser and DB.

/** An inclusive date range [from, to], both YYYY-MM-DD (domain.md: "A period P"). */
export type Period = { from: string; to: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True for a YYYY-MM-DD string naming a real calendar day (no 2018-02-30, no year 0). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Formats year, month (1–12) and day as YYYY-MM-DD; does not validate. */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** −1, 0 or 1, usable as a sort comparator. ISO dates order lexically. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** from ≤ date ≤ to. */
export function isWithin(date: string, period: Period): boolean {
  return period.from <= date && date <= period.to;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function periodOfYear(year: number): Period {
  return { from: toIsoDate(year, 1, 1), to: toIsoDate(year, 12, 31) };
}

/** Tertial 1 = January–April, 2 = May–August, 3 = September–December (the Finsam reporting terms). */
export function tertial(year: number, which: 1 | 2 | 3): Period {
  const first = (which - 1) * 4 + 1;
  return { from: toIsoDate(year, first, 1), to: toIsoDate(year, first + 3, daysInMonth(year, first + 3)) };
}

/** Calendar month `m` (1–12) of year `y`. */
export function month(year: number, m: number): Period {
  return { from: toIsoDate(year, m, 1), to: toIsoDate(year, m, daysInMonth(year, m)) };
}

// Days since 1970-01-01 by plain arithmetic (H. Hinnant's days_from_civil): Date.UTC maps years
// 0–99 to 1900–1999, and no Date object means no time zone.
function dayNumber(date: string): number {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = yearOf(date) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDayNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return toIsoDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Number of days in the inclusive period; 0 when `to` is before `from`. */
export function daysInPeriod(period: Period): number {
  return Math.max(0, dayNumber(period.to) - dayNumber(period.from) + 1);
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return civilFromDayNumber(dayNumber(date) + days);
}

/** Every month of the period, clipped to it (for monthly result series). */
export function monthsOf(period: Period): Period[] {
  const months: Period[] = [];
  let cursor = period.from;
  while (cursor <= period.to) {
    const m = month(yearOf(cursor), Number(cursor.slice(5, 7)));
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings; Math.min would turn them into NaN
    months.push({ from: cursor, to: m.to < period.to ? m.to : period.to });
    cursor = addDays(m.to, 1);
  }
  return months;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
