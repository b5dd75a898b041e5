import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import { anonymousClient, login } from '../../test/http.js';
import { computeOutcomesReport } from '../reports/outcomes.service.js';

const t = worldFixture();
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const fk = t.as('fkWorker');
let kommun2: string;
// A participant of KOMMUN whose consent names AF (OSL 12:2).
let shared: { personId: string; enrolmentIds: string[] };

const missing = '00000000-0000-4000-8000-000000000000';
const url = (enrolmentId: string, rest = '') => `/api/v1/enrolments/${enrolmentId}/consent${rest}`;
const auditRows = (where: { enrolmentId?: string; personId?: string }) => {
  let query = t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'consent');
  if (where.enrolmentId) query = query.where('enrolment_id', '=', where.enrolmentId);
  if (where.personId) query = query.where('person_id', '=', where.personId);
  return query.orderBy('id').execute();
};
const outcomes = (scope: { intervention: string } | { association: string }, from: string, to: string) =>
  computeOutcomesReport(t.db, { scope, period: { from, to }, suppress: false });

beforeAll(async () => {
  const world = t.world;
  // A second intervention of the municipality: withdrawal exits the person's enrolments in every one of them.
  kommun2 = (
    await t.db
      .insertInto('interventions')
      .values({ code: 'KOMMUN2', name: 'Insats KOMMUN2', owner_org_id: world.orgs.kommun, association_id: world.orgs.forbund, start_date: '2020-01-01', orientation: 'individual', follow_up: 'individual' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await t.db.insertInto('assignments').values({ user_id: world.users.kommunWorker.id, role: 'case_worker', intervention_id: kommun2 }).execute();
  shared = await addParticipant(t.db, {
    controllerId: world.orgs.kommun,
    personnummer: '19900101-0017',
    firstName: 'Anna',
    lastName: 'Andersson',
    enrolments: [{ interventionId: world.interventions.kommunInsats, start: '2024-03-01' }],
    consent: { givenDate: '2024-03-01', partyIds: [world.orgs.af], documentRef: 'DNR 2024/17' },
  });
});

describe('changing who a consent names', () => {
  it('needs a session, and a role that works with participants', async () => {
    expect((await anonymousClient(t.app).post(url(shared.enrolmentIds[0], '/parties'), { organisationId: t.world.orgs.fk })).status).toBe(401);
    for (const user of [t.world.users.lead, t.world.users.orgAdmin, t.world.users.associationAdmin]) {
      const client = await login(t.app, user.email);
      expect((await client.post(url(shared.enrolmentIds[0], '/parties'), { organisationId: t.world.orgs.fk })).status).toBe(403);
    }
  });

  it('answers a party the consent does not name exactly as a missing enrolment, and audits the attempt', async () => {
    const outOfScope = await fk.post(url(shared.enrolmentIds[0], '/parties'), { organisationId: t.world.orgs.fk });
    const notThere = await fk.post(url(missing, '/parties'), { organisationId: t.world.orgs.fk });
    expect(outOfScope.status).toBe(404);
    expect(outOfScope.body).toEqual(notThere.body);
    const denied = (await auditRows({ enrolmentId: shared.enrolmentIds[0] })).filter((r) => r.outcome === 'denied');
    expect(denied.map((r) => r.actor_user_id)).toContain(t.world.users.fkWorker.id);
  });

  it('lets a party that sees the record read it but not change the consent (403, clear message)', async () => {
    expect((await af.get(`/api/v1/enrolments/${shared.enrolmentIds[0]}`)).status).toBe(200);
    for (const attempt of [
      af.post(url(shared.enrolmentIds[0], '/parties'), { organisationId: t.world.orgs.fk }),
      af.request('DELETE', url(shared.enrolmentIds[0], `/parties/${t.world.orgs.af}`)),
      af.post(url(shared.enrolmentIds[0], '/withdraw'), { date: '2025-01-01' }),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/personuppgiftsansvarig/);
    }
    const denied = (await auditRows({ enrolmentId: shared.enrolmentIds[0] })).filter((r) => r.actor_user_id === t.world.users.afWorker.id);
    expect(denied).toHaveLength(3);
    expect(denied.every((r) => r.outcome === 'denied' && r.person_id === shared.personId)).toBe(true);
  });

  it('the controller adds a party, which sees the record on its next request', async () => {
    expect((await fk.get(`/api/v1/enrolments/${shared.enrolmentIds[0]}`)).status).toBe(404);
    const added = await kommun.post(url(shared.enrolmentIds[0], '/parties'), { organisationId: t.world.orgs.fk });
    expect(added.status).toBe(200);
    expect(added.body.parties.map((p: { code: string }) => p.code).sort()).toEqual(['AF', 'FK', 'KOMMUN']);
    expect((await fk.get(`/api/v1/enrolments/${shared.enrolmentIds[0]}`)).status).toBe(200);
    const [event] = (await auditRows({ personId: shared.personId })).filter((r) => r.outcome === 'allowed');
    expect(event).toMatchObject({ action: 'update', actor_user_id: t.world.users.kommunWorker.id, details: { change: 'add_party', organisationId: t.world.orgs.fk } });
  });

  it('refuses an unknown organisation, a förbund and a party already named', async () => {
    const unknown = await kommun.post(url(shared.enrolmentIds[0], '/parties'), { organisationId: missing });
    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ path: 'organisationId', message: 'Okänd organisation' }] } });
    expect((await kommun.post(url(shared.enrolmentIds[0], '/parties'), { organisationId: t.world.orgs.forbund })).status).toBe(400);
    expect((await kommun.post(url(shared.enrolmentIds[0], '/parties'), { organisationId: t.world.orgs.af })).status).toBe(409);
  });

  it('removing a party takes effect on the very next request of its staff', async () => {
    const enrolmentId = shared.enrolmentIds[0];
    expect((await af.get(`/api/v1/enrolments/${enrolmentId}`)).status).toBe(200);
    const removed = await kommun.request('DELETE', url(enrolmentId, `/parties/${t.world.orgs.af}`));
    expect(removed.status).toBe(200);
    expect(removed.body.parties.map((p: { code: string }) => p.code).sort()).toEqual(['FK', 'KOMMUN']);
    // Nothing cached: the same logged-in AF client, the very next request.
    expect((await af.get(`/api/v1/enrolments/${enrolmentId}`)).status).toBe(404);
    const list = await af.get(`/api/v1/enrolments?interventionId=${t.world.interventions.kommunInsats}`);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(enrolmentId);
    expect((await af.post('/api/v1/enrolments/search', { q: 'andersson' })).body.total).toBe(0);
    expect((await kommun.request('DELETE', url(enrolmentId, `/parties/${t.world.orgs.af}`))).status).toBe(404);
  });

  it('the controller itself cannot be removed: withdraw instead', async () => {
    const response = await kommun.request('DELETE', url(shared.enrolmentIds[0], `/parties/${t.world.orgs.kommun}`));
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/Återkalla samtycket/);
  });
});

