import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import type { World } from '../../test/world.js';
import { anonymousClient, login } from '../../test/http.js';

const t = worldFixture();
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const fk = t.as('fkWorker');

const enrolBody = (w: World, overrides: Record<string, unknown> = {}) => ({
  mode: 'consent',
  interventionId: w.interventions.kommunInsats,
  gender: 'woman',
  startDate: '2024-03-01',
  person: { personnummer: '19900101-0017', firstName: 'Anna', lastName: 'Andersson' },
  consent: { givenDate: '2024-03-01', method: 'written', partyIds: [w.orgs.af] },
  incomeBefore: ['social_assistance'],
  ...overrides,
});

const auditCount = async (enrolmentId: string, outcome = 'allowed') =>
  Number(
    (
      await t.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('enrolment_id', '=', enrolmentId)
        .where('outcome', '=', outcome as 'allowed')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('enrolments', () => {
  let enrolmentId: string;

  it('needs a session', async () => {
    const response = await anonymousClient(t.app).get('/api/v1/enrolments');
    expect(response.status).toBe(401);
  });

  it('a case worker enrols a participant with consent, and the act is audited', async () => {
    const response = await kommun.post('/api/v1/enrolments', enrolBody(t.world));
    expect(response.status).toBe(201);
    expect(response.body.kind).toBe('enrolment');
    enrolmentId = response.body.id;
    const view = await kommun.get(`/api/v1/enrolments/${enrolmentId}`);
    expect(view.status).toBe(200);
    expect(view.body.person.personnummer).toBe('19900101-0017');
    expect(view.body.ageAtStart).toBe(34);
    expect(view.body.consent.parties.map((p: { code: string }) => p.code).sort()).toEqual(['AF', 'KOMMUN']);
    const events = await t.db.selectFrom('audit_events').selectAll().where('enrolment_id', '=', enrolmentId).execute();
    expect(events.map((e) => e.action).sort()).toEqual(['create', 'read']);
    expect(events.every((e) => e.actor_user_id === t.world.users.kommunWorker.id && e.actor_role === 'case_worker')).toBe(true);
  });

  it('another party sees the participant only while the consent names it', async () => {
    const seenByAf = await af.get(`/api/v1/enrolments/${enrolmentId}`);
    expect(seenByAf.status).toBe(200);
    const seenByFk = await fk.get(`/api/v1/enrolments/${enrolmentId}`);
    const missing = await fk.get('/api/v1/enrolments/00000000-0000-4000-8000-000000000000');
    expect(seenByFk.status).toBe(404);
    expect(seenByFk.body).toEqual(missing.body);
    const fkList = await fk.get(`/api/v1/enrolments?interventionId=${t.world.interventions.kommunInsats}`);
    expect(fkList.body.items.map((i: { id: string }) => i.id)).not.toContain(enrolmentId);
    expect(await auditCount(enrolmentId, 'denied')).toBeGreaterThanOrEqual(1);
  });

  it('a case worker of another team does not see it', async () => {
    const teamB = t.as('teamBWorker');
    expect((await teamB.get(`/api/v1/enrolments/${enrolmentId}`)).status).toBe(404);
  });

  it('aggregate-only roles never receive person data', async () => {
    for (const user of [t.world.users.associationAdmin, t.world.users.reportReader, t.world.users.lead, t.world.users.systemAdmin]) {
      const client = await login(t.app, user.email);
      const response = await client.get(`/api/v1/enrolments/${enrolmentId}`);
      expect([403, 404]).toContain(response.status);
      expect(JSON.stringify(response.body)).not.toContain('Anna');
    }
  });

  it('lists and searches within scope, auditing each row returned', async () => {
    const before = await auditCount(enrolmentId);
    const list = await kommun.get(`/api/v1/enrolments?interventionId=${t.world.interventions.kommunInsats}&status=active`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const search = await kommun.post('/api/v1/enrolments/search', { q: 'andersson' });
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([enrolmentId]);
    const byNumber = await kommun.post('/api/v1/enrolments/search', { q: '199001010017' });
    expect(byNumber.body.total).toBe(1);
    expect(await auditCount(enrolmentId)).toBe(before + 3);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const count = async () => (await t.db.selectFrom('enrolments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const bad = await kommun.post(
      '/api/v1/enrolments',
      enrolBody(t.world, { person: { personnummer: '19900101-0018' }, startDate: '2024-02-30', incomeBefore: ['lottery'] }),
    );
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.person.personnummer', 'body.startDate']));
    const badCode = await kommun.post('/api/v1/enrolments', enrolBody(t.world, { person: { participantRef: 'X-1' }, incomeBefore: ['lottery'] }));
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors).toEqual([{ path: 'incomeBefore', message: "Okänd kod 'lottery' i kodlistan income_source" }]);
    expect(await count()).toBe(before);
  });

  it('cannot enrol in an intervention without an assignment there', async () => {
    const response = await fk.post('/api/v1/enrolments', enrolBody(t.world, { interventionId: t.world.interventions.afInsats }));
    expect(response.status).toBe(404);
    // Naming a team does not tell whether it belongs to the intervention: the answer is the same.
    const withTeam = await fk.post('/api/v1/enrolments', enrolBody(t.world, { interventionId: t.world.interventions.afInsats, teamId: t.world.teams.teamA }));
    expect(withTeam.status).toBe(404);
    expect(withTeam.body).toEqual(response.body);
  });

  it('registers anonymously without storing identity', async () => {
    const response = await kommun.post('/api/v1/enrolments', {
      mode: 'protected',
      interventionId: t.world.interventions.kommunInsats,
      gender: 'man',
      startDate: '2024-05-01',
    });
    expect(response.status).toBe(201);
    expect(response.body.kind).toBe('anonymous');
    const row = await t.db.selectFrom('anonymous_registrations').selectAll().where('id', '=', response.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ year: 2024, gender: 'man', count: 1 });
  });

  it('updates and exits, then refuses a second exit', async () => {
    expect((await af.patch(`/api/v1/enrolments/${enrolmentId}`, { education: 'upper_secondary' })).status).toBe(200);
    const early = await kommun.post(`/api/v1/enrolments/${enrolmentId}/exit`, { exitDate: '2024-01-01', exitReason: 'work' });
    expect(early.status).toBe(400);
    const exit = await kommun.post(`/api/v1/enrolments/${enrolmentId}/exit`, {
      exitDate: '2024-09-30',
      exitReason: 'work',
      incomeAfter: ['salary'],
      occupationAfter: 'working',
      occupationAfterExtent: 100,
    });
    expect(exit.status).toBe(200);
    const view = await kommun.get(`/api/v1/enrolments/${enrolmentId}`);
    expect(view.body).toMatchObject({ exitDate: '2024-09-30', exitReason: 'work', education: 'upper_secondary', can: { exit: false } });
    expect((await kommun.post(`/api/v1/enrolments/${enrolmentId}/exit`, { exitDate: '2024-10-01', exitReason: 'work' })).status).toBe(409);
  });

  it('refuses writes without the CSRF token', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/enrolments/${enrolmentId}`,
      headers: { cookie: (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: t.world.users.kommunWorker.email, password: 'rätt-hemligt-lösenord' } })).headers['set-cookie'] as string },
      payload: { notes: 'x' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('the API description', () => {
  it('is served at /api/docs without a session and lists the enrolment routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(expect.arrayContaining(['/api/v1/enrolments', '/api/v1/enrolments/{id}']));
  });

  it('answers 401 before validating the body of a caller without a session', async () => {
    const response = await anonymousClient(t.app).post('/api/v1/enrolments', { nonsense: true });
    expect(response.status).toBe(401);
  });
});
