import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeLists, genders } from '../../core/code-lists.js';
import { activitiesActiveOn, activitiesStarted, employmentsStarted, personsEmployed, type ActivityFact } from '../../core/figures/activities.js';
import { followUpsOverdue, meetingsByType, plansCreated, plansUpdated } from '../../core/figures/case-work.js';
import { countsFromRows } from '../../core/figures/counts.js';
import { incomeChange, type IncomeChangeFact } from '../../core/figures/income-change.js';
import { startToExitDays } from '../../core/figures/lead-times.js';
import { worldFixture } from '../../test/fixture.js';
import { employmentFiguresFromRows } from '../../core/figures/employments.js';
import { activityCounts, employmentCounts, followUpsOverdueCount, incomeChangeCounts, meetingCounts, planCounts, startToExitMedian } from './case-figures.repository.js';

// The SQL of the case-work figures equals the pure definitions in core (the oracle) on random data.
const t = worldFixture({ app: false });
const P = { from: '2024-01-01', to: '2024-12-31' };
const day = '2024-06-30';
const days = ['2023-12-31', '2024-01-01', '2024-06-29', '2024-06-30', '2024-07-01', '2024-12-31', '2025-01-01'];

const arbitraryCase = fc.record({
  gender: fc.constantFrom(...genders),
  start: fc.constantFrom('2023-06-01', '2024-01-01', '2024-06-30'),
  exit: fc.constantFrom(null, '2024-03-01', '2024-12-31', '2025-02-01'),
  reason: fc.constantFrom('work', 'registration_error'),
  incomeBefore: fc.subarray(['social_assistance', 'sickness_benefit', 'salary', 'unknown']),
  incomeAfter: fc.subarray(['salary', 'student_aid', 'unemployment_insurance', 'none_public', 'unknown']),
  activities: fc.array(
    fc.record({
      activityType: fc.constantFrom('employment', 'internship', 'studies'),
      employmentType: fc.constantFrom('new_start_job', 'wage_subsidy_development', 'samhall'),
      extension: fc.boolean(),
      status: fc.constantFrom('planned' as const, 'ongoing' as const, 'cancelled' as const),
      startDate: fc.constantFrom(...days),
      endDate: fc.constantFrom(null, ...days),
    }),
    { maxLength: 3 },
  ),
  revisions: fc.array(fc.record({ day: fc.constantFrom(...days), followUp: fc.constantFrom(null, ...days) }), { maxLength: 3 }),
  meetings: fc.array(fc.record({ type: fc.constantFrom('sip', 'mapping', 'three_party'), day: fc.constantFrom(...days) }), { maxLength: 2 }),
});

let run = 0;