describe('recording a consent', () => {
  it('records one for a person without a consent in force, and refuses a second', async () => {
    const legacy = await addParticipant(t.db, {
      controllerId: t.world.orgs.kommun,
      participantRef: 'LEGACY-1',
      enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2024-01-15' }],
    });
    const body = { givenDate: '2024-02-01', method: 'oral_documented', documentRef: 'Journal 2024-02-01', partyIds: [t.world.orgs.fk] };
    expect((await anonymousClient(t.app).post(url(legacy.enrolmentIds[0]), body)).status).toBe(401);
    expect((await t.as('lead').post(url(legacy.enrolmentIds[0]), body)).status).toBe(403);
    expect((await fk.post(url(legacy.enrolmentIds[0]), body)).status).toBe(404);
    const future = await kommun.post(url(legacy.enrolmentIds[0]), { ...body, givenDate: '2999-01-01' });
    expect(future.status).toBe(400);
    const recorded = await kommun.post(url(legacy.enrolmentIds[0]), body);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ givenDate: '2024-02-01', method: 'oral_documented', documentRef: 'Journal 2024-02-01', withdrawnAt: null });
    expect(recorded.body.parties.map((p: { code: string }) => p.code).sort()).toEqual(['FK', 'KOMMUN']);
    expect((await fk.get(`/api/v1/enrolments/${legacy.enrolmentIds[0]}`)).status).toBe(200);
    expect((await kommun.post(url(legacy.enrolmentIds[0]), body)).status).toBe(409);
    const events = await auditRows({ personId: legacy.personId });
    expect(events.filter((e) => e.action === 'create' && e.outcome === 'allowed')).toHaveLength(1);
  });
});

