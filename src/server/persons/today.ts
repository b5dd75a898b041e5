/**
 * Today's date in Sweden as YYYY-MM-DD: the day a case worker means by "today", also between
 * midnight and 01:00/02:00 when the UTC date is still yesterday.
 */
export function swedishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
