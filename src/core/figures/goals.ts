// Goals of an intervention and their fulfilment (issue 12, item 1): each goal kind has a pure
// function from the period's key figures (and, for the kinds whose figures live elsewhere, their
// own input) to value, target, met yes/no, the rule in words and the exact inputs used.
import { labelOf } from '../code-lists.js';
import type { KeyFiguresReport } from '../schemas/key-figures-report.js';
import { roundedShare } from './key-figures.js';

export const goalKinds = ['volume', 'work_or_studies', 'further_step', 'completion', 'employment', 'survey', 'manual'] as const;
export type GoalKind = (typeof goalKinds)[number];

export type Goal = {
  kind: GoalKind;
  /** A count (volume, employment) or a share 0…1 (the share kinds). Unused for manual goals. */
  target: number;
  /** further_step: the exit groups that count as a further step. */
  exitGroups: string[];
  /** employment: the employment types counted (empty = all). */
  employmentTypes: string[];
  employmentMeasure: 'started' | 'persons' | null;
  /** survey: the question whose answers are compared before and after. */
  surveyQuestion: string | null;
  /** manual: the outcome and whether it was met, as the lead states them. */
  statedValue: string | null;
  statedMet: boolean | null;
};

/** Employments by type as the case-work figures give them (domain.md, "employments started" / "persons employed"). */
export type EmploymentFigures = { type: string; started: number; persons: number }[];
/** What the surveys give for a question: respondents with both answers, and those who improved. */
export type SurveyFigures = { answered: number; improved: number };

export type Input = { label: string; value: number | string | null };
export type Fulfilment = {
  status: 'met' | 'not_met' | 'no_data';
  /** The value reached: a count, a share, or the stated text; null when there is no data (or it is hidden). */
  value: number | string | null;
  target: number | null;
  rule: string;
  inputs: Input[];
};

const pct = (share: number) => `${Math.round(share * 100)} %`;

function judged(value: number | null, target: number, rule: string, inputs: Input[]): Fulfilment {
  if (value === null) return { status: 'no_data', value: null, target, rule, inputs };
  return { status: value >= target ? 'met' : 'not_met', value, target, rule, inputs };
}

/** A share count ÷ all as a goal's value; null when either is hidden or there is nothing to divide by. */
const shareOf = (count: number | null, all: number | null) => (count === null || all === null ? null : roundedShare(count, all));

/** volume: (unique participants + anonymous) in the period ≥ the target number. */
export function volumeFulfilment(goal: Goal, f: KeyFiguresReport): Fulfilment {
  return judged(f.volume.participants, goal.target, 'Unika deltagare och anonymt registrerade under perioden, minst målet', [
    { label: 'Unika deltagare', value: f.flow.unique_participants.total },
    { label: 'Anonymt registrerade', value: f.flow.anonymous.total },
  ]);
}

/** work or studies: exits to work or studies ÷ all exits in the period ≥ the target share. */
export function workOrStudiesFulfilment(goal: Goal, f: KeyFiguresReport): Fulfilment {
  const count = f.work_or_studies.total.count;
  const all = f.flow.exited.total;
  const rule = `Avslut till arbete eller studier delat med alla avslut, minst ${pct(goal.target)}${f.rules.subsidised_counts_as_work ? ' (subventionerad anställning räknas som arbete)' : ''}`;
  return judged(shareOf(count, all), goal.target, rule, [
    { label: 'Avslut till arbete eller studier', value: count },
    { label: 'Alla avslut', value: all },
  ]);
}

/** further step: exits in the chosen exit groups ÷ all exits in the period ≥ the target share. */
export function furtherStepFulfilment(goal: Goal, f: KeyFiguresReport): Fulfilment {
  const rows = f.exit_groups.filter((g) => goal.exitGroups.includes(g.group));
  const count = rows.some((g) => g.total === null) ? null : rows.reduce((s, g) => s + g.total!, 0);
  const all = f.flow.exited.total;
  const groups = goal.exitGroups.map((g) => exitGroupLabels[g] ?? g).join(', ');
  return judged(shareOf(count, all), goal.target, `Avslut till ${groups} delat med alla avslut, minst ${pct(goal.target)}`, [
    { label: `Avslut till ${groups}`, value: count },
    { label: 'Alla avslut', value: all },
  ]);
}

/** completion: exits marked completed ÷ exits with the mark recorded ≥ the target share. */
export function completionFulfilment(goal: Goal, f: KeyFiguresReport): Fulfilment {
  const { completed, recorded } = f.completion;
  return judged(shareOf(completed, recorded), goal.target, `Avslut som fullföljt den planerade aktiviteten delat med avslut där det är angivet, minst ${pct(goal.target)}`, [
    { label: 'Fullföljda', value: completed },
    { label: 'Avslut där fullföljt är angivet', value: recorded },
  ]);
}

