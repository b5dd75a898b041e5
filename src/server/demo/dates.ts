/**
 * Calendar dates as whole days since 1970-01-01 (UTC, no time zone involved), converted with
 * Howard Hinnant's civil-date algorithms: pure integer arithmetic, fast enough for millions of rows.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Parses YYYY-MM-DD strictly (the date must exist). */
export function toDay(iso: string): number {
  const match = ISO.exec(iso);
  if (!match) throw new Error(`expected a date YYYY-MM-DD, got '${iso}'`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = dayFromCivil(y, m, d);
  const back = civilFromDay(day);
  if (back.y !== y || back.m !== m || back.d !== d) throw new Error(`no such date: '${iso}'`);
  return day;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export function fromDay(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function yearOf(day: number): number {
  return civilFromDay(day).y;
}

/** The same calendar day `years` later (or earlier); 29 February falls back to the 28th. */
export function addYears(day: number, years: number): number {
  const { y, m, d } = civilFromDay(day);
  const target = y + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return dayFromCivil(target, m, m === 2 && d === 29 && !leap ? 28 : d);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * Moves a weekend day to a working day inside [min, max]: back to Friday when possible, else
 * forward to Monday, else unchanged. Starts and exits are registered on working days.
 */
export function workday(day: number, min: number, max: number): number {
  const wd = weekday(day);
  if (wd < 5) return day;
  const friday = day - (wd - 4);
  if (friday >= min) return friday;
  const monday = day + (7 - wd);
  return monday <= max ? monday : day;
}
