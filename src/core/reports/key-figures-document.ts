// The key-figures report (domain.md, "Key figures report") as a report document: the same
// figures as the JSON, in the tables and charts boards read, with Swedish headings and the
// definitions under each table. A value suppression hid is a hidden cell ("Dolt"); a value with
// no denominator is null ("–").
import { exitReasonGroupLabels, reportGenderLabels } from '../code-lists.js';
import { calendarPeriodLabel, calendarPeriodOf } from '../figures/periods.js';
import type { KeyFiguresReport, KeyFiguresScope } from '../schemas/key-figures-report.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';
import type { ReportCell, ReportColumnKind, ReportDocument, ReportTable } from './document.js';

type Counts = { [key: string]: unknown; suppressed?: string[] };

/** A figure of the JSON as a cell: hidden when suppression listed it, else its value. */
export const cellOf = (object: Counts, key: string, value: unknown = object[key]): ReportCell =>
  object.suppressed?.includes(key) ? { hidden: 'suppressed' } : typeof value === 'number' ? value : null;

const genders = ['woman', 'man', 'other', 'total'] as const;
const genderColumns = genders.map((g) => ({ key: g, label: reportGenderLabels[g], kind: 'count' as const }));

const ageBandTitles: Record<string, string> = { under_30: 'Under 30 år', '30_49': '30–49 år', '50_plus': '50 år och äldre', unknown: 'Ålder okänd' };

export function scopeText(scope: KeyFiguresScope): string {
  if ('team' in scope) return `Teamet ${scope.team} i insatsen ${scope.intervention}`;
  if ('intervention' in scope) return `Insatsen ${scope.intervention}`;
  return 'organisation' in scope ? `Organisationen ${scope.organisation}` : `Förbundet ${scope.association}`;
}

type FlowLines = OutcomesReport['flow'] & { unique_participants?: KeyFiguresReport['flow']['unique_participants'] };

/** The flow lines by gender (the outcomes and key-figures reports alike; unique participants when there). */
export function flowTable(flow: FlowLines): ReportTable {
  const lines: [string, Counts | undefined][] = [
    ['Inskrivna', flow.enrolled],
    ['Aktiva under perioden', flow.active],
    ['Avslutade', flow.exited],
    ['Unika deltagare', flow.unique_participants],
    ['Anonymt registrerade', flow.anonymous],
  ];
  return {
    caption: 'Deltagarflöde per kön',
    columns: [{ key: 'line', label: 'Benämning', kind: 'text' }, ...genderColumns, { key: 'under_30', label: 'Under 30 år', kind: 'count' }],
    rows: lines.flatMap(([line, counts]) =>
      counts ? [{ line, ...Object.fromEntries(genders.map((g) => [g, cellOf(counts, g)])), under_30: 'under_30' in counts ? cellOf(counts, 'under_30') : null }] : [],
    ),
    notes: [
      'Aktiva: inskrivna före periodens slut som inte avslutats före dess början. Unika deltagare: varje person en gång inom samma personuppgiftsansvariga organisation.',
      'Anonymt registrerade räknas bara i summor som säger "inklusive anonyma".',
    ],
  };
}

type ColumnSpec = [key: string, label: string, kind: ReportColumnKind];
const columnsOf = (specs: ColumnSpec[]) => specs.map(([key, label, kind]) => ({ key, label, kind }));

/** A table of one row: the figures of one JSON object, each in its column. */
function figuresTable(caption: string, object: Counts, columns: ColumnSpec[], note: string): ReportTable {
  return {
    caption,
    columns: columnsOf(columns),
    rows: [Object.fromEntries(columns.map(([key]) => [key, cellOf(object, key)]))],
    notes: [note],
  };
}

function volumeTables({ volume, occupancy, completion }: KeyFiguresReport): ReportTable[] {
  return [
    figuresTable('Volym', volume, [['participants', 'Deltagare inklusive anonyma', 'count'], ['target', 'Volymmål', 'count'], ['share', 'Volymmål uppfyllt', 'share']],
      'Unika deltagare och anonymt registrerade under perioden, mot periodens volymmål (volymmål finns per kalenderår).'),
    figuresTable('Beläggning', occupancy, [['mean_active', 'Aktiva per dag i genomsnitt', 'number'], ['places', 'Platser', 'count'], ['rate', 'Beläggningsgrad', 'share']],
      'Beläggningsgrad: aktiva per dag i genomsnitt delat med antalet platser; över 100 % när fler är inskrivna än det finns platser.'),
    figuresTable('Fullföljt', completion, [['completed', 'Avslut som fullföljt', 'count'], ['recorded', 'Avslut med uppgift om fullföljt', 'count'], ['share', 'Andel som fullföljt', 'share']],
      'Avslut utan uppgift om fullföljt räknas inte med.'),
  ];
}

