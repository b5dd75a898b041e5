// The activity and employment figures of domain.md ("activities started / active",
// "employments started", "persons employed") as pure functions over plain facts: the oracle for
// the SQL in reports/activity-figures.repository.ts.
import { codeLists, type Gender } from '../code-lists.js';
import { isWithin, type Period } from '../dates.js';
import { isCountedEnrolment, inCodeListOrder } from './case-work.js';
import { countByGender, countByKey, type GenderCounts } from './counts.js';

/** A cancelled activity never took place: it counts nowhere. */
export const activityStatuses = ['planned', 'ongoing', 'completed', 'interrupted', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/**
 * One activity or placement. `endDate` is the planned end, replaced by the real one when the
 * activity ends; gender is the enrolment's (the anonymous facts figures are built from).
 */
export type ActivityFact = {
  id: string;
  personId: string;
  gender: Gender;
  enrolmentExitReason: string | null;
  activityType: string;
  employmentType: string | null;
  extension: boolean;
  status: ActivityStatus;
  startDate: string;
  endDate: string | null;
};

const isCounted = (a: ActivityFact) => a.status !== 'cancelled' && isCountedEnrolment(a.enrolmentExitReason);

/** Active in P: start ≤ to and (no end or end ≥ from). */
export function isActivityActive(a: ActivityFact, p: Period): boolean {
  return isCounted(a) && a.startDate <= p.to && (a.endDate === null || a.endDate >= p.from);
}

/** Active on day d: start ≤ d and (no end or end ≥ d). */
export const isActivityActiveOn = (a: ActivityFact, day: string): boolean => isActivityActive(a, { from: day, to: day });

export const isActivityStarted = (a: ActivityFact, p: Period): boolean => isCounted(a) && isWithin(a.startDate, p);

export type TypeCounts = GenderCounts & { type: string };

function byActivityType(activities: readonly ActivityFact[]): TypeCounts[] {
  const counts = countByKey(activities, (a) => a.activityType, (a) => a.gender);
  return inCodeListOrder(codeLists.activity_type, counts).map(([type, c]) => ({ type, ...c }));
}

/** activities started: start ∈ P, by activity type × gender, every type with at least one. */
export function activitiesStarted(activities: readonly ActivityFact[], p: Period): TypeCounts[] {
  return byActivityType(activities.filter((a) => isActivityStarted(a, p)));
}

/** activities active on day d, by activity type × gender (Malmökraften: placements "senaste månaden" use P). */
export function activitiesActiveOn(activities: readonly ActivityFact[], day: string): TypeCounts[] {
  return byActivityType(activities.filter((a) => isActivityActiveOn(a, day)));
}

const isEmployment = (a: ActivityFact) => a.activityType === 'employment' && a.employmentType !== null;

export type EmploymentsStarted = GenderCounts & { type: string; new: number; extension: number };

/** employments started: `employment` activities with start ∈ P, by employment type × gender, split new / extension. */
export function employmentsStarted(activities: readonly ActivityFact[], p: Period): EmploymentsStarted[] {
  const started = activities.filter((a) => isEmployment(a) && isActivityStarted(a, p));
  const groups = new Map<string, ActivityFact[]>();
  for (const a of started) groups.set(a.employmentType as string, [...(groups.get(a.employmentType as string) ?? []), a]);
  return inCodeListOrder(codeLists.employment_type, groups).map(([type, group]) => {
    const extension = group.filter((a) => a.extension).length;
    return { type, ...countByGender(group, (a) => a.gender), new: group.length - extension, extension };
  });
}

/**
 * persons employed: distinct persons with an `employment` activity active in P, by employment
 * type × gender; a person counts once per type and once in the total. A person is counted with
 * the gender of their latest-starting employment active in P (the same as all their enrolments'
 * unless a correction made them differ).
 */
export function personsEmployed(activities: readonly ActivityFact[], p: Period): { types: TypeCounts[]; total: GenderCounts } {
  const active = activities
    .filter((a) => isEmployment(a) && isActivityActive(a, p))
    .sort((a, b) => (a.startDate === b.startDate ? (a.id < b.id ? 1 : -1) : a.startDate < b.startDate ? 1 : -1));
  const genderOf = new Map<string, Gender>();
  for (const a of active) if (!genderOf.has(a.personId)) genderOf.set(a.personId, a.gender);
  const gender = (personId: string) => genderOf.get(personId) as Gender;
  const perType = new Map<string, Set<string>>();
  for (const a of active) perType.set(a.employmentType as string, (perType.get(a.employmentType as string) ?? new Set()).add(a.personId));
  const types = inCodeListOrder(codeLists.employment_type, perType).map(([type, persons]) => ({ type, ...countByGender([...persons], gender) }));
  return { types, total: countByGender([...genderOf.keys()], gender) };
}
