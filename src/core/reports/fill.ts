// Fills a report template with what Stegvis knows (issue 12, item 5): the one pure function from
// the figures, goals, budget, narratives and questions to the ReportDocument every format shows.
import { labelOf } from '../code-lists.js';
import type { CategoryAmounts } from '../figures/budget.js';
import { budgetAgainstActual, costPerOutcome, costPerParticipant } from '../figures/budget.js';
import { exitGroupLabels, type Fulfilment, type GoalKind } from '../figures/goals.js';
import { calendarPeriodLabel, parseCalendarPeriod } from '../figures/periods.js';
import type { KeyFiguresReport } from '../schemas/key-figures-report.js';
import type { ReportBlock, ReportCell, ReportDocument, ReportSection, ReportTable } from './document.js';
import type { StepChange } from '../surveys/step-change.js';
import type { TemplateSection } from './templates.js';

export type FillInput = {
  templateName: string;
  sections: TemplateSection[];
  intervention: { name: string; owner: string; association: string | null; projectFrom: string; projectTo: string | null };
  /** "2026 T2" and its dates. */
  period: { label: string; from: string; to: string };
  /** The period's key figures, as the readers of the report may see them (suppressed outside the controller). */
  figures: KeyFiguresReport;
  goals: { title: string; kind: GoalKind; fulfilment: Fulfilment }[];
  /** The participant survey's stegförflyttning per ordinal question, all answers to date, suppressed. */
  survey: { text: string; stepChange: Pick<StepChange, 'pairs' | 'shares'> }[];
  /** Budget of the years the period touches, actual costs of its months, the years' granted funds. */
  budget: { budget: CategoryAmounts; actual: CategoryAmounts; grant: number | null; years: string };
  parties: { name: string; role: string }[];
  narratives: Record<string, string>;
  questions: { question: string; askedOn: string; reply: string | null }[];
  /** The version the document will be or is, and its submission once there is one (no status: it changes after freezing). */
  version: number;
  submitted: { by: string; on: string } | null;
};

/** The filled document: one section per template section, in the template's order. */
export function fillReportDocument(input: FillInput): ReportDocument {
  const meta = [
    { label: 'Insats', value: input.intervention.name },
    { label: 'Period', value: `${input.period.label} (${input.period.from} – ${input.period.to})` },
    { label: 'Version', value: String(input.version) },
    ...(input.submitted ? [{ label: 'Inlämnad av', value: input.submitted.by }, { label: 'Inlämnad', value: input.submitted.on }] : []),
  ];
  return {
    title: reportTitle(input.templateName, input.period.label, input.intervention.name),
    meta,
    sections: input.sections.map((section): ReportSection => ({ heading: section.heading, blocks: blocksOf(section, input) })),
  };
}

/** "Tertialrapport 2026 T2 – Avanti": the document's title, also in lists. */
export const reportTitle = (templateName: string, periodLabel: string, intervention: string) => `${templateName} ${periodLabel} – ${intervention}`;

/** A period's name as a report says it: "2026 T2", "Helår 2026", "Projektperioden". */
export function reportPeriodLabel(period: string): string {
  const calendar = parseCalendarPeriod(period);
  return calendar ? calendarPeriodLabel(calendar) : period;
}

const tableBlock = (table: ReportTable): ReportBlock => ({ kind: 'table', table });

function blocksOf(section: TemplateSection, input: FillInput): ReportBlock[] {
  switch (section.content) {
    case 'narrative':
      return [{ kind: 'text', text: input.narratives[section.key] ?? '' }];
    case 'intervention':
      return [tableBlock(interventionTable(input))];
    case 'parties':
      return [tableBlock({ caption: 'Parterna', columns: [text('organisation', 'Organisation'), text('role', 'Roll')], rows: input.parties.map((p) => ({ organisation: p.name, role: p.role })), notes: [] })];
    case 'flow':
      return [tableBlock(flowTable(input.figures)), tableBlock(volumeTable(input.figures))];
    case 'results':
      return [tableBlock(exitGroupTable(input.figures)), tableBlock(workOrStudiesTable(input.figures))];
    case 'goals':
      return [tableBlock(goalsTable(input.goals))];
    case 'survey':
      return surveyBlocks(input.survey);
    case 'budget':
      return [tableBlock(budgetTable(input))];
    case 'costs':
      return [tableBlock(costsTable(input))];
    case 'questions':
      return [tableBlock(questionsTable(input.questions))];
    case 'signature':
      return [tableBlock({
        caption: 'Underskrift',
        columns: [text('role', 'Roll'), text('name', 'Namn'), text('date', 'Datum')],
        rows: [{ role: 'Ansvarig för insatsen', name: input.submitted?.by ?? null, date: input.submitted?.on ?? null }],
        notes: [],
      })];
  }
}

const text = (key: string, label: string) => ({ key, label, kind: 'text' as const });
const count = (key: string, label: string) => ({ key, label, kind: 'count' as const });
const share = (key: string, label: string) => ({ key, label, kind: 'share' as const });
const money = (key: string, label: string) => ({ key, label, kind: 'money' as const });
const number = (key: string, label: string) => ({ key, label, kind: 'number' as const });

