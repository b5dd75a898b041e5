import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';
import { expectAnsweredAsMissing } from '../../test/security.js';

// GET /api/v1/reports/case-figures: plans created and updated, follow-ups overdue and activities by
// type as each reader may see them — exact for the controlling organisation, small cells hidden
// for another party and the förbund — and a scope out of reach exactly as not found.

const t = worldFixture();
const lead = t.as('lead');
const af = t.as('afWorker');
const fk = t.as('fkWorker');
const forbund = t.as('associationAdmin');
const board = t.as('reportReader');

const url = (query: string) => `/api/v1/reports/case-figures?${query}`;

beforeAll(async () => {
  await seedNineExits(t.db, t.world, 'ARENDE');
  // The nine (eight women, one man) each start an internship in February; three get a plan in
  // January whose next follow-up, 1 March, is overdue by the end of T1.
  const enrolments = await t.db.selectFrom('enrolments').select(['id as enrolment_id', 'person_id', 'controller_org_id']).orderBy('id').execute();
  for (const [i, owner] of enrolments.entries()) {
    await t.db.insertInto('activities').values({ ...owner, activity_type: 'internship', status: 'completed', start_date: '2023-02-01', end_date: '2023-04-30' }).execute();
    if (i < 3) {
      const plan = (await t.db.insertInto('action_plans').values(owner).returning('id').executeTakeFirstOrThrow()).id;
      await t.db.insertInto('plan_revisions').values({ ...owner, plan_id: plan, revised_at: new Date('2023-01-20T10:00:00+01:00'), next_follow_up: '2023-03-01' }).execute();
    }
  }
});

describe('GET /api/v1/reports/case-figures', () => {
  it('gives the controlling organisation the exact figures of the period, overdue follow-ups on its last day', async () => {
    const response = await lead.get(url('intervention=KOMMUNINSATS&period=2023-T1'));
    expect(response.status).toBe(200);
    const internships = { type: 'internship', label: 'Praktik', woman: 8, man: 1, other: 0, total: 9 };
    expect(response.body).toMatchObject({
      rules: { suppression_threshold: null },
      plans: { created: 3, updated: 0 },
      follow_ups_overdue: { day: '2023-04-30', count: 3 },
      activities: { started: [internships], active_on: { day: '2023-04-30', types: [internships] } },
    });
  });

  it('hides small cells for another party and the förbund, and only for calendar periods', async () => {
    for (const client of [af, forbund]) {
      const response = await client.get(url('intervention=KOMMUNINSATS&period=2023-T1'));
      expect(response.status).toBe(200);
      expect(response.body.rules.suppression_threshold).toBe(5);
      expect(response.body.plans).toMatchObject({ created: null, updated: 0, suppressed: ['created'] });
      expect(response.body.follow_ups_overdue.count).toBeNull();
      expect(response.body.activities.started[0]).toMatchObject({ man: null, suppressed: expect.arrayContaining(['man']) });
    }
    const range = await af.get(url('intervention=KOMMUNINSATS&from=2023-02-03&to=2023-03-04'));
    expect(range.status).toBe(400);
  });

  it('answers not found for a scope out of reach, exactly as for a missing code', async () => {
    await expectAnsweredAsMissing(await fk.get(url('intervention=FINNS-INTE&period=2023')), [
      [fk, url('intervention=AF-INSATS&period=2023')],
      [lead, url('association=ANNAT&period=2023')],
      [fk, url('association=FORBUND&period=2023')],
    ]);
    expect((await board.get(url('association=FORBUND&period=2023'))).status).toBe(403);
    const both = await lead.get(url('intervention=KOMMUNINSATS&association=FORBUND&period=2023'));
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body.errors)).toContain('Ange antingen en insats eller ett förbund');
  });
});
