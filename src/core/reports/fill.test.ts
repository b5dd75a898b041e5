import { describe, expect, it } from 'vitest';
import { computeKeyFigures, type KeyFact } from '../figures/key-figures.js';
import type { KeyFiguresReport } from '../schemas/key-figures-report.js';
import { differencesBetween } from './differences.js';
import { reportDocumentSchema, type ReportDocument, type ReportTable } from './document.js';
import { fillReportDocument, type FillInput } from './fill.js';
import { builtInTemplates } from './templates.js';

const period = { from: '2026-05-01', to: '2026-08-31' };
const exit = (i: number, reason: string, completed: boolean): KeyFact => ({
  gender: 'woman', birthDate: null, birthYear: 1990, startDate: '2026-01-10', exitDate: '2026-06-10', exitReason: reason, person: `p${i}`, id: `e${i}`, exitCompleted: completed,
});
const figuresOf = (n: number): KeyFiguresReport =>
  computeKeyFigures({ scope: { intervention: 'AVANTI' }, period, enrolments: Array.from({ length: n }, (_, i) => exit(i, 'work', i > 0)), anonymous: [], volumeTarget: null, places: 20 });

const slutrapport = builtInTemplates.find((t) => t.code === 'slutrapport')!;
const input = (over: Partial<FillInput> = {}): FillInput => ({
  templateName: 'Slutrapport',
  sections: slutrapport.sections,
  intervention: { name: 'Avanti', owner: 'Malmö stad', association: 'Finsam Malmö', projectFrom: '2025-01-01', projectTo: '2027-12-31' },
  period: { label: '2026 T2', ...period },
  figures: figuresOf(10),
  goals: [{ title: '40 % till arbete', kind: 'work_or_studies', fulfilment: { status: 'met', value: 1, target: 0.4, rule: 'Avslut till arbete', inputs: [{ label: 'Avslut', value: 10 }] } }],
  survey: [
    { text: 'Hur mår du?', stepChange: { pairs: 12, shares: { improved: 0.75, same: 0.25, worse: 0 } } },
    { text: 'Hur nära arbete känner du dig?', stepChange: { pairs: 12, shares: { improved: null, same: null, worse: null } } },
    { text: 'Ny fråga', stepChange: { pairs: 0, shares: { improved: null, same: null, worse: null } } },
  ],
  budget: { budget: { salaries: 100_000 }, actual: { salaries: 60_000, travel: 2_000 }, grant: 150_000, years: '2026' },
  parties: [{ name: 'Malmö stad', role: 'Insatsägare' }],
  narratives: { insatsbeskrivning: 'Vi <b>arbetar</b> med =SUMMA(A1)' },
  questions: [{ question: 'Hur går det?', askedOn: '2026-09-01', reply: null }],
  version: 1,
  submitted: null,
  ...over,
});
const table = (doc: ReportDocument, caption: string): ReportTable =>
  doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'table' ? [b.table] : [])).find((t) => t.caption === caption)!;

describe('fillReportDocument', () => {
  it('follows the template’s sections in order, with the lead’s text exactly as written', () => {
    const doc = fillReportDocument(input());
    expect(reportDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.title).toBe('Slutrapport 2026 T2 – Avanti');
    expect(doc.sections.map((s) => s.heading)).toEqual(slutrapport.sections.map((s) => s.heading));
    expect(doc.sections.find((s) => s.heading === 'Insatsbeskrivning')!.blocks).toEqual([{ kind: 'text', text: 'Vi <b>arbetar</b> med =SUMMA(A1)' }]);
    expect(doc.sections.find((s) => s.heading === 'Avvikelser från planering')!.blocks).toEqual([{ kind: 'text', text: '' }]);
  });

  it('fills goals, budget per cost category with the total, cost per participant and the signature once submitted', () => {
    const doc = fillReportDocument(input({ submitted: { by: 'Lena Ledare', on: '2026-09-10' } }));
    expect(table(doc, 'Mål och måluppfyllelse').rows).toEqual([{ goal: '40 % till arbete', rule: 'Avslut till arbete', inputs: 'Avslut: 10', value: '100 %', target: '40 %', met: 'Ja' }]);
    expect(table(doc, 'Budget mot utfall per kostnadsslag').rows).toEqual([
      { category: 'Lönekostnader', budget: 100_000, actual: 60_000, difference: 40_000, used: 0.6 },
      { category: 'Resekostnader', budget: 0, actual: 2_000, difference: -2_000, used: null },
      { category: 'Totalt', budget: 100_000, actual: 62_000, difference: 38_000, used: 0.62 },
    ]);
    expect(table(doc, 'Kostnad per deltagare och per resultat').rows.map((r) => r.amount)).toEqual([150_000, 62_000, 6_200, 6_200]);
    expect(table(doc, 'Underskrift').rows).toEqual([{ role: 'Ansvarig för insatsen', name: 'Lena Ledare', date: '2026-09-10' }]);
    expect(doc.meta).toContainEqual({ label: 'Inlämnad av', value: 'Lena Ledare' });
  });

  it('shows a suppressed figure as hidden, never as its value, and divides by no hidden count', () => {
    const figures = figuresOf(10);
    const hidden: KeyFiguresReport = { ...figures, volume: { ...figures.volume, participants: null, suppressed: ['participants'] }, flow: { ...figures.flow, exited: { ...figures.flow.exited, woman: null, total: null, suppressed: ['woman', 'total'] } } };
    const doc = fillReportDocument(input({ figures: hidden }));
    expect(table(doc, 'Flöde').rows.find((r) => r.line === 'Avslutade under perioden')).toMatchObject({ woman: { hidden: 'suppressed' }, total: { hidden: 'suppressed' }, man: 0 });
    expect(table(doc, 'Kostnad per deltagare och per resultat').rows[2].amount).toBeNull();
  });
});

describe('differencesBetween', () => {
  it('finds nothing when nothing changed, even with other text', () => {
    expect(differencesBetween(slutrapport.sections, fillReportDocument(input()), fillReportDocument(input({ narratives: { insatsbeskrivning: 'Ny text' } })))).toEqual([]);
  });

  it('names each figure a later registration changed, with the difference', () => {
    const differences = differencesBetween(slutrapport.sections, fillReportDocument(input()), fillReportDocument(input({ figures: figuresOf(11) })));
    expect(differences).toContainEqual({ section: 'Flöde och volymer', table: 'Flöde', row: 'Avslutade under perioden', column: 'Totalt', kind: 'count', frozen: 10, today: 11, difference: 1 });
    expect(differences.every((d) => d.section !== 'Frågor från förbundet')).toBe(true);
  });
  it('carries the survey’s stegförflyttning as a chart with its table, hidden cells as hidden and no answers as none', () => {
    const doc = fillReportDocument(input());
    const chart = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.chart.seriesKeys).toEqual(['improved']);
    const rows = chart?.kind === 'chart' ? chart.chart.table.rows : [];
    expect(rows.map((r) => [r.question, r.pairs, r.improved, r.worse])).toEqual([
      ['Hur mår du?', 12, 0.75, 0],
      ['Hur nära arbete känner du dig?', 12, { hidden: 'suppressed' }, { hidden: 'suppressed' }],
      ['Ny fråga', 0, null, null],
    ]);
  });
});