function exitGroupsTable(report: KeyFiguresReport): ReportTable {
  return {
    caption: 'Avslut per grupp av avslutsorsaker',
    columns: [{ key: 'group', label: 'Grupp', kind: 'text' }, ...genderColumns, { key: 'under_30', label: 'Under 30 år', kind: 'count' }],
    rows: report.exit_groups.map((row) => ({
      group: exitReasonGroupLabels[row.group as keyof typeof exitReasonGroupLabels] ?? row.group,
      ...Object.fromEntries([...genders, 'under_30'].map((key) => [key, cellOf(row, key)])),
    })),
    notes: report.exit_groups.length === 0 ? ['Inga avslut under perioden.'] : [],
  };
}

/** Exits to work or studies by gender, with the report's rule for subsidised employment. */
export function workOrStudiesTable(report: Pick<OutcomesReport, 'work_or_studies' | 'rules'>): ReportTable {
  const ws = report.work_or_studies;
  return {
    caption: 'Avslut till arbete eller studier per kön',
    columns: columnsOf([['gender', 'Kön', 'text'], ['count', 'Till arbete eller studier', 'count'], ['share', 'Andel av avslutade', 'share']]),
    rows: genders.map((g) => ({ gender: reportGenderLabels[g], count: cellOf(ws, g, ws[g].count), share: cellOf(ws, g, ws[g].share) })),
    notes: [report.rules.subsidised_counts_as_work ? 'Subventionerad anställning räknas som arbete.' : 'Subventionerad anställning räknas inte som arbete.'],
  };
}

function ageBandTable(report: KeyFiguresReport): ReportTable {
  return {
    caption: 'Avslut till arbete eller studier per ålder vid start',
    columns: columnsOf([['band', 'Ålder vid start', 'text'], ['exited', 'Avslutade', 'count'], ['count', 'Till arbete eller studier', 'count'], ['share', 'Andel', 'share']]),
    rows: report.work_or_studies_by_age_band.map((row) => ({ band: ageBandTitles[row.band] ?? row.band, exited: cellOf(row, 'exited'), count: cellOf(row, 'count'), share: cellOf(row, 'share') })),
    notes: [],
  };
}

/** The chart of a flow table: a bar per gender for each line. */
export const flowChart = (table: ReportTable) => ({ title: 'Deltagarflöde per kön', table, categoryKey: 'line', seriesKeys: ['woman', 'man', 'other'] });

/** The chart of a work-or-studies table: the share per gender. */
export const workOrStudiesChart = (table: ReportTable) => ({ title: 'Andel till arbete eller studier per kön', table, categoryKey: 'gender', seriesKeys: ['share'] });

/** The meta line saying whether small numbers are hidden. */
export const smallNumbersMeta = (k: number | null) => ({
  label: 'Små tal',
  value: k ? `Antal från 1 till ${k - 1} visas som Dolt, och fler rutor döljs så att de inte kan räknas fram.` : 'Exakta siffror (för den personuppgiftsansvariga organisationens personal).',
});

/** The period as boards name it ("2025 T2", "Helår 2025"), else its dates. */
export function periodText(period: { from: string; to: string }): string {
  const calendar = calendarPeriodOf(period, null);
  return calendar ? calendarPeriodLabel(calendar) : `${period.from} – ${period.to}`;
}

export function keyFiguresDocument(report: KeyFiguresReport): ReportDocument {
  const k = report.rules.suppression_threshold;
  const flow = flowTable(report.flow);
  const ws = workOrStudiesTable(report);
  const ages = ageBandTable(report);
  return {
    title: `Nyckeltal ${periodText(report.period)} – ${scopeText(report.scope)}`,
    meta: [
      { label: 'Avser', value: scopeText(report.scope) },
      { label: 'Period', value: `${report.period.from} – ${report.period.to}` },
      smallNumbersMeta(k),
    ],
    sections: [
      { heading: 'Deltagarflöde', blocks: [{ kind: 'chart', chart: flowChart(flow) }] },
      { heading: 'Volym, beläggning och fullföljande', blocks: volumeTables(report).map((table) => ({ kind: 'table', table })) },
      {
        heading: 'Avslut',
        blocks: [
          { kind: 'table', table: exitGroupsTable(report) },
          { kind: 'chart', chart: workOrStudiesChart(ws) },
          { kind: 'chart', chart: { title: 'Andel till arbete eller studier per ålder vid start', table: ages, categoryKey: 'band', seriesKeys: ['share'] } },
        ],
      },
    ],
  };
}
