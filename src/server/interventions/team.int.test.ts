import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { seedWorld, type World } from '../../test/world.js';
import { anonymousClient, login, loginAsOwnPassword, testApp, type Client } from '../../test/http.js';
import type { App } from '../app.js';

let tdb: TestDatabase;
let app: App;
let world: World;
let as: (user: keyof World['users']) => Promise<Client>;

const missingId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  tdb = await openTestDatabase();
  world = await seedWorld(tdb.db);
  app = await testApp(tdb.db);
  as = (user) => login(app, world.users[user].email);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const teamRows = () => tdb.db.selectFrom('teams').selectAll().orderBy('id').execute();
const targetRows = () => tdb.db.selectFrom('intervention_volume_targets').selectAll().orderBy('intervention_id').orderBy('year').execute();

const expectBadRequest = (response: { status: number; body: any }, paths: string[]) => {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ code: 'bad_request', message: expect.any(String), errors: expect.any(Array) });
  for (const error of response.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
};

const teamsUrl = (id: string) => `/api/v1/interventions/${id}/teams`;
const targetUrl = (id: string, year: number | string) => `/api/v1/interventions/${id}/volume-targets/${year}`;

describe('GET /interventions/:id/teams', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).get(teamsUrl(world.interventions.kommunInsats))).status).toBe(401);
  });

  it('refuses a user without any role', async () => {
    expect((await (await as('noRole')).get(teamsUrl(world.interventions.kommunInsats))).status).toBe(403);
  });

  it('answers out of scope exactly as missing', async () => {
    const worker = await as('kommunWorker');
    const outside = await worker.get(teamsUrl(world.interventions.annatInsats));
    const missing = await worker.get(teamsUrl(missingId));
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it('lists the teams of a visible intervention', async () => {
    const response = await (await as('kommunWorker')).get(teamsUrl(world.interventions.kommunInsats));
    expect(response.status).toBe(200);
    expect(response.body.items.map((t: { name: string }) => t.name)).toEqual(['Team A', 'Team B']);
  });

  it('rejects a malformed id', async () => {
    expectBadRequest(await (await as('kommunWorker')).get(teamsUrl('x')), ['params.id']);
  });
});

describe('POST /interventions/:id/teams', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).post(teamsUrl(world.interventions.kommunInsats), { name: 'Team C' })).status).toBe(401);
  });

  it('refuses a case worker, and a lead of one team only', async () => {
    expect((await (await as('kommunWorker')).post(teamsUrl(world.interventions.kommunInsats), { name: 'Team C' })).status).toBe(403);
    const teamLead = (
      await (await as('systemAdmin')).post('/api/v1/users', { email: 'teamledare@kommun.test', displayName: 'Teamledare', password: 'ett-långt-lösenord', organisationId: world.orgs.kommun })
    ).body;
    await tdb.db.insertInto('assignments').values({ user_id: teamLead.id, role: 'intervention_lead', team_id: world.teams.teamA }).execute();
    const client = await loginAsOwnPassword(app, 'teamledare@kommun.test', 'ett-långt-lösenord');
    expect((await client.post(teamsUrl(world.interventions.kommunInsats), { name: 'Team C' })).status).toBe(403);
  });

  it('answers out of scope exactly as missing', async () => {
    const lead = await as('lead');
    const outside = await lead.post(teamsUrl(world.interventions.annatInsats), { name: 'Team C' });
    const missing = await lead.post(teamsUrl(missingId), { name: 'Team C' });
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it('lets the lead add a team, with a unique name', async () => {
    const lead = await as('lead');
    const created = await lead.post(teamsUrl(world.interventions.kommunInsats), { name: '  Team C ' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Team C' });
    const before = await teamRows();
    const again = await lead.post(teamsUrl(world.interventions.kommunInsats), { name: 'Team C' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Insatsen har redan ett team med det namnet. Välj ett annat namn.');
    expect(await teamRows()).toEqual(before);
    // The same name in another intervention is fine.
    const elsewhere = await (await as('systemAdmin')).post(teamsUrl(world.interventions.afInsats), { name: 'Team C' });
    expect(elsewhere.status).toBe(201);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const before = await teamRows();
    expectBadRequest(await (await as('lead')).post(teamsUrl(world.interventions.kommunInsats), { name: '   ' }), ['body.name']);
    expectBadRequest(await (await as('lead')).post(teamsUrl(world.interventions.kommunInsats), { name: 'x'.repeat(101) }), ['body.name']);
    expect(await teamRows()).toEqual(before);
  });
});

describe('PUT /interventions/:id/volume-targets/:year', () => {
  const put = (client: Client, id: string, year: number | string, body: unknown) => client.request('PUT', targetUrl(id, year), body);

  it('needs a session', async () => {
    expect((await put(anonymousClient(app), world.interventions.kommunInsats, 2025, { target: 80 })).status).toBe(401);
  });

  it('refuses roles that may not change the intervention', async () => {
    expect((await put(await as('kommunWorker'), world.interventions.kommunInsats, 2025, { target: 80 })).status).toBe(403);
    expect((await put(await as('associationAdmin'), world.interventions.kommunInsats, 2025, { target: 80 })).status).toBe(403);
  });

  it('answers out of scope exactly as missing', async () => {
    const lead = await as('lead');
    const outside = await put(lead, world.interventions.annatInsats, 2025, { target: 80 });
    const missing = await put(lead, missingId, 2025, { target: 80 });
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it('sets and replaces a yearly target, shown on the intervention', async () => {
    const lead = await as('lead');
    expect((await put(lead, world.interventions.kommunInsats, 2025, { target: 80 })).body).toEqual({ year: 2025, target: 80 });
    const replaced = await put(lead, world.interventions.kommunInsats, 2025, { target: 90 });
    expect(replaced.status).toBe(200);
    await put(lead, world.interventions.kommunInsats, 2024, { target: 70 });
    const view = await lead.get(`/api/v1/interventions/${world.interventions.kommunInsats}`);
    expect(view.body.volumeTargets).toEqual([{ year: 2024, target: 70 }, { year: 2025, target: 90 }]);
    expect(view.body.volumeTarget).toBe(100);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const lead = await as('lead');
    const before = await targetRows();
    expectBadRequest(await put(lead, world.interventions.kommunInsats, 1999, { target: 10 }), ['params.year']);
    expectBadRequest(await put(lead, world.interventions.kommunInsats, 'förra', { target: 10 }), ['params.year']);
    expectBadRequest(await put(lead, world.interventions.kommunInsats, 2025, { target: -1 }), ['body.target']);
    expectBadRequest(await put(lead, world.interventions.kommunInsats, 2025, { target: 'många' }), ['body.target']);
    expect(await targetRows()).toEqual(before);
  });
});
