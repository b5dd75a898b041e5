import { describe, expect, it } from 'vitest';
import { parseCsv, ImportError } from './csv.js';
import { ENROLMENT_COLUMNS, validateEnrolments, validateInterventions, validateOrganisations } from './rows.js';
import { BASE, csv, enrolments } from '../../test/import-rows.js';

// Finding 9 (a, d) and 8 for files: row errors never quote a value that could be personal data
// (only values harmless to repeat, core/echo.ts), a team name may not hold a personnummer, and a
// NUL or other control character is refused with a row error instead of reaching the database.
const PNR = '19121212-1212';
const PNR_BARE = '191212121212';
const SAMORDNING = '19121272-1219';
const reasons = (errors: { reason: string; column: string }[]) => JSON.stringify(errors);

describe('row errors quote no personal data', () => {
  it('a personnummer typed into a code field, a date, a yes/no, a number or the birth year is described, not quoted', () => {
    const { errors } = enrolments({
      gender: PNR_BARE,
      start_date: PNR,
      consent: PNR_BARE,
      income_before: `social_assistance|${PNR_BARE}`,
      education: PNR,
      birth_year: PNR_BARE,
      exit_date: '2019-01-01',
      exit_reason: PNR_BARE,
    });
    expect(errors.map((e) => e.column).sort()).toEqual(['birth_year', 'consent', 'education', 'exit_reason', 'gender', 'income_before', 'start_date']);
    expect(reasons(errors)).not.toMatch(/1912|121212/);
    expect(errors.find((e) => e.column === 'gender')!.reason).toBe('Okänt kön: ange woman, man, other eller Kvinna, Man, Annat/vill ej ange');
    expect(errors.find((e) => e.column === 'start_date')!.reason).toBe('Startdatum har fel format: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2018-03-01');
  });

  it('a value shaped like a code is still quoted, so the common typo stays easy to find', () => {
    const { errors } = enrolments({ gender: 'kvinnna', exit_date: '2019-01-01', exit_reason: 'jobb' });
    expect(errors.map((e) => e.reason)).toEqual([
      "Okänt kön 'kvinnna': ange woman, man, other eller Kvinna, Man, Annat/vill ej ange",
      expect.stringMatching(/^Okänd avslutsorsak 'jobb': ange /),
    ]);
  });

  it('a name or a personnummer in a column header (a file without its header row) is not repeated', () => {
    const headers = ENROLMENT_COLUMNS.map((h) => (h === 'first_name' ? 'Anna' : h === 'personnummer' ? PNR : h));
    const { errors } = validateEnrolments(parseCsv(csv(headers, [BASE])));
    expect(errors).toEqual([{ row: 1, column: '', reason: expect.stringMatching(/^Första raden ser inte ut som en rubrikrad: lägg till en rubrikrad/) }]);
    expect(reasons(errors)).not.toMatch(/anna|1912/i);
    // The whole first row as headers: one error, not one per value.
    const headerless = validateEnrolments(parseCsv(csv(ENROLMENT_COLUMNS.map((h, i) => (h === 'first_name' ? 'anna' : `v${i}`)), [BASE])));
    expect(headerless.errors).toHaveLength(1);
    expect(headerless.rows).toEqual([]);
  });

  it('duplicates name the column and row, not the participant_ref, and a duplicate header is not repeated', () => {
    const { errors } = enrolments({ participant_ref: 'Anna Andersson' }, { participant_ref: 'Anna Andersson' });
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toMatch(/^En deltagare med samma participant_ref skrivs redan in i insatsen med startdatum 2018-03-01 på rad 2/);
    expect(() => parseCsv(`code,${PNR},${PNR}\nA,1,2\n`)).toThrow(ImportError);
    try {
      parseCsv(`code,${PNR},${PNR}\nA,1,2\n`);
    } catch (error) {
      expect(reasons((error as ImportError).errors)).not.toContain('1912');
    }
  });

  it('an organisation number or code that could be a personnummer is not repeated', () => {
    const organisations = validateOrganisations(parseCsv(`code,name,kind,org_number,association\n${PNR_BARE},Ny,provider,${PNR},\n${PNR_BARE},Ny,provider,,\n`));
    expect(organisations.errors.map((e) => e.column)).toEqual(['org_number', 'code']);
    expect(reasons(organisations.errors)).not.toContain('1912');
    const interventions = validateInterventions(
      parseCsv(`code,name,owner,association,start_date,end_date,orientation,follow_up,places,volume_target\nA,A,O,,2024-01-01,,${PNR_BARE},individual,${PNR},\n`),
    );
    expect(interventions.errors.map((e) => e.column)).toEqual(['orientation', 'places']);
    expect(reasons(interventions.errors)).not.toContain('1912');
  });

  it('a value under a column without a header is not repeated', () => {
    try {
      parseCsv(`code,name,\nA,B,${PNR}\n`);
      expect.unreachable();
    } catch (error) {
      expect((error as ImportError).errors).toEqual([
        { row: 2, column: '', reason: 'Ett värde står i kolumn 3, som saknar rubrik: lägg till en rubrik eller ta bort värdet' },
      ]);
    }
  });
});

describe('the team column', () => {
  it.each([PNR, PNR_BARE, '1212121212', SAMORDNING, `Team ${PNR} Norr`, '19121212-1213'])('refuses a team name holding a personnummer or samordningsnummer (%s), without quoting it', (team) => {
    const { rows, errors } = enrolments({ team });
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      {
        row: 2,
        column: 'team',
        reason: 'Teamets namn ser ut att innehålla ett personnummer eller samordningsnummer: ange teamets namn, och skriv personnumret i kolumnen personnummer',
      },
    ]);
  });

  it.each(['Team Norr', 'Grupp 2024', 'Team 7', 'Rum 1201'])('accepts an ordinary team name (%s)', (team) => {
    const { rows, errors } = enrolments({ team });
    expect(errors).toEqual([]);
    expect(rows[0].team).toBe(team);
  });
});

describe('control characters in a file', () => {
  it.each(['\u0000', '\u0001', '\u001B', '\u007F'])('refuses the file with a row error per line that holds %j, without quoting it', (char) => {
    const text = csv([...ENROLMENT_COLUMNS], [BASE, { ...BASE, participant_ref: `P-2${char}`, first_name: 'Anna' }, { ...BASE, participant_ref: 'P-3' }]);
    try {
      parseCsv(text);
      expect.unreachable();
    } catch (error) {
      expect((error as ImportError).errors).toEqual([
        { row: 3, column: '', reason: 'Raden innehåller ett otillåtet tecken (ett osynligt styrtecken, t.ex. ett nolltecken): ta bort det och importera filen igen' },
      ]);
      expect(JSON.stringify((error as ImportError).errors)).not.toMatch(/Anna|P-2/);
    }
  });

  it('keeps tabs and quoted line breaks', () => {
    const table = parseCsv(`code,name\nA,"Två\nrader"\nB,med\ttabb\n`);
    expect(table.records.map((r) => r.name)).toEqual(['Två\nrader', 'med\ttabb']);
  });
});
