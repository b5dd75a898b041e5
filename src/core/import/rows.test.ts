import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { BASE, csv, enrolments, where } from '../../test/import-rows.js';
import {
  duplicateKeysInFile,
  ENROLMENT_COLUMNS,
  validateEnrolments,
  validateInterventions,
  validateOrganisations,
} from './rows.js';

const sample = (file: string) =>
  parseCsv(
    readFileSync(new URL(`../../../../shared/data/avanti-2018/${file}`, import.meta.url), 'utf8'),
  );



describe('the Avanti 2018 files', () => {
  it('validate without errors', () => {
    const organisations = validateOrganisations(sample('organisations.csv'));
    expect(organisations.errors).toEqual([]);
    // The förbund itself plus its four member organisations.
    expect(organisations.rows).toHaveLength(5);
    expect(organisations.rows.filter((o) => o.association === 'FINSAM-MALMO')).toHaveLength(4);
    expect(organisations.rows[0]).toEqual({
      code: 'FINSAM-MALMO',
      name: 'Samordningsförbundet FINSAM i Malmö',
      kind: 'association',
      orgNumber: '222000-0001',
      association: null,
    });

    const interventions = validateInterventions(sample('interventions.csv'));
    expect(interventions.errors).toEqual([]);
    expect(interventions.rows).toEqual([
      {
        code: 'AVANTI',
        name: 'Avanti',
        owner: 'MALMO',
        association: 'FINSAM-MALMO',
        startDate: '2016-01-01',
        endDate: null,
        orientation: 'individual',
        followUp: 'individual',
        followUpMethod: null,
        places: 160,
        volumeTarget: 160,
      },
    ]);

    const result = validateEnrolments(sample('enrolments.csv'));
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(189);
    expect(result.rows.filter((r) => r.anonymous)).toHaveLength(4);
    expect(result.rows[2]).toMatchObject({
      row: 4,
      participantRef: 'AV-0185',
      gender: 'man',
      birthYear: 1980,
      incomeBefore: ['establishment_benefit', 'social_assistance'],
      exitDate: '2018-03-02',
      exitReason: 'registration_error',
      incomeAfter: ['social_assistance'],
      occupationAfter: null,
    });
    expect(duplicateKeysInFile(result.rows)).toEqual([]);
  });
});

describe('validateEnrolments', () => {
  it('accepts semicolons, a BOM and Swedish labels in any case', () => {
    const row = {
      ...BASE,
      gender: 'Kvinna',
      income_before: 'Försörjningsstöd (ekonomiskt bistånd) | LÖN',
      occupation_before: 'ingen sysselsättning',
      education: 'Gymnasial',
      exit_date: '2018-06-30',
      exit_reason: 'Arbete',
      income_after: 'lön',
      occupation_after: 'Förvärvsarbete',
    };
    const text = '\uFEFF' + csv(ENROLMENT_COLUMNS, [row], ';');
    const { rows, errors } = validateEnrolments(parseCsv(text));
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      gender: 'woman',
      incomeBefore: ['social_assistance', 'salary'],
      occupationBefore: 'none',
      education: 'upper_secondary',
      exitReason: 'work',
      incomeAfter: ['salary'],
      occupationAfter: 'working',
    });
  });

  it('returns every error of the file with file row numbers and columns', () => {
    const { rows, errors } = enrolments(
      {}, // row 2: fine
      { gender: 'x', start_date: '2018-02-30' }, // row 3
      { participant_ref: '', personnummer: '19121212-1213' }, // row 4: Luhn
      { start_date: '2018-05-01', exit_date: '2018-04-30', exit_reason: 'work' }, // row 5
      { anonymous: 'ja', consent: 'nej', first_name: 'Anna', income_before: 'lön|okänd' }, // row 6
      { exit_reason: 'work', consent: 'kanske' }, // row 7
    );
    expect(rows).toHaveLength(1);
    expect(where(errors)).toEqual([
      [3, 'gender'],
      [3, 'start_date'],
      [4, 'personnummer'],
      [5, 'exit_date'],
      [6, 'income_before'],
      [6, 'first_name'],
      [7, 'consent'],
      [7, 'exit_date'],
    ]);
    expect(errors[0].reason).toBe(
      "Okänt kön 'x': ange woman, man, other eller Kvinna, Man, Annat/vill ej ange",
    );
    // Dates are described, not quoted: a date field can receive a birth date or a personnummer.
    expect(errors[1].reason).toBe('Startdatum finns inte i kalendern: ange ett verkligt datum (ÅÅÅÅ-MM-DD)');
    expect(errors[2].reason).toMatch(/kontrollsiffra/);
    expect(errors[3].reason).toMatch(/2018-04-30 ligger före startdatum 2018-05-01/);
    expect(errors[5].reason).toMatch(/anonymt.*förnamn/);
    expect(errors.map((e) => e.reason).join()).not.toMatch(/\bAnna\b|1213/);
  });

  it('reports missing and unknown headers on row 1', () => {
    const headers = ENROLMENT_COLUMNS.filter((h) => h !== 'gender' && h !== 'team');
    const { rows, errors } = validateEnrolments(parseCsv(csv([...headers, 'gendr', 'notes'], [BASE])));
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 1, column: 'team', reason: expect.stringContaining('saknas i rubrikraden') },
      { row: 1, column: 'gender', reason: expect.stringContaining('saknas i rubrikraden') },
      { row: 1, column: 'gendr', reason: expect.stringContaining("menade du 'gender'?") },
      { row: 1, column: 'notes', reason: expect.stringContaining("Okänd kolumn 'notes'") },
    ]);
  });
});

