import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedForeign, type Foreign } from '../../test/foreign.js';

// Activities and the workplace register (issue 10, item 5): visible only through the case-record
// rule (category `plan`), changed only by the controlling organisation, audited allowed and denied.
const t = worldFixture();
const missingId = '00000000-0000-4000-8000-000000000000';
let enrolmentId: string;
let personId: string;
let workplaceId: string;
let foreign: Foreign;
let foreignActivityId: string;

const activity = (overrides: Record<string, unknown> = {}) => ({
  activityType: 'internship',
  workplaceId,
  startDate: '2024-03-01',
  endDate: null,
  hoursPerWeek: 20,
  status: 'ongoing',
  notes: 'Praktik i köket',
  ...overrides,
});
const activityRows = () => t.db.selectFrom('activities').selectAll().orderBy('id').execute();
const deniedAudit = (entity: string) =>
  t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'enrolment_id']).where('entity', '=', entity).where('outcome', '=', 'denied').execute();

beforeAll(async () => {
  const kommun = t.as('kommunWorker');
  const created = await kommun.post('/api/v1/enrolments', {
    mode: 'consent',
    interventionId: t.world.interventions.kommunInsats,
    gender: 'woman',
    startDate: '2024-02-01',
    person: { participantRef: 'AKT-1', firstName: 'Aina', lastName: 'Aktivsson' },
    consent: { givenDate: '2024-02-01', method: 'written', partyIds: [t.world.orgs.af] },
  });
  enrolmentId = created.body.id;
  personId = (await t.db.selectFrom('enrolments').select('person_id').where('id', '=', enrolmentId).executeTakeFirstOrThrow()).person_id;
  const workplace = await kommun.post('/api/v1/workplaces', {
    associationId: t.world.orgs.forbund,
    name: 'Stadsköket',
    sector: 'municipal',
    orgNumber: '212000-1234',
    supervisors: [{ name: 'Hanna Handledare', phone: '070-123 45 67' }],
    places: [{ activityType: 'internship', places: 3 }],
  });
  expect(workplace.status).toBe(201);
  workplaceId = workplace.body.id;
  foreign = await seedForeign(t.app, t.world);
  const foreignWorkplace = await foreign.worker.post('/api/v1/workplaces', { associationId: t.world.orgs.other, name: 'Annat kök' });
  const foreignActivity = await foreign.worker.post(`/api/v1/enrolments/${foreign.enrolmentId}/activities`, activity({ workplaceId: foreignWorkplace.body.id, startDate: '2024-02-01' }));
  expect(foreignActivity.status).toBe(201);
  foreignActivityId = foreignActivity.body.id;
});

describe('activities of an enrolment', () => {
  it('are created by the case worker, controlled by their organisation, and audited', async () => {
    const created = await t.as('kommunWorker').post(`/api/v1/enrolments/${enrolmentId}/activities`, activity());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ activityType: 'internship', workplace: { id: workplaceId, name: 'Stadsköket' }, hoursPerWeek: 20, controller: { id: t.world.orgs.kommun }, can: { update: true } });
    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'activity').where('action', '=', 'create').where('enrolment_id', '=', enrolmentId).execute();
    expect(audit).toMatchObject([{ actor_user_id: t.world.users.kommunWorker.id, person_id: personId, outcome: 'allowed' }]);
  });

  it('are seen by another party named by the consent for `plan`, which may not change them (403, audited)', async () => {
    const af = t.as('afWorker');
    const list = await af.get(`/api/v1/enrolments/${enrolmentId}/activities`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].can.update).toBe(false);
    const before = await activityRows();
    const changed = await af.request('PUT', `/api/v1/activities/${list.body.items[0].id}`, activity({ notes: 'Ändrad av AF' }));
    expect(changed.status).toBe(403);
    expect(await activityRows()).toEqual(before);
    expect(await deniedAudit('activity')).toContainEqual({ action: 'update', actor_user_id: t.world.users.afWorker.id, enrolment_id: enrolmentId });
  });

  it('an employment needs its type; bad input gets a Swedish 400 and writes nothing', async () => {
    const before = await activityRows();
    const bad = await t.as('kommunWorker').post(`/api/v1/enrolments/${enrolmentId}/activities`, activity({ activityType: 'employment', startDate: '2024-01-15' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([{ path: 'body.employmentType', message: 'Ange anställningsform för en anställning' }]));
    const early = await t.as('kommunWorker').post(`/api/v1/enrolments/${enrolmentId}/activities`, activity({ startDate: '2024-01-15' }));
    expect(early.body.errors).toEqual([{ path: 'startDate', message: 'Aktiviteten kan inte börja före inskrivningen' }]);
    expect(await activityRows()).toEqual(before);
  });
});