describe('withdrawing the consent', () => {
  let person: Awaited<ReturnType<typeof addParticipant>>;

  beforeAll(async () => {
    // An exited enrolment in 2023, open ones in two of the municipality's interventions, and others around them.
    person = await addParticipant(t.db, {
      controllerId: t.world.orgs.kommun,
      personnummer: '19850505-1238',
      firstName: 'Bertil',
      lastName: 'Berg',
      gender: 'man',
      enrolments: [
        { interventionId: t.world.interventions.kommunInsats, start: '2023-01-10', exit: '2023-06-30', reason: 'work', notes: 'Bertil trivs', exitDetail: 'Hos Berg AB' },
        { interventionId: t.world.interventions.kommunInsats, start: '2024-02-01', ageAtStart: 38, notes: 'Ringer Bertil på måndag' },
        { interventionId: kommun2, start: '2024-05-01', ageAtStart: 38 },
      ],
      consent: { givenDate: '2023-01-10', partyIds: [t.world.orgs.af], documentRef: 'DNR 2023/5' },
    });
    for (const [i, gender] of (['woman', 'man', 'other', 'woman'] as const).entries()) {
      await addParticipant(t.db, {
        controllerId: t.world.orgs.kommun,
        participantRef: `FILL-${i}`,
        gender,
        enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: `202${3 + (i % 2)}-0${i + 2}-01`, ...(i % 2 ? { exit: '2024-09-30', reason: 'studies' } : {}), ageAtStart: 20 + i * 5 }],
      });
    }
  });

  it('refuses a date in the future, before the consent, or before an open enrolment began', async () => {
    const enrolmentId = person.enrolmentIds[1];
    for (const date of ['2999-01-01', '2022-12-31', '2024-04-30']) {
      const response = await kommun.post(url(enrolmentId, '/withdraw'), { date });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].path).toBe('date');
    }
  });

  it('exits every open enrolment, removes identity, and leaves every past figure as it was', async () => {
    const scopes = [{ intervention: 'KOMMUNINSATS' }, { intervention: 'KOMMUN2' }, { association: 'FORBUND' }];
    // Past periods end before the withdrawal; the last one contains it.
    const periods: [string, string][] = [['2023-01-01', '2023-12-31'], ['2024-01-01', '2024-06-30'], ['2024-01-01', '2024-12-31']];
    const before = await Promise.all(scopes.flatMap((s) => periods.map(([from, to]) => outcomes(s, from, to))));
    const containingBefore = await outcomes({ intervention: 'KOMMUNINSATS' }, '2025-01-01', '2025-12-31');
    expect((await af.get(`/api/v1/enrolments/${person.enrolmentIds[1]}`)).status).toBe(200);

    const response = await kommun.post(url(person.enrolmentIds[1], '/withdraw'), { date: '2025-03-15' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ withdrawnConsents: 1, withdrawnDate: '2025-03-15', exitedEnrolments: 2 });

    // Takes effect on the next request: AF no longer sees the person.
    expect((await af.get(`/api/v1/enrolments/${person.enrolmentIds[1]}`)).status).toBe(404);
    const after = await Promise.all(scopes.flatMap((s) => periods.map(([from, to]) => outcomes(s, from, to))));
    expect(after).toEqual(before);
    // The period containing the withdrawal now counts the exit, and nothing else changed.
    const containingAfter = await outcomes({ intervention: 'KOMMUNINSATS' }, '2025-01-01', '2025-12-31');
    expect(containingAfter.flow.active).toEqual(containingBefore.flow.active);
    expect(containingAfter.flow.exited.total).toBe(containingBefore.flow.exited.total! + 1);
    expect(containingAfter.exit_reasons.find((r) => r.code === 'consent_withdrawn')).toMatchObject({ man: 1, total: 1 });

    const stored = await t.db.selectFrom('persons').selectAll().where('id', '=', person.personId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ personnummer: null, first_name: null, last_name: null, participant_ref: null, gender: 'man' });
    expect(stored.identity_removed_at).not.toBeNull();
    const enrolments = await t.db.selectFrom('enrolments').selectAll().where('person_id', '=', person.personId).orderBy('start_date').execute();
    expect(enrolments.map((e) => [e.start_date, e.exit_date, e.exit_reason, e.notes, e.exit_detail])).toEqual([
      ['2023-01-10', '2023-06-30', 'work', null, null],
      ['2024-02-01', '2025-03-15', 'consent_withdrawn', null, null],
      ['2024-05-01', '2025-03-15', 'consent_withdrawn', null, null],
    ]);
    const consent = await t.db.selectFrom('consents').selectAll().where('person_id', '=', person.personId).executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ withdrawn_date: '2025-03-15', document_ref: null });
    expect(consent.withdrawn_at).not.toBeNull();

    // The controller still sees the enrolment, without identity.
    const view = await kommun.get(`/api/v1/enrolments/${person.enrolmentIds[1]}`);
    expect(view.body.person).toMatchObject({ identityRemoved: true, personnummer: null, firstName: null });
    expect(JSON.stringify(view.body)).not.toMatch(/Bertil|Berg|19850505/);

    const events = await t.db.selectFrom('audit_events').selectAll().where('person_id', '=', person.personId).where('actor_user_id', '=', t.world.users.kommunWorker.id).execute();
    expect(events.map((e) => `${e.entity}:${e.action}`).sort()).toEqual(
      expect.arrayContaining(['consent:update', 'enrolment:exit', 'enrolment:exit', 'person:delete']),
    );
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/Bertil|Berg|19850505/);
  });

  it('cannot be withdrawn twice, and a new consent cannot be recorded without identity', async () => {
    expect((await kommun.post(url(person.enrolmentIds[1], '/withdraw'), { date: '2025-03-16' })).status).toBe(409);
    const again = await kommun.post(url(person.enrolmentIds[1]), { givenDate: '2025-04-01', method: 'written', partyIds: [] });
    expect(again.status).toBe(409);
  });
});
