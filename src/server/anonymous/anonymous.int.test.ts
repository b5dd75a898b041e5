import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { anonymousClient, type Client } from '../../test/http.js';

const t = worldFixture();

const missingId = '00000000-0000-4000-8000-000000000000';
const url = '/api/v1/anonymous-registrations';

const registrationRows = () => t.db.selectFrom('anonymous_registrations').selectAll().orderBy('id').execute();

const expectBadRequest = (response: { status: number; body: any }, paths: string[]) => {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ code: 'bad_request', message: expect.any(String), errors: expect.any(Array) });
  for (const error of response.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
};

const registration = (overrides: Record<string, unknown> = {}) => ({
  interventionId: t.world.interventions.kommunInsats,
  year: 2024,
  gender: 'woman',
  count: 3,
  ...overrides,
});

describe('POST /anonymous-registrations', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(t.app).post(url, registration())).status).toBe(401);
  });

  it('refuses roles that do not register participants', async () => {
    for (const user of ['orgAdmin', 'associationAdmin', 'systemAdmin'] as const) {
      expect((await t.as(user).post(url, registration())).status).toBe(403);
    }
  });

  it('answers an intervention or team the actor is not assigned to exactly as missing', async () => {
    const before = await registrationRows();
    const fk = t.as('fkWorker');
    const outside = await fk.post(url, registration({ interventionId: t.world.interventions.afInsats }));
    const missing = await fk.post(url, registration({ interventionId: missingId }));
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    // A team worker registers in the own team, not in the intervention as a whole or another team.
    const teamB = t.as('teamBWorker');
    expect((await teamB.post(url, registration())).body).toEqual(missing.body);
    expect((await teamB.post(url, registration({ teamId: t.world.teams.teamA }))).body).toEqual(missing.body);
    expect(await registrationRows()).toEqual(before);
  });

  it('registers a head count controlled by the intervention’s owner, and audits it', async () => {
    const response = await t.as('afWorker').post(url, registration());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), interventionId: t.world.interventions.kommunInsats, teamId: null, year: 2024, gender: 'woman', count: 3 });
    const row = await t.db.selectFrom('anonymous_registrations').selectAll().where('id', '=', response.body.id).executeTakeFirstOrThrow();
    // The AF case worker registers, but the municipality owns the intervention and so controls the record.
    expect(row.controller_org_id).toBe(t.world.orgs.kommun);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'anonymous_registration').execute();
    expect(audit).toMatchObject([{ action: 'create', actor_user_id: t.world.users.afWorker.id, actor_role: 'case_worker', outcome: 'allowed' }]);
    expect((await t.as('teamBWorker').post(url, registration({ teamId: t.world.teams.teamB, gender: 'man', count: 1 }))).status).toBe(201);
    expect((await t.as('lead').post(url, registration({ year: 2025, gender: 'other', count: 2 }))).status).toBe(201);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const worker = t.as('kommunWorker');
    const before = await registrationRows();
    expectBadRequest(await worker.post(url, registration({ gender: 'x', count: 0, year: 1999 })), ['body.gender', 'body.count', 'body.year']);
    expectBadRequest(await worker.post(url, registration({ interventionId: 'kommun' })), ['body.interventionId']);
    expectBadRequest(await worker.post(url, registration({ year: 2019 })), ['year']);
    expectBadRequest(await worker.post(url, registration({ teamId: missingId })), ['teamId']);
    expect(await registrationRows()).toEqual(before);
  });
});

describe('GET /anonymous-registrations', () => {
  const list = (client: Client, interventionId: string, year?: number) =>
    client.get(`${url}?interventionId=${interventionId}${year ? `&year=${year}` : ''}`);

  it('needs a session', async () => {
    expect((await list(anonymousClient(t.app), t.world.interventions.kommunInsats)).status).toBe(401);
  });

  it('refuses roles that do not work with registrations', async () => {
    expect((await list(t.as('orgAdmin'), t.world.interventions.kommunInsats)).status).toBe(403);
    expect((await list(t.as('reportReader'), t.world.interventions.kommunInsats)).status).toBe(403);
  });

  it('answers an intervention the actor is not assigned to exactly as missing', async () => {
    const fk = t.as('fkWorker');
    const outside = await list(fk, t.world.interventions.afInsats);
    const missing = await list(fk, missingId);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it('lists the registrations of the intervention, or of the own team, by year', async () => {
    const all = await list(t.as('lead'), t.world.interventions.kommunInsats);
    expect(all.status).toBe(200);
    expect(all.body.items.map((r: { year: number; gender: string; count: number }) => [r.year, r.gender, r.count])).toEqual([
      [2025, 'other', 2],
      [2024, 'woman', 3],
      [2024, 'man', 1],
    ]);
    const year = await list(t.as('kommunWorker'), t.world.interventions.kommunInsats, 2024);
    expect(year.body.items).toHaveLength(2);
    const team = await list(t.as('teamBWorker'), t.world.interventions.kommunInsats);
    expect(team.body.items).toEqual([expect.objectContaining({ teamId: t.world.teams.teamB, gender: 'man', count: 1 })]);
  });

  it('rejects bad input', async () => {
    const worker = t.as('kommunWorker');
    expectBadRequest(await worker.get(url), ['querystring.interventionId']);
    expectBadRequest(await worker.get(`${url}?interventionId=${t.world.interventions.kommunInsats}&year=i-fjol`), ['querystring.year']);
  });
});
