import type { RevisionRow, SubGoalRow } from './plan.repository.js';

// Rows → core's plan views. Every row here passed the case-record rule.

export function presentRevision(r: RevisionRow) {
  return {
    id: r.id,
    at: new Date(r.revised_at).toISOString(),
    by: { userName: r.user_name, organisation: { id: r.org_id, name: r.org_name } },
    health: r.health,
    mainGoal: r.main_goal,
    ownWords: r.own_words,
    nextFollowUp: r.next_follow_up,
    changes: r.changes,
  };
}

export function presentSubGoal(g: SubGoalRow) {
  return {
    id: g.id,
    text: g.text,
    responsible: g.responsible_org_id ? { id: g.responsible_org_id, name: g.responsible_name ?? '' } : null,
    targetDate: g.target_date,
    status: g.status,
    health: g.health,
    organisation: { id: g.org_id, name: g.org_name },
  };
}

/** The staff who wrote the plan the reader sees, newest first, once each: whom the participant can turn to. */
export function contactsOf(revisions: RevisionRow[]): { name: string; organisation: string }[] {
  const seen = new Map<string, { name: string; organisation: string }>();
  for (const r of revisions) {
    if (r.user_name && !seen.has(`${r.user_name}|${r.org_id}`)) seen.set(`${r.user_name}|${r.org_id}`, { name: r.user_name, organisation: r.org_name });
  }
  return [...seen.values()];
}