describe('a user who cannot see an activity', () => {
  it('cannot learn it exists, cannot change or add to it, and the attempts are audited', async () => {
    const kommun = t.as('kommunWorker');
    const before = await activityRows();
    const answers = [
      [await kommun.get(`/api/v1/enrolments/${foreign.enrolmentId}/activities`), await kommun.get(`/api/v1/enrolments/${missingId}/activities`)],
      [await kommun.get(`/api/v1/activities/${foreignActivityId}`), await kommun.get(`/api/v1/activities/${missingId}`)],
      [await kommun.request('PUT', `/api/v1/activities/${foreignActivityId}`, activity()), await kommun.request('PUT', `/api/v1/activities/${missingId}`, activity())],
      [await kommun.post(`/api/v1/enrolments/${foreign.enrolmentId}/activities`, activity()), await kommun.post(`/api/v1/enrolments/${missingId}/activities`, activity())],
    ];
    for (const [hidden, missing] of answers) {
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual(missing.body);
    }
    expect(await activityRows()).toEqual(before);
    const denied = (await deniedAudit('activity')).filter((a) => a.actor_user_id === t.world.users.kommunWorker.id);
    expect(denied.map((a) => a.action).sort()).toEqual(['create', 'create', 'list', 'list', 'read', 'read', 'update', 'update']);
  });

  it('loses sight of it on the next request when the consent no longer covers `plan` for the party', async () => {
    const af = t.as('afWorker');
    const [own] = (await t.as('kommunWorker').get(`/api/v1/enrolments/${enrolmentId}/activities`)).body.items;
    expect((await af.get(`/api/v1/activities/${own.id}`)).status).toBe(200);
    await t.db
      .updateTable('consent_parties')
      .set({ categories: ['meetings'] })
      .where('organisation_id', '=', t.world.orgs.af)
      .where('consent_id', 'in', t.db.selectFrom('consents').select('id').where('person_id', '=', personId))
      .execute();
    expect((await af.get(`/api/v1/activities/${own.id}`)).status).toBe(404);
    const list = await af.get(`/api/v1/enrolments/${enrolmentId}/activities`);
    expect(list.body).toEqual({ items: [], can: { create: false } });
    expect((await af.post(`/api/v1/enrolments/${enrolmentId}/activities`, activity())).status).toBe(404);
    expect((await t.as('afWorker').get(`/api/v1/workplaces/${workplaceId}`)).body.placedNow).toEqual([]);
    await t.db.updateTable('consent_parties').set({ categories: ['plan', 'meetings'] }).where('organisation_id', '=', t.world.orgs.af).execute();
  });

  it('marked as health information is hidden from a party whose consent does not cover health', async () => {
    const kommun = t.as('kommunWorker');
    const health = await kommun.post(`/api/v1/enrolments/${enrolmentId}/activities`, activity({ activityType: 'treatment', workplaceId: null, provider: 'Beroendemottagningen', health: true }));
    expect(health.status).toBe(201);
    expect((await t.as('afWorker').get(`/api/v1/activities/${health.body.id}`)).status).toBe(404);
    expect((await kommun.get(`/api/v1/activities/${health.body.id}`)).status).toBe(200);
  });
});

describe('the workplace register', () => {
  it('is shared by the förbund’s parties and shows placements only to those who may see them', async () => {
    const now = (await t.as('kommunWorker').get(`/api/v1/workplaces/${workplaceId}`)).body;
    expect(now).toMatchObject({ name: 'Stadsköket', places: [{ activityType: 'internship', places: 3 }], supervisors: [{ name: 'Hanna Handledare' }] });
    expect(now.placedNow).toEqual([expect.objectContaining({ enrolmentId, participant: 'Aina Aktivsson' })]);
    // The lead and the förbund see the workplace, never who is placed there.
    for (const user of ['lead', 'associationAdmin'] as const) {
      const seen = await t.as(user).get(`/api/v1/workplaces/${workplaceId}`);
      expect(seen.status).toBe(200);
      expect([seen.body.placedNow, seen.body.queued]).toEqual([[], []]);
      expect(JSON.stringify(seen.body)).not.toContain('Aktivsson');
    }
    // FK staff are in the förbund but the consent does not name FK.
    expect((await t.as('fkWorker').get(`/api/v1/workplaces/${workplaceId}`)).body.placedNow).toEqual([]);
  });

  it('of another förbund answers as missing, in lists, reads and changes', async () => {
    const kommun = t.as('kommunWorker');
    const list = await kommun.get('/api/v1/workplaces');
    expect(list.body.items.map((w: { name: string }) => w.name)).toEqual(['Stadsköket']);
    const [foreignWorkplace] = (await foreign.worker.get('/api/v1/workplaces')).body.items;
    const hidden = await kommun.get(`/api/v1/workplaces/${foreignWorkplace.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual((await kommun.get(`/api/v1/workplaces/${missingId}`)).body);
    const change = await kommun.request('PUT', `/api/v1/workplaces/${foreignWorkplace.id}`, { associationId: t.world.orgs.other, name: 'Kapat' });
    expect(change.status).toBe(404);
    expect((await foreign.worker.get(`/api/v1/workplaces/${foreignWorkplace.id}`)).body.name).toBe('Annat kök');
    const into = await kommun.post('/api/v1/workplaces', { associationId: t.world.orgs.other, name: 'Inte vår' });
    expect(into.status).toBe(400);
    expect(into.body.errors).toEqual([{ path: 'associationId', message: 'Välj ett förbund som din organisation ingår i' }]);
  });

  it('refuses a second workplace with the same organisation number in the förbund', async () => {
    const again = await t.as('afWorker').post('/api/v1/workplaces', { associationId: t.world.orgs.forbund, name: 'Köket igen', orgNumber: '212000-1234' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ path: 'orgNumber', message: 'Organisationsnumret finns redan i registret' }]);
  });
});
