import { t } from '../i18n/sv';

const printedAt = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The line a printout starts with: what it is, which period, and when it was printed. Shown only
 * in print (styles/print.css); on screen the page's own heading says the same.
 */
export function PrintHeading({ what, period }: { what: string; period: string }) {
  return <p className="print-only print-heading">{t.report.printHeading(what, period, printedAt.format(new Date()))}</p>;
}
