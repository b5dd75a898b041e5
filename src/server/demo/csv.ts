/** CSV writing for generated records: comma separated, header row first, RFC 4180 quoting. */
import type { RawRecord } from './types.js';

export const ORGANISATION_HEADERS = ['code', 'name', 'kind', 'org_number', 'association'] as const;

export const INTERVENTION_HEADERS = [
  'code', 'name', 'owner', 'association', 'start_date', 'end_date', 'orientation', 'follow_up', 'places', 'volume_target',
] as const;

export const ENROLMENT_HEADERS = [
  'intervention', 'team', 'participant_ref', 'personnummer', 'first_name', 'last_name', 'gender', 'birth_year',
  'anonymous', 'consent', 'protected_identity', 'start_date', 'referrer', 'income_before', 'occupation_before',
  'education', 'exit_date', 'exit_reason', 'income_after', 'occupation_after',
] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: quoted (inner quotes doubled) only when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One line without its terminator; a missing key is an empty cell. */
export function csvLine(record: RawRecord, headers: readonly string[]): string {
  let line = '';
  for (let i = 0; i < headers.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(record[headers[i]] ?? '');
  }
  return line;
}

/** The whole file: header row, one line per record, each line ended by '\n'. */
export function toCsv(records: readonly RawRecord[], headers: readonly string[]): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const record of records) lines.push(csvLine(record, headers));
  return `${lines.join('\n')}\n`;
}
