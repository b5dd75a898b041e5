import type { Period } from '../../core/dates.js';
import { employmentFiguresFromRows } from '../../core/figures/employments.js';
import type { EmploymentFigures, SurveyFigures } from '../../core/figures/goals.js';
import type { SurveyVariant } from '../../core/surveys/questionnaire.js';
import { stepChange } from '../../core/surveys/step-change.js';
import type { Db } from '../db/connection.js';
import { employmentCounts } from '../reports/case-figures.repository.js';
import { ordinalAnswersOfKey } from '../surveys/results.repository.js';

// The inputs of the goal kinds whose figures are not key figures (core/figures/goals.ts): the
// employments of the case work and the surveys' stegförflyttning, for one intervention and period.

/** Employments started in the period and persons employed in it, by employment type. */
export async function employmentFiguresOf(db: Db, interventionId: string, period: Period): Promise<EmploymentFigures> {
  const { started, persons } = employmentFiguresFromRows(await employmentCounts(db, [interventionId], period));
  const types = [...new Set([...started, ...persons.types].map((r) => r.type))];
  const totalOf = (rows: { type: string; total: number }[], type: string) => rows.find((r) => r.type === type)?.total ?? 0;
  return types.map((type) => ({ type, started: totalOf(started, type), persons: totalOf(persons.types, type) }));
}

/**
 * Stegförflyttning on one question for the participants whose exit answer came in the period:
 * their first start answer against their last exit answer (step-change.ts), within one version of
 * the question, so a changed question never pairs with old answers.
 */
export async function surveyFiguresOf(db: Db, interventionId: string, questionKey: string, period: Period): Promise<SurveyFigures> {
  const answers = (await ordinalAnswersOfKey(db, interventionId, questionKey)).map((a) => ({
    participant: `${a.question_id} ${a.enrolment_id}`,
    variant: a.variant as SurveyVariant,
    at: new Date(a.submitted_at).toISOString(),
    value: a.value!,
  }));
  const day = (at: string) => at.slice(0, 10);
  const exitedInPeriod = new Set(answers.filter((a) => a.variant === 'exit' && day(a.at) >= period.from && day(a.at) <= period.to).map((a) => a.participant));
  const change = stepChange(answers.filter((a) => exitedInPeriod.has(a.participant) && (a.variant === 'start' || day(a.at) <= period.to)));
  return { answered: change.pairs ?? 0, improved: change.improved ?? 0 };
}
