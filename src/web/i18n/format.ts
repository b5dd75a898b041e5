// Dates, numbers and percentages in Swedish format, through Intl with 'sv-SE'.
const locale = 'sv-SE';

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });

export const dash = '–';

/** A count such as 1 234 (with a non-breaking space); null (suppressed or missing) as a dash. */
export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined ? dash : integer.format(value));

/**
 * A share (0.2462) as a whole percent, rounded half-up as domain.md requires ("25 %"). Intl
 * rounds half-even in some engines, so the rounding is done here first.
 */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return dash;
  const rounded = Math.floor(share * 100 + 0.5 + 1e-9) / 100;
  return percentFmt.format(rounded);
}

const asDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** 2026-03-05 → "2026-03-05", the Swedish numeric date format. */
export const formatDate = (iso: string | null | undefined) => (iso ? shortDate.format(asDate(iso)) : dash);

/** 2026-03-05 → "5 mars 2026". */
export const formatLongDate = (iso: string | null | undefined) => (iso ? longDate.format(asDate(iso)) : dash);

/** Today in Sweden as YYYY-MM-DD. */
export function todayIso(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return parts;
}

export const currentYear = () => Number(todayIso().slice(0, 4));

/** Swedish alphabetical order (å, ä, ö last). */
export const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
