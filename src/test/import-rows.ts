// Shared by the import tests: one valid enrolment row, and CSV text built from rows.
import { parseCsv } from '../core/import/csv.js';
import { ENROLMENT_COLUMNS, validateEnrolments } from '../core/import/rows.js';

export type Cells = Record<string, string>;

export const BASE: Cells = {
  intervention: 'AVANTI',
  team: '',
  participant_ref: 'P-1',
  personnummer: '',
  first_name: '',
  last_name: '',
  gender: 'woman',
  birth_year: '1990',
  anonymous: 'nej',
  consent: 'ja',
  protected_identity: 'nej',
  start_date: '2018-03-01',
  referrer: 'AF',
  income_before: 'social_assistance',
  occupation_before: 'none',
  education: 'primary',
  exit_date: '',
  exit_reason: '',
  income_after: '',
  occupation_after: '',
};

const quote = (value: string, sep: string) =>
  value.includes(sep) || value.includes('"') ? `"${value.replaceAll('"', '""')}"` : value;

/** A CSV text with the given header order and one line per row. */
export function csv(headers: readonly string[], rows: Cells[], sep = ','): string {
  const line = (values: string[]) => values.map((v) => quote(v, sep)).join(sep);
  return [line([...headers]), ...rows.map((row) => line(headers.map((h) => row[h] ?? '')))].join('\n') + '\n';
}

/** Validates enrolment rows given as changes to BASE. */
export const enrolments = (...rows: Cells[]) =>
  validateEnrolments(parseCsv(csv(ENROLMENT_COLUMNS, rows.map((row) => ({ ...BASE, ...row })))), {
    currentYear: 2025,
  });

/** Errors as [row, column] pairs, for compact assertions. */
export const where = (errors: { row: number; column: string }[]) => errors.map((e) => [e.row, e.column]);
