// A board's report document rendered to PDF (issue 12: "a report document rendered to PDF under
// 3 s"): a tertialrapport with every section of the Malmö and Sundsvall templates — narrative,
// goals, budget per cost category, the monthly result series — and the key figures of a year of
// 600 enrolments: 14 sections, 10 tables and 5 charts (each chart also shown as its table). Floor: pdfmake rendering the same document with each
// chart replaced by its table (no ECharts, no SVG), interleaved with the measured runs. Median
// and p95. Run: npx tsx bench/report-pdf.ts [--runs 20] — writes bench/results/report-pdf.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeKeyFigures, type KeyFact } from '../src/core/figures/key-figures.js';
import type { ReportDocument, ReportSection } from '../src/core/reports/document.js';
import { keyFiguresDocument } from '../src/core/reports/key-figures-document.js';
import { documentDefinition } from '../src/server/exports/document.pdf.js';
import { renderReportDocument } from '../src/server/exports/render.js';
import { pdfmakeWithStandardFonts } from '../src/server/pdf/pdfmake.js';
import { log, parseArgs } from './lib/args.js';
import { headCommit } from './lib/machine.js';
import { round, summarise } from './lib/stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const runs = Number(args.get('runs') ?? 20);
const budgetMs = 3000;

/** A deterministic pseudo-random sequence (the same document on every run and machine). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function keyFacts(count: number): KeyFact[] {
  const next = random(2026);
  const reasons = ['work', 'studies', 'job_seeking', 'other_intervention', 'moved', 'interrupted', 'sick_leave'];
  const day = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(next() * 330) - 200;
    const exit = next() < 0.7 ? start + Math.floor(next() * 300) : null;
    return {
      person: `p${Math.floor(next() * count * 0.9)}`, id: `e${i}`, gender: next() < 0.55 ? 'woman' : next() < 0.97 ? 'man' : 'other',
      birthDate: null, birthYear: 1960 + Math.floor(next() * 45), startDate: day(start),
      exitDate: exit === null ? null : day(exit), exitReason: exit === null ? null : reasons[Math.floor(next() * reasons.length)]!,
      exitCompleted: exit === null ? null : next() < 0.85,
    };
  });
}

const paragraph = 'Insatsen har under perioden arbetat vidare med stegförflyttningar för deltagare långt från arbetsmarknaden. Samverkan med Arbetsförmedlingen och Försäkringskassan har fungerat väl i trepartsmötena, och fler deltagare än tidigare har gått vidare till praktik och studier. Väntetiden till kartläggning har kortats.';
const narrative = (heading: string): ReportSection => ({ heading, blocks: [{ kind: 'text', text: [paragraph, paragraph, paragraph].join('\n\n') }] });
const months = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

function boardReport(): ReportDocument {
  const next = random(7);
  const figures = keyFiguresDocument(computeKeyFigures({ scope: { intervention: 'AVANTI' }, period: { from: '2025-01-01', to: '2025-12-31' }, enrolments: keyFacts(600), anonymous: [{ year: 2025, gender: 'woman', count: 8 }], volumeTarget: 575, places: 200 }));
  const goals: ReportSection = {
    heading: 'Mål med ja/nej och utfall',
    blocks: [{ kind: 'table', table: {
      caption: 'Mål och utfall',
      columns: [{ key: 'goal', label: 'Mål', kind: 'text' }, { key: 'target', label: 'Målvärde', kind: 'share' }, { key: 'value', label: 'Utfall', kind: 'share' }, { key: 'met', label: 'Uppfyllt', kind: 'text' }],
      rows: ['Till arbete eller studier', 'Går vidare till nästa steg', 'Fullföljer planerad aktivitet', 'Volymmål', 'Skriftligt underlag'].map((goal) => {
        const target = round(0.4 + next() * 0.5, 2);
        const value = round(target + (next() - 0.5) * 0.2, 4);
        return { goal, target, value, met: value >= target ? 'Ja' : 'Nej' };
      }),
      notes: ['Utfallet räknas fram ur periodens nyckeltal.'],
    } }],
  };
  const categories = ['Aktiviteter', 'Externa tjänster', 'Lönekostnader', 'Lokalkostnader', 'Material', 'Resekostnader', 'Övriga'];
  const budgetTable = {
    caption: 'Budget och utfall per kostnadsslag',
    columns: [{ key: 'category', label: 'Kostnadsslag', kind: 'text' as const }, { key: 'budget', label: 'Budget', kind: 'money' as const }, { key: 'actual', label: 'Utfall', kind: 'money' as const }],
    rows: categories.map((category) => ({ category, budget: Math.round(next() * 2e6), actual: Math.round(next() * 2e6) })),
    notes: [],
  };
  const series = {
    caption: 'Månadsresultat: avslut till arbete eller studier av aktiva',
    columns: [{ key: 'month', label: 'Månad', kind: 'text' as const }, { key: 'now', label: '2025', kind: 'share' as const }, { key: 'before', label: '2024', kind: 'share' as const }],
    rows: months.map((month) => ({ month, now: round(next() * 0.12, 4), before: round(next() * 0.12, 4) })),
    notes: ['Prognos: ett månadsresultat på cirka 6,7 % behövs resten av året för att nå målet.'],
  };
  return {
    title: 'Tertialrapport 2025 T3 – Avanti',
    meta: [{ label: 'Insats', value: 'Avanti' }, { label: 'Period', value: '2025-09-01 – 2025-12-31' }, { label: 'Status', value: 'Inlämnad 2026-01-15 av insatsansvarig' }],
    sections: [
      narrative('Insatsen'),
      narrative('Parterna'),
      narrative('Resultat och uppnådda effekter'),
      goals,
      narrative('Effektmål och stegförflyttningar'),
      { heading: 'Flöde och volymer', blocks: [{ kind: 'chart', chart: { title: series.caption, table: series, categoryKey: 'month', seriesKeys: ['now', 'before'] } }] },
      ...figures.sections,
      narrative('Hinder för samverkan'),
      narrative('Vad har fungerat bra'),
      narrative('Avvikelser'),
      { heading: 'Ekonomisk rapport', blocks: [{ kind: 'chart', chart: { title: budgetTable.caption, table: budgetTable, categoryKey: 'category', seriesKeys: ['budget', 'actual'] } }] },
      narrative('Frågor från förbundet'),
    ],
  };
}

const document = boardReport();
const stats = (values: number[]) => ({ ...summarise(values), median: round(summarise(values).median), p95: p95(values) });
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
const timed = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const render = () => renderReportDocument(document, 'pdf');
const floor = () => pdfmakeWithStandardFonts().createPdf(documentDefinition(document, { charts: false })).getBuffer();

const loadBefore = os.loadavg().map((l) => round(l, 2));
await render();
await floor();
const times = { pdf: [] as number[], floor: [] as number[] };
for (let i = 0; i < runs; i++) {
  // Interleaved, so a change in the machine's load touches both alike.
  times.floor.push(round(await timed(floor)));
  times.pdf.push(round(await timed(render)));
}
const file = (await render()).body;
const tables = document.sections.flatMap((s) => s.blocks).filter((b) => b.kind !== 'text').length;
const result = {
  date: new Date().toISOString(),
  commit: headCommit(),
  cpus: os.cpus().length,
  loadAverage: { before: loadBefore, after: os.loadavg().map((l) => round(l, 2)) },
  document: { sections: document.sections.length, tablesAndCharts: tables, charts: document.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart').length, bytes: file.length },
  ms: { pdf: stats(times.pdf), floor: stats(times.floor), budget: budgetMs },
  ok: stats(times.pdf).median < budgetMs && stats(times.pdf).p95 < budgetMs,
};
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', 'report-pdf.json'), `${JSON.stringify(result, null, 2)}\n`);
log(`report PDF: median ${result.ms.pdf.median} ms, p95 ${result.ms.pdf.p95} ms; floor median ${result.ms.floor.median} ms`);
process.exit(result.ok ? 0 : 1);