describe('validateOrganisations', () => {
  const headers = ['code', 'name', 'kind', 'org_number', 'association'];
  it('accepts Swedish kinds and an org number without dash', () => {
    const { rows, errors } = validateOrganisations(
      parseCsv(csv(headers, [{ code: 'AF', name: 'AF', kind: 'arbetsförmedlingen', org_number: '2021002114' }])),
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ kind: 'employment_service', orgNumber: '202100-2114' });
  });

  it('reports every bad row', () => {
    const { errors } = validateOrganisations(
      parseCsv(
        csv(headers, [
          { code: 'A', name: 'A', kind: 'Kommun', org_number: '21200-1124' },
          { code: 'B', name: '', kind: 'bank' },
          { code: 'A', name: 'A igen', kind: 'region', association: 'A' },
        ]),
      ),
    );
    expect(where(errors)).toEqual([
      [2, 'org_number'],
      [3, 'name'],
      [3, 'kind'],
      [4, 'code'],
      [4, 'association'],
    ]);
    expect(errors[3].reason).toMatch(/finns redan på rad 2/);
  });
});

describe('validateInterventions', () => {
  const headers = ['code', 'name', 'owner', 'association', 'start_date', 'end_date', 'orientation', 'follow_up', 'places', 'volume_target'];
  const base = { code: 'X', name: 'X', owner: 'MALMO', start_date: '2020-01-01', orientation: 'Structural', follow_up: 'count_only' };
  it('checks dates, choices and counts', () => {
    const { rows, errors } = validateInterventions(
      parseCsv(
        csv(headers, [
          base,
          { ...base, code: 'Y', end_date: '2019-12-31', orientation: 'both', places: '-1', volume_target: '1.5' },
          { ...base, code: 'Z', owner: '', follow_up: '' },
        ]),
      ),
    );
    expect(rows).toEqual([
      { ...rows[0], orientation: 'structural', followUp: 'count_only', places: null, volumeTarget: null },
    ]);
    expect(where(errors)).toEqual([
      [3, 'end_date'],
      [3, 'orientation'],
      [3, 'places'],
      [3, 'volume_target'],
      [4, 'owner'],
      [4, 'follow_up'],
    ]);
    expect(rows[0].followUpMethod).toBeNull();
  });

  it('takes the optional follow_up_method column as a code or a Swedish label, refusing an unknown value', () => {
    const file = parseCsv(
      csv([...headers, 'follow_up_method'], [
        { ...base, follow_up_method: 'sus' },
        { ...base, code: 'Y', follow_up_method: 'Annan' },
        { ...base, code: 'Z', follow_up_method: ' STEGVIS ' },
        { ...base, code: 'W', follow_up_method: '' },
        { ...base, code: 'V', follow_up_method: 'Excel' },
      ]),
    );
    const { rows, errors } = validateInterventions(file);
    expect(rows.map((r) => [r.code, r.followUpMethod])).toEqual([['X', 'sus'], ['Y', 'other'], ['Z', 'stegvis'], ['W', null]]);
    expect(where(errors)).toEqual([[6, 'follow_up_method']]);
    expect(errors[0].reason).toContain('Okänd uppföljningsmetod');
    expect(errors[0].reason).toContain('stegvis, sus, other eller Stegvis, SUS, Annan');
  });
});
