import fc from 'fast-check';
import { keyFactsArb } from '../../test/key-facts.js';
import { describe, expect, it } from 'vitest';
import { computeKeyFigures, type KeyFact } from '../figures/key-figures.js';
import { historyOf, suppressedOutcomes } from '../figures/outcomes-family.js';
import { suppressKeyFigures } from '../suppression/key-figures.js';
import { formatCell, hiddenNote, isHidden } from './cell-format.js';
import { documentTables, type ReportTable } from './document.js';
import { keyFiguresDocument } from './key-figures-document.js';

const scope = { intervention: 'AVANTI' };
const year = { from: '2024-01-01', to: '2024-12-31' };
const factsArb = keyFactsArb(80);

const reportsOf = (enrolments: KeyFact[]) => {
  const anonymous = [{ year: 2024, gender: 'woman' as const, count: 2 }];
  const exact = computeKeyFigures({ scope, period: year, enrolments, anonymous, volumeTarget: 60, places: 20 });
  const outcomes = suppressedOutcomes({ history: historyOf(enrolments, anonymous), scope, rules: { subsidised_counts_as_work: true }, period: { kind: 'year', year: 2024 }, project: null, k: 5 });
  return { exact, suppressed: suppressKeyFigures(exact, outcomes, 5) };
};

const tableNamed = (tables: ReportTable[], caption: string) => tables.find((t) => t.caption === caption)!;
const rowNamed = (table: ReportTable, name: string) => table.rows.find((r) => Object.values(r).includes(name))!;
const run = { numRuns: 25, seed: Number(process.env.FC_SEED ?? 20_261_128) };

describe('the key-figures report as a document', () => {
  it('shows each figure of the JSON in its table, and hides exactly what suppression hid', () => {
    fc.assert(
      fc.property(factsArb, (enrolments) => {
        for (const report of Object.values(reportsOf(enrolments))) {
          const tables = documentTables(keyFiguresDocument(report));
          const flow = tableNamed(tables, 'Deltagarflöde per kön');
          for (const [name, line] of [['Inskrivna', report.flow.enrolled], ['Avslutade', report.flow.exited], ['Unika deltagare', report.flow.unique_participants]] as const) {
            for (const key of ['woman', 'man', 'other', 'total', 'under_30'] as const) {
              const cell = rowNamed(flow, name)[key];
              if (line.suppressed?.includes(key)) expect(cell).toEqual({ hidden: 'suppressed' });
              else expect(cell).toBe(line[key]);
            }
          }
          const ws = tableNamed(tables, 'Avslut till arbete eller studier per kön');
          for (const [i, key] of (['woman', 'man', 'other', 'total'] as const).entries()) {
            const shown = report.work_or_studies.suppressed?.includes(key) ? { hidden: 'suppressed' } : report.work_or_studies[key].share;
            expect(ws.rows[i]!.share).toEqual(shown);
          }
          expect(tableNamed(tables, 'Avslut per grupp av avslutsorsaker').rows).toHaveLength(report.exit_groups.length);
          expect(tableNamed(tables, 'Fullföljt').rows[0]!.share).toEqual(report.completion.suppressed?.includes('share') ? { hidden: 'suppressed' } : report.completion.share);
        }
      }),
      run,
    );
  });

  it('never shows a count from 1 to 4 in the suppressed document, and says why cells are hidden', () => {
    fc.assert(
      fc.property(factsArb, (enrolments) => {
        const document = keyFiguresDocument(reportsOf(enrolments).suppressed);
        const tables = documentTables(document);
        for (const table of tables) {
          for (const column of table.columns.filter((c) => c.kind === 'count')) {
            const small = table.rows.map((r) => r[column.key]).filter((c) => typeof c === 'number' && c > 0 && c < 5);
            expect(small, `${table.caption}: ${column.label}`).toEqual([]);
          }
        }
        expect(document.meta.find((m) => m.label === 'Små tal')?.value).toContain('från 1 till 4');
        const hiddenTables = tables.filter((t) => t.rows.some((r) => Object.values(r).some(isHidden)));
        expect(hiddenTables.length).toBeGreaterThan(0);
      }),
      run,
    );
  });

  it('names the intervention and the period as boards do, and formats as the page', () => {
    const { exact } = reportsOf([]);
    const document = keyFiguresDocument(exact);
    expect(document.title).toBe('Nyckeltal Helår 2024 – Insatsen AVANTI');
    expect(tableNamed(documentTables(document), 'Avslut per grupp av avslutsorsaker').notes).toEqual(['Inga avslut under perioden.']);
    expect(formatCell(0.2462, 'share')).toBe('25\u00a0%');
    expect(formatCell(12600, 'money')).toBe('12\u00a0600\u00a0kr');
    expect(formatCell(1234567.891, 'number')).toBe('1\u00a0234\u00a0567,89');
    expect(formatCell(null, 'count')).toBe('–');
    expect(formatCell({ hidden: 'suppressed' }, 'count')).toBe('Dolt');
    expect(hiddenNote).toMatch(/^Dolt: /);
  });
});