describe('case-work figures in SQL', () => {
  it('equal the pure definitions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryCase, { minLength: 1, maxLength: 6 }), async (cases) => {
        run += 1;
        const { world, db } = t;
        const intervention = (
          await db.insertInto('interventions').values({ code: `PROP-${run}`, name: 'Prop', owner_org_id: world.orgs.kommun, association_id: world.orgs.forbund, start_date: '2020-01-01', orientation: 'individual', follow_up: 'individual' }).returning('id').executeTakeFirstOrThrow()
        ).id;
        const facts: ActivityFact[] = [];
        const plans: { enrolmentExitReason: string | null; revisionDays: string[] }[] = [];
        const followUps: { startDate: string; exitDate: string | null; exitReason: string | null; nextFollowUp: string | null }[] = [];
        const meetings: { type: string; day: string; enrolmentExitReason: string | null }[] = [];
        const enrolmentFacts: { referralDate: null; startDate: string; exitDate: string | null; exitReason: string | null }[] = [];
        const incomeFacts: IncomeChangeFact[] = [];
        for (const c of cases) {
          const exit = c.exit !== null && c.exit >= c.start ? c.exit : null;
          const reason = exit ? c.reason : null;
          const person = (await db.insertInto('persons').values({ controller_org_id: world.orgs.kommun, gender: c.gender }).returning('id').executeTakeFirstOrThrow()).id;
          const enrolment = (
            await db.insertInto('enrolments').values({ person_id: person, intervention_id: intervention, controller_org_id: world.orgs.kommun, gender: c.gender, start_date: c.start, exit_date: exit, exit_reason: reason, income_before: c.incomeBefore, income_after: c.incomeAfter }).returning('id').executeTakeFirstOrThrow()
          ).id;
          enrolmentFacts.push({ referralDate: null, startDate: c.start, exitDate: exit, exitReason: reason });
          incomeFacts.push({ exitDate: exit, exitReason: reason, incomeBefore: c.incomeBefore, incomeAfter: c.incomeAfter });
          const owner = { enrolment_id: enrolment, person_id: person, controller_org_id: world.orgs.kommun };
          for (const a of c.activities) {
            const employment = a.activityType === 'employment';
            const endDate = a.endDate !== null && a.endDate >= a.startDate ? a.endDate : null;
            const values = { ...owner, activity_type: a.activityType, employment_type: employment ? a.employmentType : null, extension: employment && a.extension, status: a.status, start_date: a.startDate, end_date: endDate };
            const id = (await db.insertInto('activities').values(values).returning('id').executeTakeFirstOrThrow()).id;
            facts.push({ id, personId: person, gender: c.gender, enrolmentExitReason: reason, activityType: a.activityType, employmentType: values.employment_type, extension: values.extension, status: a.status, startDate: a.startDate, endDate });
          }
          if (c.revisions.length > 0) {
            const plan = (await db.insertInto('action_plans').values(owner).returning('id').executeTakeFirstOrThrow()).id;
            const sorted = [...c.revisions].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
            for (const [i, r] of sorted.entries()) {
              await db.insertInto('plan_revisions').values({ ...owner, plan_id: plan, revised_at: new Date(`${r.day}T${String(8 + i).padStart(2, '0')}:00:00+01:00`), next_follow_up: r.followUp }).execute();
            }
            plans.push({ enrolmentExitReason: reason, revisionDays: sorted.map((r) => r.day) });
            followUps.push({ startDate: c.start, exitDate: exit, exitReason: reason, nextFollowUp: sorted[sorted.length - 1]?.followUp ?? null });
          }
          for (const m of c.meetings) {
            await db.insertInto('meetings').values({ ...owner, type: m.type, held_at: new Date(`${m.day}T23:30:00+01:00`) }).execute();
            meetings.push({ type: m.type, day: m.day, enrolmentExitReason: reason });
          }
        }
        const ids = [intervention];
        const activity = await activityCounts(db, ids, P, day);
        expect(countsFromRows(codeLists.activity_type, activity.started)).toEqual(activitiesStarted(facts, P));
        expect(countsFromRows(codeLists.activity_type, activity.active)).toEqual(activitiesActiveOn(facts, day));
        const employment = employmentFiguresFromRows(await employmentCounts(db, ids, P));
        expect(employment.started).toEqual(employmentsStarted(facts, P));
        expect(employment.persons).toEqual(personsEmployed(facts, P));
        expect(await planCounts(db, ids, P)).toEqual({ created: plansCreated(plans, P), updated: plansUpdated(plans, P) });
        expect(await followUpsOverdueCount(db, ids, day)).toBe(followUpsOverdue(followUps, day));
        const held = meetingsByType(meetings, P);
        expect(countsFromRows(codeLists.meeting_type, (await meetingCounts(db, ids, P)).map((r) => ({ ...r, gender: 'other' as const }))).map((r) => ({ type: r.type, count: r.total }))).toEqual(held.types);
        expect(await startToExitMedian(db, ids, P)).toBe(startToExitDays(enrolmentFacts, P));
        const income = await incomeChangeCounts(db, ids, P);
        const expected = incomeChange(incomeFacts, P);
        expect(income.exits).toBe(expected.exits);
        expect(expected.groups.map((g) => ({ group_code: g.group, before: g.before, after: g.after }))).toEqual(expect.arrayContaining(income.groups));
        expect(income.groups).toHaveLength(expected.groups.length);
      }),
      { seed: 20241231, numRuns: 25 },
    );
  });
});