const hiddenNote = 'Dolt: färre än fem personer, eller ett tal som skulle avslöja ett sådant (små tal skyddas i rapporter som lämnar insatsägaren).';

/** A figure of an object whose `suppressed` lists the keys small-cell suppression hid. */
function cell(object: { suppressed?: string[] } & Record<string, unknown>, key: string): ReportCell {
  if (object.suppressed?.includes(key)) return { hidden: 'suppressed' };
  const value = object[key];
  return typeof value === 'number' ? value : null;
}

const genderColumns = [count('woman', 'Kvinnor'), count('man', 'Män'), count('other', 'Annat'), count('total', 'Totalt')];
const byGender = (line: { suppressed?: string[] } & Record<string, unknown>) =>
  Object.fromEntries(['woman', 'man', 'other', 'total', 'under_30'].map((k) => [k, cell(line, k)]));

function interventionTable(input: FillInput): ReportTable {
  const i = input.intervention;
  return {
    caption: 'Insatsen',
    columns: [text('item', 'Uppgift'), text('value', 'Värde')],
    rows: [
      { item: 'Insatsens namn', value: i.name },
      { item: 'Insatsägare', value: i.owner },
      { item: 'Förbund', value: i.association },
      { item: 'Insatsens tidsperiod', value: `${i.projectFrom} – ${i.projectTo ?? 'tills vidare'}` },
      { item: 'Rapportperiod', value: `${input.period.from} – ${input.period.to}` },
    ],
    notes: [],
  };
}

function flowTable(f: KeyFiguresReport): ReportTable {
  const rows = [
    ['Inskrivna under perioden', f.flow.enrolled],
    ['Aktiva under perioden', f.flow.active],
    ['Avslutade under perioden', f.flow.exited],
    ['Unika deltagare', f.flow.unique_participants],
  ] as const;
  return {
    caption: 'Flöde',
    columns: [text('line', 'Mått'), ...genderColumns, count('under_30', 'Under 30 år')],
    rows: [
      ...rows.map(([line, values]) => ({ line, ...byGender(values) })),
      { line: 'Anonymt registrerade', ...byGender(f.flow.anonymous), under_30: null },
    ],
    notes: [hiddenNote],
  };
}

function volumeTable(f: KeyFiguresReport): ReportTable {
  return {
    caption: 'Volym, beläggning och fullföljande',
    columns: [text('line', 'Mått'), number('value', 'Utfall'), number('of', 'Mål eller av'), share('share', 'Andel')],
    rows: [
      { line: 'Deltagare (unika och anonymt registrerade) mot volymmålet', value: cell(f.volume, 'participants'), of: cell(f.volume, 'target'), share: cell(f.volume, 'share') },
      { line: 'Beläggning: aktiva i medeltal mot platser', value: cell(f.occupancy, 'mean_active'), of: cell(f.occupancy, 'places'), share: cell(f.occupancy, 'rate') },
      { line: 'Avslut som fullföljt den planerade aktiviteten', value: cell(f.completion, 'completed'), of: cell(f.completion, 'recorded'), share: cell(f.completion, 'share') },
    ],
    notes: ['Volymmålet gäller ett kalenderår; andelen är utfallet delat med målet.'],
  };
}

function exitGroupTable(f: KeyFiguresReport): ReportTable {
  return {
    caption: 'Avslut per avslutsgrupp',
    columns: [text('line', 'Avslutsgrupp'), ...genderColumns, count('under_30', 'Under 30 år')],
    rows: f.exit_groups.map((g) => ({ line: exitGroupLabels[g.group] ?? g.group, ...byGender(g) })),
    notes: [hiddenNote],
  };
}

function workOrStudiesTable(f: KeyFiguresReport): ReportTable {
  const w = f.work_or_studies;
  const line = (label: string, key: 'woman' | 'man' | 'other' | 'total') => {
    const hidden = w.suppressed?.includes(key);
    return { line: label, count: hidden ? { hidden: 'suppressed' as const } : w[key].count, share: hidden ? { hidden: 'suppressed' as const } : w[key].share };
  };
  return {
    caption: 'Avslut till arbete eller studier',
    columns: [text('line', 'Grupp'), count('count', 'Antal'), share('share', 'Andel av avslutade')],
    rows: [line('Kvinnor', 'woman'), line('Män', 'man'), line('Annat', 'other'), line('Totalt', 'total')],
    notes: [f.rules.subsidised_counts_as_work ? 'Subventionerad anställning räknas som arbete.' : 'Subventionerad anställning räknas inte som arbete.'],
  };
}

const shareKinds: GoalKind[] = ['work_or_studies', 'further_step', 'completion', 'survey'];
const percent = (x: number) => `${String(Math.round(x * 1000) / 10).replace('.', ',')} %`;
function goalValue(kind: GoalKind, value: number | string | null): string | null {
  if (value === null || typeof value === 'string') return value;
  return shareKinds.includes(kind) ? percent(value) : String(value);
}
const metLabels = { met: 'Ja', not_met: 'Nej', no_data: 'Underlag saknas' } as const;

