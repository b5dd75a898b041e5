import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { OutcomesReport } from '../schemas/outcomes-report.js';
import { excelFileName, excelPercent, outcomesToExcelCsv } from './outcomes-csv-excel.js';

const line = (total: number | null) => ({ woman: total, man: null, other: 0, total, under_30: null });
const report: OutcomesReport = {
  report: 'outcomes',
  version: 1,
  scope: { intervention: 'AVANTI' },
  period: { from: '2025-05-01', to: '2025-08-31' },
  rules: { subsidised_counts_as_work: true, suppression_threshold: 5 },
  flow: { enrolled: line(12), active: line(40), exited: line(8), anonymous: { woman: 0, man: 0, other: 0, total: 0 } },
  exit_reasons: [{ code: 'x', label: '=Orsak; med "citat"', woman: 8, man: null, other: 0, total: 8, share: 0.125 }],
  work_or_studies: { woman: { count: 1, share: 0.125 }, man: { count: null, share: null }, other: { count: 0, share: null }, total: { count: 1, share: 0.125 } },
};

describe('the outcomes CSV for Swedish Excel', () => {
  it('rounds shares half-up to whole percent, as the page', () => {
    expect(excelPercent(0.125)).toBe('13 %');
    expect(excelPercent(0.4)).toBe('40 %');
    expect(excelPercent(null)).toBe('–');
  });

  it('keeps semicolons and quotes inside a cell, defuses formulas and shows hidden cells as –', () => {
    const rows: string[][] = parse(outcomesToExcelCsv(report), { delimiter: ';', bom: true });
    expect(rows.every((r) => r.length === 8)).toBe(true);
    const reason = rows.find((r) => r[0] === 'Avslut per orsak' && r[1] !== 'Totalt')!;
    expect(reason).toEqual(['Avslut per orsak', `'=Orsak; med "citat"`, '8', '–', '0', '8', '', '13 %']);
    expect(rows.at(-1)![0]).toBe('Förklaring');
  });

  it('names the file by code and period', () => {
    const p = { from: '2025-05-01', to: '2025-08-31' };
    expect(excelFileName('AVANTI', p, '2025-T2')).toBe('avanti-2025-T2.csv');
    expect(excelFileName('AVANTI', p, undefined)).toBe('avanti-2025-T2.csv');
    expect(excelFileName('AVANTI', { from: '2025-01-01', to: '2025-12-31' }, undefined)).toBe('avanti-2025.csv');
    expect(excelFileName('AVANTI', { from: '2025-03-01', to: '2025-03-31' }, '2025-03')).toBe('avanti-2025-03.csv');
    expect(excelFileName('AVANTI', { from: '2019-01-01', to: '2026-06-30' }, 'project')).toBe('avanti-projekt.csv');
    expect(excelFileName('AVANTI', { from: '2025-02-10', to: '2025-06-30' }, undefined)).toBe('avanti-2025-02-10_2025-06-30.csv');
  });
});
