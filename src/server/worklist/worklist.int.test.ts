import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/dates.js';
import { worldFixture } from '../../test/fixture.js';
import { seedForeign } from '../../test/foreign.js';
import { swedishToday } from '../persons/today.js';

// The worklist and the team caseload (issue 10, item 6) list only what the user may see.
const t = worldFixture();
const today = swedishToday();
const ids: Record<string, string> = {};

async function enrol(ref: string, startDate: string, teamId: string | null, partyIds: string[]) {
  const created = await t.as('kommunWorker').post('/api/v1/enrolments', {
    mode: 'consent',
    interventionId: t.world.interventions.kommunInsats,
    teamId,
    gender: 'woman',
    startDate,
    person: { participantRef: ref },
    consent: { givenDate: startDate, method: 'written', partyIds },
  });
  expect(created.status).toBe(201);
  const row = await t.db.selectFrom('enrolments').select(['id', 'person_id']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
  return { enrolment_id: row.id, person_id: row.person_id, controller_org_id: t.world.orgs.kommun };
}

beforeAll(async () => {
  // Planned: a plan whose follow-up is overdue, a meeting today, an activity ending in 10 days.
  const planned = await enrol('ARB-1', addDays(today, -40), t.world.teams.teamA, [t.world.orgs.af]);
  const plan = (await t.db.insertInto('action_plans').values(planned).returning('id').executeTakeFirstOrThrow()).id;
  await t.db.insertInto('plan_revisions').values({ ...planned, plan_id: plan, main_goal: 'Arbete', next_follow_up: addDays(today, -2) }).execute();
  await t.db.insertInto('plan_sub_goals').values({ ...planned, plan_id: plan, text: 'Komma i tid', status: 'ongoing' }).execute();
  await t.db.insertInto('meetings').values({ ...planned, type: 'three_party', held_at: new Date(`${today}T12:00:00+01:00`) }).execute();
  const activity = await t.as('kommunWorker').post(`/api/v1/enrolments/${planned.enrolment_id}/activities`, {
    activityType: 'internship', startDate: addDays(today, -20), endDate: addDays(today, 10), status: 'ongoing',
  });
  expect(activity.status).toBe(201);
  ids.planned = planned.enrolment_id;
  // Without a plan 20 days after the start, and one only 5 days in (not yet listed).
  ids.noPlan = (await enrol('ARB-2', addDays(today, -20), t.world.teams.teamA, [])).enrolment_id;
  ids.fresh = (await enrol('ARB-3', addDays(today, -5), null, [])).enrolment_id;
  await seedForeign(t.app, t.world);
});

const refsOf = (items: { participant: string }[]) => items.map((i) => i.participant).sort();

describe('GET /worklist', () => {
  it('lists follow-ups overdue, this week’s meetings, activities ending and enrolments without a plan, and audits them', async () => {
    const list = await t.as('kommunWorker').get('/api/v1/worklist');
    expect(list.status).toBe(200);
    expect(refsOf(list.body.overdue)).toEqual(['ARB-1']);
    expect(list.body.meetings).toEqual([expect.objectContaining({ participant: 'ARB-1', what: 'three_party', date: today })]);
    expect(list.body.ending).toEqual([expect.objectContaining({ participant: 'ARB-1', what: 'internship', date: addDays(today, 10) })]);
    expect(refsOf(list.body.noPlan)).toEqual(['ARB-2']);
    const audit = await t.db.selectFrom('audit_events').select('enrolment_id').where('entity', '=', 'worklist').where('actor_user_id', '=', t.world.users.kommunWorker.id).execute();
    expect(audit.map((a) => a.enrolment_id).filter(Boolean).sort()).toEqual([ids.planned, ids.noPlan].sort());
  });

  it('shows another party only what the consent covers, category by category', async () => {
    const af = await t.as('afWorker').get('/api/v1/worklist');
    expect(refsOf(af.body.overdue)).toEqual(['ARB-1']);
    expect(af.body.meetings).toHaveLength(1);
    await t.db.updateTable('consent_parties').set({ categories: ['plan'] }).where('organisation_id', '=', t.world.orgs.af).execute();
    const withoutMeetings = await t.as('afWorker').get('/api/v1/worklist');
    expect(withoutMeetings.body.meetings).toEqual([]);
    expect(refsOf(withoutMeetings.body.overdue)).toEqual(['ARB-1']);
    // FK is not named by any consent: nothing at all.
    const fk = (await t.as('fkWorker').get('/api/v1/worklist')).body;
    expect([fk.overdue, fk.due, fk.meetings, fk.ending, fk.noPlan]).toEqual([[], [], [], [], []]);
  });
});

describe('GET /teams/:id/caseload', () => {
  it('lists every participant of the team the user may see, with the current sub-goal and next step', async () => {
    const caseload = await t.as('kommunWorker').get(`/api/v1/teams/${t.world.teams.teamA}/caseload`);
    expect(caseload.status).toBe(200);
    expect(caseload.body.items).toEqual([
      expect.objectContaining({ participant: 'ARB-1', subGoal: 'Komma i tid', nextFollowUp: addDays(today, -2), nextMeeting: today }),
      expect.objectContaining({ participant: 'ARB-2', subGoal: null, nextFollowUp: null }),
    ]);
  });

  it('of a team the user does not work in answers as not found, and the attempt is audited', async () => {
    const teamB = t.as('teamBWorker');
    const hidden = await teamB.get(`/api/v1/teams/${t.world.teams.teamA}/caseload`);
    const missing = await teamB.get('/api/v1/teams/00000000-0000-4000-8000-000000000000/caseload');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    const denied = await t.db.selectFrom('audit_events').select('details').where('entity', '=', 'worklist').where('outcome', '=', 'denied').where('actor_user_id', '=', t.world.users.teamBWorker.id).execute();
    expect(denied).toHaveLength(2);
    expect((await teamB.get(`/api/v1/teams/${t.world.teams.teamB}/caseload`)).body.items).toEqual([]);
  });
});

describe('exit surveys due', () => {
  it('lists enrolments ended in the last 30 days with no exit survey sent, to those who see them, and drops one once sent', async () => {
    const exit = async (ref: string, days: number, reason: string) => {
      const row = await enrol(ref, addDays(today, -100), null, [t.world.orgs.af]);
      await t.db.updateTable('enrolments').set({ exit_date: addDays(today, -days), exit_reason: reason }).where('id', '=', row.enrolment_id).execute();
      return row.enrolment_id;
    };
    const recent = await exit('SLUT-1', 3, 'work');
    await exit('SLUT-2', 40, 'work');
    await exit('SLUT-3', 2, 'registration_error');
    const sent = await exit('SLUT-4', 5, 'studies');
    expect((await t.as('kommunWorker').post(`/api/v1/enrolments/${sent}/surveys`, { variant: 'exit' })).status).toBe(201);

    const list = await t.as('kommunWorker').get('/api/v1/worklist');
    expect(list.body.exitSurvey).toEqual([expect.objectContaining({ enrolmentId: recent, participant: 'SLUT-1', date: addDays(today, -3) })]);
    const audited = await t.db.selectFrom('audit_events').select('id').where('entity', '=', 'worklist').where('enrolment_id', '=', recent).where('actor_user_id', '=', t.world.users.kommunWorker.id).execute();
    expect(audited.length).toBeGreaterThan(0);
    // AF is named by the consent and sees it; FK is not and sees nothing.
    expect(refsOf((await t.as('afWorker').get('/api/v1/worklist')).body.exitSurvey)).toEqual(['SLUT-1']);
    expect((await t.as('fkWorker').get('/api/v1/worklist')).body.exitSurvey).toEqual([]);

    expect((await t.as('kommunWorker').post(`/api/v1/enrolments/${recent}/surveys`, { variant: 'exit' })).status).toBe(201);
    expect((await t.as('kommunWorker').get('/api/v1/worklist')).body.exitSurvey).toEqual([]);
  });
});
