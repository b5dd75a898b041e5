// The case-work figures of domain.md ("plans created / updated", "follow-ups overdue on d",
// meetings by type) as pure functions over plain facts: the oracle for the SQL in reports/.
import { codeLists } from '../code-lists.js';
import { isWithin, type Period } from '../dates.js';

/** Every count excludes the records of enrolments exited as `registration_error` (domain.md). */
export const isCountedEnrolment = (exitReason: string | null): boolean => exitReason !== 'registration_error';

/** An action plan: the days its revisions were saved (Sweden's date), in the order they were saved. */
export type PlanFact = { enrolmentExitReason: string | null; revisionDays: readonly string[] };

/** plans created: action plans first saved in P (their first revision is in P). */
export function plansCreated(plans: readonly PlanFact[], p: Period): number {
  return plans.filter((plan) => isCountedEnrolment(plan.enrolmentExitReason) && isFirstSavedIn(plan, p)).length;
}

/**
 * plans updated: plans with a new revision in P that existed before it, that is a revision other
 * than the first saved in P. A plan created and revised in P counts in both figures, as
 * Jobb- och kunskapstorget reported "137 new action plans, of which 99 updated".
 */
export function plansUpdated(plans: readonly PlanFact[], p: Period): number {
  return plans.filter(
    (plan) => isCountedEnrolment(plan.enrolmentExitReason) && plan.revisionDays.slice(1).some((day) => isWithin(day, p)),
  ).length;
}

const isFirstSavedIn = (plan: PlanFact, p: Period) => plan.revisionDays.length > 0 && isWithin(plan.revisionDays[0] as string, p);

/** An enrolment with its plan's next follow-up date (null without a plan or a date). */
export type FollowUpFact = { startDate: string; exitDate: string | null; exitReason: string | null; nextFollowUp: string | null };

/** follow-ups overdue on d: the enrolment is active on d and its plan's next follow-up date is before d. */
export function isFollowUpOverdue(e: FollowUpFact, day: string): boolean {
  const activeOnDay = e.startDate <= day && (e.exitDate === null || e.exitDate >= day);
  return isCountedEnrolment(e.exitReason) && activeOnDay && e.nextFollowUp !== null && e.nextFollowUp < day;
}

export function followUpsOverdue(enrolments: readonly FollowUpFact[], day: string): number {
  return enrolments.filter((e) => isFollowUpOverdue(e, day)).length;
}

/** A meeting on a day (Sweden's date) of a type of the meeting-type list. */
export type MeetingFact = { type: string; day: string; enrolmentExitReason: string | null };

/**
 * meetings by type: meetings held in P per type, every type with at least one meeting in
 * code-list order (retired codes after, by code), and the total. SIP meetings are the type `sip`
 * (AMT 2022: "34 SIP-möten").
 */
export function meetingsByType(meetings: readonly MeetingFact[], p: Period): { types: { type: string; count: number }[]; total: number } {
  const held = meetings.filter((m) => isCountedEnrolment(m.enrolmentExitReason) && isWithin(m.day, p));
  const counts = new Map<string, number>();
  for (const m of held) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  return { types: inCodeListOrder(codeLists.meeting_type, counts).map(([type, count]) => ({ type, count })), total: held.length };
}

/** Entries of a map keyed by code, in the code list's order, codes the list does not know after it. */
export function inCodeListOrder<V>(list: readonly { code: string }[], byCode: Map<string, V>): [string, V][] {
  const known = list.map((entry) => entry.code);
  const order = [...known.filter((code) => byCode.has(code)), ...[...byCode.keys()].filter((code) => !known.includes(code)).sort()];
  return order.map((code) => [code, byCode.get(code) as V]);
}
