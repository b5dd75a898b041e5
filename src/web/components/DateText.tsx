import { formatDate } from '../i18n/format';

/** A date that never wraps at its hyphens (2026-03-05 stays on one line). */
export const DateText = ({ iso }: { iso: string | null | undefined }) => <span className="date">{formatDate(iso)}</span>;

/** A period "2024-01-01 – 2026-12-31": each date whole, a line break only at the dash. */
export const PeriodText = ({ from, to }: { from: string; to: string | null | undefined }) => (
  <>
    <DateText iso={from} /> – {to ? <DateText iso={to} /> : ''}
  </>
);
