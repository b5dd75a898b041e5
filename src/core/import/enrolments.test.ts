import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { BASE, csv, enrolments, where } from '../../test/import-rows.js';
import {
  duplicateKeysInFile,
  ENROLMENT_COLUMNS,
  rowKey,
  validateEnrolments,
  type EnrolmentRow,
} from './rows.js';


// 19121212-1212 is Skatteverket's example personnummer (valid check digit).
const PNR = '19121212-1212';

describe('validateEnrolments', () => {
  it('accepts columns in any order and plain records', () => {
    const reversed = [...ENROLMENT_COLUMNS].reverse();
    expect(validateEnrolments(parseCsv(csv(reversed, [BASE]))).errors).toEqual([]);
    const { rows } = validateEnrolments([BASE, { ...BASE, participant_ref: 'P-2' }]);
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('normalizes a personnummer and takes the birth year from it', () => {
    const { rows, errors } = enrolments({ participant_ref: '', personnummer: '191212121212', birth_year: '' });
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ personnummer: PNR, birthDate: '1912-12-12', birthYear: 1912 });
    expect(rowKey(rows[0])).toBe(JSON.stringify(['AVANTI', 'personnummer', PNR, '2018-03-01']));
  });

  it('rejects personnummer and names on every kind of anonymous row, but drops participant_ref', () => {
    const { errors } = enrolments(
      { protected_identity: 'ja', personnummer: PNR },
      { consent: '', last_name: 'Svensson' },
      { anonymous: 'true', consent: 'ja', first_name: 'Anna' },
    );
    expect(where(errors)).toEqual([
      [2, 'personnummer'],
      [3, 'last_name'],
      [4, 'first_name'],
    ]);
    expect(errors[0].reason).toMatch(/skyddade personuppgifter/);
    expect(errors[1].reason).toMatch(/consent är tomt.*consent=ja/);
    expect(errors[2].reason).toMatch(/anonymous=nej/);

    const ok = enrolments({ consent: 'NEJ' });
    expect(ok.errors).toEqual([]);
    expect(ok.rows[0]).toMatchObject({ anonymous: true, consent: false, participantRef: null });
    expect(rowKey(ok.rows[0])).toBeNull();
  });

  it('requires an identity on named rows and a consistent birth year', () => {
    const { errors } = enrolments(
      { participant_ref: '' },
      { personnummer: PNR, birth_year: '1913' },
      { birth_year: '1899' },
      { birth_year: '2026' },
      { birth_year: '2019' },
    );
    expect(where(errors)).toEqual([
      [2, 'participant_ref'],
      [3, 'birth_year'],
      [4, 'birth_year'],
      [5, 'birth_year'],
      [6, 'birth_year'],
    ]);
    expect(errors[1].reason).toMatch(/stämmer inte med personnumret/);
    expect(errors[4].reason).toMatch(/efter startdatumet/);
  });

  it('ties exit_reason and the situation after to exit_date', () => {
    const { errors } = enrolments(
      { exit_date: '2018-04-01' },
      { exit_reason: 'Arbete' },
      { income_after: 'salary', occupation_after: 'working' },
      { exit_date: '2018-03-01', exit_reason: 'work' }, // same day as start: fine
      { exit_date: '18-04-01', exit_reason: 'work' },
    );
    expect(where(errors)).toEqual([
      [2, 'exit_reason'],
      [3, 'exit_date'],
      [4, 'income_after'],
      [4, 'occupation_after'],
      [6, 'exit_date'],
    ]);
    expect(errors[4].reason).toMatch(/ÅÅÅÅ-MM-DD/);
  });

  it('still checks rows when the only header problem is an extra column', () => {
    const text = csv([...ENROLMENT_COLUMNS, 'note'], [{ ...BASE, gender: '' }]);
    expect(where(validateEnrolments(parseCsv(text)).errors)).toEqual([
      [1, 'note'],
      [2, 'gender'],
    ]);
  });

  it('numbers rows by file line when blank lines are skipped', () => {
    const text = csv(ENROLMENT_COLUMNS, [BASE, { ...BASE, gender: 'x' }]).replace('\nAVANTI', '\n\n\nAVANTI');
    expect(where(validateEnrolments(parseCsv(text)).errors)).toEqual([[5, 'gender']]);
  });

  it('reports a matching key that appears twice in the file', () => {
    const { rows, errors } = enrolments(
      { participant_ref: 'P-1' },
      { participant_ref: 'P-1', start_date: '2019-01-01' }, // another enrolment: fine
      { participant_ref: 'P-1', gender: 'man' }, // row 4: same key as row 2
      { participant_ref: 'P-2', personnummer: PNR, birth_year: '' },
      { participant_ref: 'P-3', personnummer: PNR, birth_year: '' }, // row 6: same person as row 5
      { anonymous: 'ja', participant_ref: '' },
      { anonymous: 'ja', participant_ref: '' }, // anonymous rows have no key
    );
    expect(where(errors)).toEqual([
      [4, 'participant_ref'],
      [6, 'personnummer'],
    ]);
    expect(errors[0].reason).toMatch(/på rad 2/);
    expect(errors[1].reason).not.toContain('1212');
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5, 7, 8]);
  });

  it('duplicateKeysInFile works on rows built elsewhere', () => {
    const row = { row: 10, intervention: 'X', participantRef: 'A', startDate: '2020-01-01' } as EnrolmentRow;
    expect(where(duplicateKeysInFile([row, { ...row, row: 11 }]))).toEqual([[11, 'participant_ref']]);
  });
});
