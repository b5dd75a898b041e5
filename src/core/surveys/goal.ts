import type { StepChange } from './step-change.js';

/**
 * A survey goal, such as Aktivitetscenter's "75 % ska uppleva ett förbättrat mående": the share of
 * participants whose answer to the chosen question improved from start to exit (stegförflyttning,
 * step-change.ts), against a target share. For the goal kinds of the board reports: call it with
 * the question's StepChange for the report's period and scope, and the goal's target as a
 * fraction (0.75).
 *
 * `met` is null when the goal cannot be judged: no participant has both a start and an exit
 * answer, or the share is suppressed for the reader (too few to publish).
 */
export type SurveyGoalResult = { value: number | null; target: number; met: boolean | null; pairs: number | null };

export function surveyGoal(change: StepChange, target: number): SurveyGoalResult {
  if (!(target >= 0 && target <= 1)) throw new RangeError('A survey goal’s target is a share from 0 to 1');
  const value = change.shares.improved;
  return { value, target, met: value === null ? null : value >= target, pairs: change.pairs };
}
