// How every export format shows a report cell (issue 12 item 7): one formatter per column kind,
// so the PDF, the DOCX, the CSV and the web page show the same text. Swedish conventions: a
// non-breaking space groups thousands and comes before "%" and "kr", as Intl's sv-SE does on
// the web page, so a number is never broken over two lines.
import type { ReportCell, ReportColumnKind, ReportTable } from './document.js';

export const dash = '–';
/** What a cell hidden by small-cell suppression shows, in every format. */
export const hiddenText = 'Dolt';
/** The sentence under a table with a hidden cell, saying why. */
export const hiddenNote =
  'Dolt: små tal visas inte, så att ingen deltagare kan kännas igen. Fler rutor kan vara dolda så att de små talen inte går att räkna fram ur summorna.';

const nbsp = '\u00a0';

export type HiddenCell = { hidden: 'suppressed' };
export const isHidden = (cell: ReportCell | undefined): cell is HiddenCell => typeof cell === 'object' && cell !== null;

/** 1234567.891 with `decimals` → "1 234 567,89" (half-up, trailing zeros dropped). */
export function swedishNumber(value: number, decimals = 0): string {
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.floor(Math.abs(value) * factor + 0.5 + 1e-9) / factor;
  const [whole, fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);
  const tail = fraction?.replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${grouped}${tail ? `,${tail}` : ''}`;
}

/** A share as on the page: whole percent, rounded half-up (domain.md), "25 %". */
export const percentText = (share: number) => `${swedishNumber(share * 100)}${nbsp}%`;

/** A cell as text for people: "25 %", "12 600 kr", "–" for no value, "Dolt" when suppressed. */
export function formatCell(cell: ReportCell | undefined, kind: ReportColumnKind): string {
  if (cell === null || cell === undefined) return dash;
  if (isHidden(cell)) return hiddenText;
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'share':
      return percentText(cell);
    case 'money':
      return `${swedishNumber(cell)}${nbsp}kr`;
    case 'number':
      return swedishNumber(cell, 2);
    default:
      return swedishNumber(cell);
  }
}

/** The table's own notes, and why cells are hidden when one is. */
export function notesOf(table: ReportTable): string[] {
  const anyHidden = table.rows.some((row) => Object.values(row).some(isHidden));
  return anyHidden && !table.notes.includes(hiddenNote) ? [...table.notes, hiddenNote] : table.notes;
}

/** Numbers line up on the right, text on the left. */
export const isNumeric = (kind: ReportColumnKind) => kind !== 'text';