/**
 * employment: employments started, or persons employed, of the chosen employment types (all when
 * none is chosen) in the period ≥ the target number. Persons are summed over the chosen types, so
 * someone employed in two of them counts twice (as the seeds count "800 extratjänster, 200
 * UVA/OSA"). A chosen type with none counts 0. No data when the figures are not given (hidden).
 */
export function employmentFulfilment(goal: Goal, employments: EmploymentFigures | null): Fulfilment {
  const types = goal.employmentTypes.length ? goal.employmentTypes.map((t) => labelOf('employment_type', t) ?? t).join(', ') : 'alla anställningsformer';
  const measure = goal.employmentMeasure === 'persons' ? 'Personer anställda' : 'Påbörjade anställningar';
  const rule = `${measure} (${types}) under perioden, minst målet`;
  if (!employments) return { status: 'no_data', value: null, target: goal.target, rule, inputs: [] };
  const measured = (e: EmploymentFigures[number]) => (goal.employmentMeasure === 'persons' ? e.persons : e.started);
  const rows = goal.employmentTypes.length
    ? goal.employmentTypes.map((type) => employments.find((e) => e.type === type) ?? { type, started: 0, persons: 0 })
    : employments;
  const value = rows.reduce((s, e) => s + measured(e), 0);
  return judged(value, goal.target, rule, rows.map((e) => ({ label: labelOf('employment_type', e.type) ?? e.type, value: measured(e) })));
}

/**
 * survey: respondents who improved on the question ÷ respondents with both a start and an exit
 * answer (stegförflyttning, core/surveys/step-change.ts) ≥ the target share; no data when nobody
 * has both answers or the figures are not given (hidden).
 */
export function surveyFulfilment(goal: Goal, survey: SurveyFigures | null): Fulfilment {
  const rule = `Andel som förbättrat sig på frågan ${goal.surveyQuestion ?? ''}, minst ${pct(goal.target)}`.replace('  ', ' ');
  if (!survey) return { status: 'no_data', value: null, target: goal.target, rule, inputs: [] };
  return judged(roundedShare(survey.improved, survey.answered), goal.target, rule, [
    { label: 'Förbättrade', value: survey.improved },
    { label: 'Svarade före och efter', value: survey.answered },
  ]);
}

/** manual: the outcome and whether the goal was met, as the lead states them. */
export function manualFulfilment(goal: Goal): Fulfilment {
  const rule = 'Utfallet anges av insatsens ansvariga';
  if (goal.statedMet === null) return { status: 'no_data', value: goal.statedValue, target: null, rule, inputs: [] };
  return { status: goal.statedMet ? 'met' : 'not_met', value: goal.statedValue, target: null, rule, inputs: [] };
}

export function fulfilmentOf(goal: Goal, figures: KeyFiguresReport, extra: { employments: EmploymentFigures | null; survey: SurveyFigures | null }): Fulfilment {
  switch (goal.kind) {
    case 'volume':
      return volumeFulfilment(goal, figures);
    case 'work_or_studies':
      return workOrStudiesFulfilment(goal, figures);
    case 'further_step':
      return furtherStepFulfilment(goal, figures);
    case 'completion':
      return completionFulfilment(goal, figures);
    case 'employment':
      return employmentFulfilment(goal, extra.employments);
    case 'survey':
      return surveyFulfilment(goal, extra.survey);
    case 'manual':
      return manualFulfilment(goal);
  }
}

export const exitGroupLabels: Record<string, string> = {
  work: 'arbete',
  studies: 'studier',
  labour_market: 'arbetsmarknadsåtgärder',
  further_measures: 'vidare insatser',
  other: 'övrigt',
  interrupted: 'avbrott',
};

/**
 * An employment or survey goal as a reader outside the controlling organisation sees it. Their
 * counts are not decided as a suppression family across periods, so no count is shown (a year's
 * and its tertials' could be differenced): only whether the goal was met, and only when the
 * period's base (the employments counted, or the respondents with a start and an exit answer)
 * holds at least k; otherwise the goal is not judged.
 */
export function metOnly(fulfilment: Fulfilment, base: number | null, k: number): Fulfilment {
  const inputs = fulfilment.inputs.map((input) => ({ ...input, value: null }));
  if (fulfilment.status === 'no_data' || base === null || base < k) {
    return { ...fulfilment, status: 'no_data', value: null, inputs, rule: `${fulfilment.rule} (dolt utanför den ansvariga organisationen: för litet underlag)` };
  }
  return { ...fulfilment, value: null, inputs, rule: `${fulfilment.rule} (utanför den ansvariga organisationen visas bara om målet nåddes)` };
}
