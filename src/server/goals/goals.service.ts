import { fulfilmentOf, manualFulfilment, metOnly, type Fulfilment, type Goal } from '../../core/figures/goals.js';
import { parseCalendarPeriod, rangeOf } from '../../core/figures/periods.js';
import type { Period } from '../../core/dates.js';
import type { KeyFiguresReport } from '../../core/schemas/key-figures-report.js';
import type { GoalInput } from '../../core/schemas/goals.js';
import { goalsCan } from '../access/goals-policy.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, notFound } from '../errors.js';
import { findVisibleIntervention, teamsOf } from '../interventions/intervention.repository.js';
import { keyFiguresFor } from '../reports/key-figures.service.js';
import { employmentFiguresOf, surveyFiguresOf } from './goal-inputs.js';
import { deleteGoal, findGoal, goalsOf, insertGoal, updateGoal, type GoalRow } from './goals.repository.js';

/** The intervention as the reader sees it, with what they may do to its goals and budget; not found when out of reach. */
export async function interventionForGoals(db: Db, ctx: RequestContext, interventionId: string) {
  const intervention = await findVisibleIntervention(db, ctx.actor, interventionId);
  if (!intervention) throw notFound();
  const teamIds = (await teamsOf(db, [interventionId])).map((t) => t.id);
  const can = goalsCan(ctx.actor, { id: intervention.id, ownerOrgId: intervention.owner_org_id, associationId: intervention.association_id, teamIds });
  if (!can.read) throw notFound();
  return { intervention, can };
}

const noEdit = () =>
  new AppError('forbidden', 'Bara insatsens ansvariga och förbundets administratör kan ändra mål och budget.');

export const goalOf = (row: GoalRow): Goal => ({
  kind: row.kind,
  target: Number(row.target),
  exitGroups: row.exit_groups,
  employmentTypes: row.employment_types,
  employmentMeasure: row.employment_measure,
  surveyQuestion: row.survey_question,
  statedValue: row.stated_value,
  statedMet: row.stated_met,
});

/**
 * Every goal of the intervention with its fulfilment over its period's key figures (exact or
 * suppressed as the reader may see them). Employment goals take the case work's employments and
 * survey goals the surveys' stegförflyttning of the period (goal-inputs.ts). Those counts are not
 * part of a suppression family: goals of nested periods (a year and its tertials) could be
 * differenced to reveal a small count, so readers who get suppressed figures see of these two
 * kinds only whether the goal was met, on a base of at least k (judgeOnOwnCounts).
 */
export async function listGoals(ctx: RequestContext, interventionId: string) {
  const { intervention, can } = await interventionForGoals(ctx.db, ctx, interventionId);
  const rows = await goalsOf(ctx.db, interventionId);
  const project = intervention.end_date ? { from: intervention.start_date, to: intervention.end_date } : null;
  const figures = new Map<string, KeyFiguresReport | null>();
  for (const period of new Set(rows.map((r) => r.period))) {
    figures.set(period, await figuresOf(ctx, intervention.code, period));
  }
  const goals = [];
  for (const row of rows) {
    const goal = goalOf(row);
    const calendar = parseCalendarPeriod(row.period);
    const range = calendar ? rangeOf(calendar, project) : null;
    const report = figures.get(row.period) ?? null;
    const fulfilment: Fulfilment =
      report && range ? await judge(ctx, interventionId, goal, report, range)
      : goal.kind === 'manual' ? manualFulfilment(goal)
      : { status: 'no_data', value: null, target: goal.target, rule: 'Perioden saknar slutdatum: ange insatsens slutdatum', inputs: [] };
    goals.push({
      id: row.id,
      period: row.period,
      from: range?.from ?? null,
      to: range?.to ?? null,
      title: row.title,
      ...goal,
      fulfilment,
    });
  }
  return { goals, can: { edit: can.edit } };
}

/** A goal judged on its period's figures, with the employments or survey answers its kind needs. */
async function judge(ctx: RequestContext, interventionId: string, goal: Goal, report: KeyFiguresReport, range: Period): Promise<Fulfilment> {
  const judged = await judgeOnOwnCounts(ctx.db, interventionId, goal, report, range);
  // Survey answers are read with an audit row, as the results page reads them.
  if (goal.kind === 'survey' && goal.surveyQuestion) await writeAudit(ctx.db, ctx.audit, [{ action: 'read', entity: 'survey_results', details: { interventionId, question: goal.surveyQuestion, period: range } }]);
  return judged;
}

/**
 * A goal judged on the period's figures as their reader may see them: an employment or survey goal
 * on the case work's employments or the survey's stegförflyttning of the period, and for a reader
 * who gets suppressed figures (report.rules.suppression_threshold set) only whether it was met
 * (core/figures/goals.ts metOnly).
 */
export async function judgeOnOwnCounts(db: Db, interventionId: string, goal: Goal, report: KeyFiguresReport, range: Period): Promise<Fulfilment> {
  const employments = goal.kind === 'employment' ? await employmentFiguresOf(db, interventionId, range) : null;
  const survey = goal.kind === 'survey' && goal.surveyQuestion ? await surveyFiguresOf(db, interventionId, goal.surveyQuestion, range) : null;
  const fulfilment = fulfilmentOf(goal, report, { employments, survey });
  const k = report.rules.suppression_threshold;
  if (k === null || (goal.kind !== 'employment' && goal.kind !== 'survey')) return fulfilment;
  const base = goal.kind === 'employment' ? (typeof fulfilment.value === 'number' ? fulfilment.value : null) : (survey?.answered ?? null);
  return metOnly(fulfilment, base, k);
}

async function figuresOf(ctx: RequestContext, code: string, period: string): Promise<KeyFiguresReport | null> {
  try {
    return await keyFiguresFor(ctx, { scope: { intervention: code }, period, suppress: false });
  } catch (error) {
    // A project period without an end date has no figures yet.
    if (error instanceof AppError && error.code === 'bad_request') return null;
    throw error;
  }
}

export async function createGoal(ctx: RequestContext, interventionId: string, input: GoalInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { can } = await interventionForGoals(trx, ctx, interventionId);
    if (!can.edit) throw noEdit();
    const id = await insertGoal(trx, interventionId, input);
    await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'goal', details: { interventionId, goalId: id, kind: input.kind } }]);
    return { id };
  });
}

export async function changeGoal(ctx: RequestContext, interventionId: string, goalId: string, input: GoalInput | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const { can } = await interventionForGoals(trx, ctx, interventionId);
    if (!(await findGoal(trx, interventionId, goalId))) throw notFound();
    if (!can.edit) throw noEdit();
    if (input) await updateGoal(trx, interventionId, goalId, input);
    else await deleteGoal(trx, interventionId, goalId);
    await writeAudit(trx, ctx.audit, [{ action: input ? 'update' : 'delete', entity: 'goal', details: { interventionId, goalId } }]);
    return { id: goalId };
  });
}
