import type { GoalInput } from '../../core/schemas/goals.js';
import type { Db } from '../db/connection.js';

const columns = [
  'id', 'period', 'kind', 'title', 'target', 'exit_groups', 'employment_types', 'employment_measure',
  'survey_question', 'stated_value', 'stated_met',
] as const;

export type GoalRow = Awaited<ReturnType<typeof goalsOf>>[number];

export function goalsOf(db: Db, interventionId: string) {
  return db.selectFrom('intervention_goals').select(columns).where('intervention_id', '=', interventionId).orderBy('period').orderBy('created_at').execute();
}

/** The goals of several interventions set for one period (the förbund's dashboard). */
export function goalsForPeriod(db: Db, interventionIds: string[], period: string) {
  if (interventionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('intervention_goals')
    .select(['intervention_id', ...columns])
    .where('intervention_id', 'in', interventionIds)
    .where('period', '=', period)
    .orderBy('created_at')
    .execute();
}

export function findGoal(db: Db, interventionId: string, goalId: string) {
  return db.selectFrom('intervention_goals').select(columns).where('intervention_id', '=', interventionId).where('id', '=', goalId).executeTakeFirst();
}

const values = (g: GoalInput) => ({
  period: g.period,
  kind: g.kind,
  title: g.title,
  target: g.target,
  exit_groups: g.exitGroups,
  employment_types: g.employmentTypes,
  employment_measure: g.employmentMeasure,
  survey_question: g.surveyQuestion,
  stated_value: g.statedValue,
  stated_met: g.statedMet,
});

export async function insertGoal(db: Db, interventionId: string, goal: GoalInput): Promise<string> {
  return (await db.insertInto('intervention_goals').values({ intervention_id: interventionId, ...values(goal) }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateGoal(db: Db, interventionId: string, goalId: string, goal: GoalInput) {
  await db.updateTable('intervention_goals').set({ ...values(goal), updated_at: new Date() }).where('intervention_id', '=', interventionId).where('id', '=', goalId).execute();
}

export async function deleteGoal(db: Db, interventionId: string, goalId: string) {
  await db.deleteFrom('intervention_goals').where('intervention_id', '=', interventionId).where('id', '=', goalId).execute();
}
