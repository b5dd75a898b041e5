import { addDays, daysBetween } from '../../core/dates.js';
import { hasPermission } from '../access/actor.js';
import { writeAudit, type AuditEntry } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import { swedishToday } from '../persons/today.js';
import {
  activitiesEnding,
  coveredTeams,
  exitSurveysDue,
  findCoveredTeam,
  followUpsDue,
  meetingsInWeek,
  teamCaseload,
  withoutPlan,
  type WorkItem,
} from './worklist.repository.js';

// What is due for the case worker's participants: the plans' follow-up dates (overdue, and due
// within a week), this week's meetings, activities ending within 14 days, and enrolments still
// without a plan 14 days after their start. "The case worker's participants" are the open
// enrolments the user may see through their own assignments (there is no named case worker).
// Exit surveys due are the one section about ended enrolments: those ended in the last 30 days
// (a personal link's lifetime; after that the participant is seldom reached) with no exit
// survey sent, shown to those who may send one. Stegvis records no planned exit date, so an
// enrolment about to end is not known to be "exiting" until its exit is registered.

/** How long after the exit an exit survey is still worth sending. */
const exitSurveyDays = 30;

const name = (row: WorkItem) => [row.first_name, row.last_name].filter(Boolean).join(' ') || row.participant_ref || 'Namn saknas';
const present = (row: WorkItem) => ({ enrolmentId: row.enrolment_id, participant: name(row), intervention: row.intervention_name, date: row.day, what: row.what });

/** Monday to Sunday of the week the day is in. */
function weekOf(day: string) {
  const weekday = (daysBetween('2024-01-01', day) % 7 + 7) % 7; // 2024-01-01 was a Monday
  const from = addDays(day, -weekday);
  return { from, to: addDays(from, 6) };
}

const audited = (rows: WorkItem[]): AuditEntry[] => {
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (seen.has(row.enrolment_id)) return [];
    seen.add(row.enrolment_id);
    return [{ action: 'list' as const, entity: 'worklist' as const, enrolmentId: row.enrolment_id, personId: row.person_id }];
  });
};

export async function getWorklist(ctx: RequestContext) {
  return ctx.db.transaction().execute(async (trx) => {
    const today = swedishToday();
    const due = await followUpsDue(trx, ctx.scope, addDays(today, 7));
    const meetings = await meetingsInWeek(trx, ctx.scope, weekOf(today));
    const ending = await activitiesEnding(trx, ctx.scope, today, addDays(today, 14));
    const noPlan = await withoutPlan(trx, ctx.scope, addDays(today, -14));
    const exitSurvey = hasPermission(ctx.actor, 'survey:send') ? await exitSurveysDue(trx, ctx.scope, addDays(today, -exitSurveyDays), today) : [];
    const all = [...due, ...meetings, ...ending, ...noPlan, ...exitSurvey];
    await writeAudit(trx, ctx.audit, [{ action: 'list', entity: 'worklist', details: { hits: all.length } }, ...audited(all)]);
    const teams = await coveredTeams(trx, ctx.scope);
    return {
      today,
      overdue: due.filter((r) => r.day < today).map(present),
      due: due.filter((r) => r.day >= today).map(present),
      meetings: meetings.map(present),
      ending: ending.map(present),
      noPlan: noPlan.map(present),
      exitSurvey: exitSurvey.map(present),
      teams: teams.map((team) => ({ id: team.id, name: team.name, intervention: team.intervention_name })),
    };
  });
}

/** The team's caseload; null when the user's case work does not cover the team (audited). */
export async function getCaseload(ctx: RequestContext, teamId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const team = await findCoveredTeam(trx, ctx.scope, teamId);
    if (!team) {
      await writeAudit(trx, ctx.audit, [{ action: 'list', entity: 'worklist', outcome: 'denied', details: { teamId } }]);
      return null;
    }
    const rows = await teamCaseload(trx, ctx.scope, team.id, swedishToday());
    await writeAudit(trx, ctx.audit, [{ action: 'list', entity: 'worklist', details: { teamId, hits: rows.length } }, ...audited(rows)]);
    return {
      team,
      items: rows.map((row) => ({
        enrolmentId: row.enrolment_id,
        participant: name(row),
        intervention: row.intervention_name,
        startDate: row.day,
        subGoal: row.sub_goal,
        nextFollowUp: row.next_follow_up,
        nextMeeting: row.next_meeting,
      })),
    };
  });
}
