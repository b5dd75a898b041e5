import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, ImportError, parseCsv } from './csv.js';

const sample = (file: string) =>
  readFileSync(new URL(`../../../../shared/data/avanti-2018/${file}`, import.meta.url), 'utf8');

function importErrors(text: string) {
  try {
    parseCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).errors;
  }
  throw new Error('expected an ImportError');
}

describe('parseCsv', () => {
  it('reads the Avanti 2018 files (LF and CRLF)', () => {
    const organisations = parseCsv(sample('organisations.csv'));
    expect(organisations.headers).toEqual(['code', 'name', 'kind', 'org_number', 'association']);
    expect(organisations.records).toHaveLength(5);
    expect(organisations.records[0]).toEqual({
      code: 'FINSAM-MALMO',
      name: 'Samordningsförbundet FINSAM i Malmö',
      kind: 'association',
      org_number: '222000-0001',
      association: '',
    });
    expect(parseCsv(sample('interventions.csv')).records).toHaveLength(1);
    const enrolments = parseCsv(sample('enrolments.csv'));
    expect(enrolments.headers).toHaveLength(20);
    expect(enrolments.records).toHaveLength(189);
    expect(enrolments.rowNumbers.slice(0, 3)).toEqual([2, 3, 4]);
  });

  it('detects semicolons from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('"x;y;z",b\n')).toBe(',');
    expect(parseCsv('code;name\nAF;"Arbetsförmedlingen; Malmö"\n').records).toEqual([
      { code: 'AF', name: 'Arbetsförmedlingen; Malmö' },
    ]);
  });

  it('strips a BOM, lower-cases and trims headers, trims cells', () => {
    const table = parseCsv('\uFEFF Code ;NAME\r\n  AF ; " Arbetsförmedlingen "\r\n');
    expect(table.headers).toEqual(['code', 'name']);
    expect(table.records).toEqual([{ code: 'AF', name: 'Arbetsförmedlingen' }]);
  });

  it('skips empty lines and delimiter-only lines but keeps file line numbers', () => {
    const table = parseCsv('a,b\n\n1,2\n,\n   \n3,"x\ny"\n5,6\n\n');
    expect(table.records).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: 'x\ny' },
      { a: '5', b: '6' },
    ]);
    expect(table.rowNumbers).toEqual([3, 6, 8]);
  });

  it('handles mixed line endings', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6').records).toHaveLength(3);
  });

  it('ignores empty trailing header cells but not data under them', () => {
    expect(parseCsv('a;b;;\n1;2;;\n').headers).toEqual(['a', 'b']);
    expect(importErrors('a;b;;\n1;2;;\n3;4;x;\n')).toEqual([
      { row: 3, column: '', reason: expect.stringContaining('saknar rubrik') },
    ]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCsv('')).toEqual({ headers: [], records: [], rowNumbers: [] });
    expect(parseCsv('\uFEFF\n\n')).toEqual({ headers: [], records: [], rowNumbers: [] });
  });

  it('reports every row with the wrong number of values', () => {
    const errors = importErrors('a,b,c\n1,2,3\n1,2\n1,2,3\n1,2,3,4\n');
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, ''],
      [5, ''],
    ]);
    expect(errors[0].reason).toMatch(/2 värden men rubrikraden har 3/);
  });

  it('turns csv-parse errors into row errors', () => {
    const [unclosed] = importErrors('a,b\n1,2\n3,"x\n4,5\n');
    expect(unclosed.reason).toMatch(/citattecken/);
    expect(unclosed.row).toBeGreaterThanOrEqual(3);
    const [stray] = importErrors('a,b\n1,2\n3,x"y"z\n');
    expect(stray).toMatchObject({ row: 3, column: '' });
  });

  it('rejects a duplicated header', () => {
    expect(importErrors('code,Code\n1,2\n')).toEqual([
      { row: 1, column: 'code', reason: expect.stringContaining('två gånger') },
    ]);
  });

  it('rejects text that was not UTF-8', () => {
    expect(importErrors('code,name\nAF,Arbetsf\uFFFDrmedlingen\n')).toEqual([
      { row: 2, column: '', reason: expect.stringContaining('UTF-8') },
    ]);
  });

  it('is an Error with a readable message', () => {
    const error = new ImportError([{ row: 3, column: 'gender', reason: 'Okänt kön' }]);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/rad 3/);
  });
});
