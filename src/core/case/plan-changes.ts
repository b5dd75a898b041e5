// What one save of an action plan changed, as a revision records it (issue 10, item 2): field
// names, sub-goal ids, codes and dates. Free text is recorded as changed, never copied, so the
// history holds no text of its own for identity removal to clear.

export type PlanChange = { field: string; subGoalId?: string; to?: string | null };

export type PlanFields = { mainGoal: string | null; ownWords: string | null; nextFollowUp: string | null; health: boolean };
export type SubGoalFields = { text: string | null; responsibleOrgId: string | null; targetDate: string | null; status: string; health: boolean };

/** The header's changes against the last revision the author could see (null: the first save). */
export function headerChanges(before: PlanFields | null, after: PlanFields): PlanChange[] {
  if (!before) return [{ field: 'created' }];
  const changes: PlanChange[] = [];
  if (before.mainGoal !== after.mainGoal) changes.push({ field: 'mainGoal' });
  if (before.ownWords !== after.ownWords) changes.push({ field: 'ownWords' });
  if (before.nextFollowUp !== after.nextFollowUp) changes.push({ field: 'nextFollowUp', to: after.nextFollowUp });
  if (before.health !== after.health) changes.push({ field: 'health', to: String(after.health) });
  return changes;
}

/** A sub-goal's changes (before null: added). */
export function subGoalChanges(id: string, before: SubGoalFields | null, after: SubGoalFields): PlanChange[] {
  if (!before) return [{ field: 'subGoalAdded', subGoalId: id, to: after.status }];
  const changes: PlanChange[] = [];
  if (before.text !== after.text) changes.push({ field: 'subGoalText', subGoalId: id });
  if (before.responsibleOrgId !== after.responsibleOrgId) changes.push({ field: 'subGoalResponsible', subGoalId: id, to: after.responsibleOrgId });
  if (before.targetDate !== after.targetDate) changes.push({ field: 'subGoalTargetDate', subGoalId: id, to: after.targetDate });
  if (before.status !== after.status) changes.push({ field: 'subGoalStatus', subGoalId: id, to: after.status });
  if (before.health !== after.health) changes.push({ field: 'subGoalHealth', subGoalId: id, to: String(after.health) });
  return changes;
}