function goalsTable(goals: FillInput['goals']): ReportTable {
  return {
    caption: 'Mål och måluppfyllelse',
    columns: [text('goal', 'Mål'), text('rule', 'Regel'), text('inputs', 'Underlag'), text('value', 'Utfall'), text('target', 'Målvärde'), text('met', 'Uppfyllt')],
    rows: goals.map((g) => ({
      goal: g.title,
      rule: g.fulfilment.rule,
      inputs: g.fulfilment.inputs.map((i) => `${i.label}: ${i.value === null ? 'dolt eller saknas' : i.value}`).join('; ') || null,
      value: goalValue(g.kind, g.fulfilment.value),
      target: g.fulfilment.target === null ? null : goalValue(g.kind, g.fulfilment.target),
      met: metLabels[g.fulfilment.status],
    })),
    notes: goals.length ? ['Ett mål vars underlag är dolt för små tal bedöms inte (underlag saknas).'] : ['Insatsen har inga mål för perioden.'],
  };
}

function budgetTable(input: FillInput): ReportTable {
  const { rows, total } = budgetAgainstActual(input.budget.budget, input.budget.actual);
  const line = (label: string, r: (typeof rows)[number]) => ({ category: label, budget: r.budget, actual: r.actual, difference: r.difference, used: r.used });
  return {
    caption: 'Budget mot utfall per kostnadsslag',
    columns: [text('category', 'Kostnadsslag'), money('budget', 'Budget'), money('actual', 'Utfall'), money('difference', 'Kvar av budget'), share('used', 'Förbrukat')],
    rows: [...rows.map((r) => line(labelOf('cost_category', r.category) ?? r.category, r)), line('Totalt', total)],
    notes: [`Budget för ${input.budget.years}; utfall för periodens månader.`],
  };
}

function costsTable(input: FillInput): ReportTable {
  const actual = budgetAgainstActual(input.budget.budget, input.budget.actual).total.actual;
  const participants = input.figures.volume.suppressed?.includes('participants') ? null : input.figures.volume.participants;
  const outcomes = input.figures.work_or_studies.suppressed?.includes('total') ? null : input.figures.work_or_studies.total.count;
  return {
    caption: 'Kostnad per deltagare och per resultat',
    columns: [text('line', 'Mått'), money('amount', 'Belopp')],
    rows: [
      { line: `Beviljade medel ${input.budget.years}`, amount: input.budget.grant },
      { line: 'Kostnad under perioden', amount: actual },
      { line: 'Kostnad per deltagare', amount: costPerParticipant(actual, participants) },
      { line: 'Kostnad per avslut till arbete eller studier', amount: costPerOutcome(actual, outcomes) },
    ],
    notes: ['Deltagare: unika och anonymt registrerade under perioden. Saknas när antalet är noll eller dolt.'],
  };
}

function questionsTable(questions: FillInput['questions']): ReportTable {
  return {
    caption: 'Frågor från förbundet',
    columns: [text('question', 'Fråga'), text('asked', 'Ställd'), text('reply', 'Svar')],
    rows: questions.map((q) => ({ question: q.question, asked: q.askedOn, reply: q.reply })),
    notes: questions.length ? [] : ['Förbundet har inte ställt några frågor.'],
  };
}

// Suppression leaves a count or share null; a share is also null, and shown as "–", when no one answered both times.
const stepCell = (value: number | null, pairs: number | null): ReportCell => (value !== null ? value : pairs === 0 ? null : { hidden: 'suppressed' });

/** Bilaga 1's overview: per question the share of participants with a start and an exit answer whose answer improved, stayed and worsened, as a chart and its table. */
function surveyBlocks(survey: FillInput['survey']): ReportBlock[] {
  const table: ReportTable = {
    caption: 'Stegförflyttning per fråga',
    columns: [text('question', 'Fråga'), count('pairs', 'Svar vid start och avslut'), share('improved', 'Förbättrat'), share('same', 'Oförändrat'), share('worse', 'Försämrat')],
    rows: survey.map(({ text: question, stepChange: s }) => ({
      question,
      pairs: stepCell(s.pairs, s.pairs),
      improved: stepCell(s.shares.improved, s.pairs),
      same: stepCell(s.shares.same, s.pairs),
      worse: stepCell(s.shares.worse, s.pairs),
    })),
    notes: survey.length
      ? ['Deltagare som har svarat både vid start och vid avslut, alla svar hittills. En andel saknas när ingen har svarat båda gångerna.', hiddenNote]
      : ['Insatsen har inga enkätsvar med skalfrågor ännu.'],
  };
  if (survey.length === 0) return [tableBlock(table)];
  return [{ kind: 'chart', chart: { title: 'Andel med förbättrat svar per fråga', table, categoryKey: 'question', seriesKeys: ['improved'] } }];
}
