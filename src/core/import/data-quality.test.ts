import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { ENROLMENT_COLUMNS, validateEnrolments } from './rows.js';

// Issue 9, item 2: the import keeps the API's rules at the door (future dates, "Uppgift saknas"
// alone; birth year against personnummer is covered in enrolments.test.ts).

const BASE: Record<string, string> = {
  intervention: 'AVANTI',
  participant_ref: 'R-1',
  gender: 'woman',
  consent: 'ja',
  start_date: '2025-03-01',
};
const file = (...rows: Record<string, string>[]) =>
  `${ENROLMENT_COLUMNS.join(',')}\n${rows.map((r) => ENROLMENT_COLUMNS.map((c) => ({ ...BASE, ...r })[c] ?? '').join(',')).join('\n')}\n`;
const check = (...rows: Record<string, string>[]) => validateEnrolments(parseCsv(file(...rows)), { currentYear: 2025, today: '2025-06-30' });

describe('enrolment import at the door', () => {
  it('accepts today and refuses a start or an exit after today, saying why', () => {
    expect(check({ start_date: '2025-06-30', exit_date: '2025-06-30', exit_reason: 'work' }).errors).toEqual([]);
    const { errors } = check({ participant_ref: 'R-2', start_date: '2025-07-01' }, { participant_ref: 'R-3', exit_date: '2025-07-01', exit_reason: 'work' });
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'start_date'],
      [3, 'exit_date'],
    ]);
    expect(errors[0].reason).toMatch(/planerad start/);
  });

  it('refuses "Uppgift saknas" together with another income source, before and after', () => {
    const { errors } = check(
      { participant_ref: 'R-4', income_before: 'unknown|salary' },
      { participant_ref: 'R-5', income_before: 'Uppgift saknas', exit_date: '2025-05-01', exit_reason: 'work', income_after: 'Lön|Uppgift saknas' },
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'income_before'],
      [3, 'income_after'],
    ]);
  });
});
