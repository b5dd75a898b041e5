import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { seedWorld, type World } from '../../test/world.js';
import { anonymousClient, login, testApp, type Client } from '../../test/http.js';
import type { App } from '../app.js';

let tdb: TestDatabase;
let app: App;
let world: World;
let as: (user: keyof World['users']) => Promise<Client>;

const missingId = '00000000-0000-4000-8000-000000000000';
const notFoundBody = { code: 'not_found', message: 'Uppgiften finns inte.', errors: [] };

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

const interventionRows = () => tdb.db.selectFrom('interventions').selectAll().orderBy('id').execute();

const expectBadRequest = (response: { status: number; body: any }, paths: string[]) => {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ code: 'bad_request', message: expect.any(String), errors: expect.any(Array) });
  for (const error of response.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
};

const newIntervention = (overrides: Record<string, unknown> = {}) => ({
  code: 'AVANTI',
  name: 'Avanti',
  ownerId: world.orgs.kommun,
  associationId: world.orgs.forbund,
  startDate: '2025-01-01',
  endDate: '2027-12-31',
  places: 30,
  volumeTarget: 60,
  ...overrides,
});

describe('GET /interventions', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).get('/api/v1/interventions')).status).toBe(401);
  });

  it('refuses a user without any role', async () => {
    expect((await (await as('noRole')).get('/api/v1/interventions')).status).toBe(403);
  });

  it('lists only interventions in the actor’s scope', async () => {
    const codes = async (user: keyof World['users']) =>
      (await (await as(user)).get('/api/v1/interventions')).body.items.map((i: { code: string }) => i.code).sort();
    // AF-INSATS is visible through the förbund the municipality is a member of; ANNAT-INSATS is not.
    expect(await codes('kommunWorker')).toEqual(['AF-INSATS', 'KOMMUNINSATS']);
    expect(await codes('systemAdmin')).toEqual(['AF-INSATS', 'ANNAT-INSATS', 'KOMMUNINSATS']);
  });
});

describe('GET /interventions/:id', () => {
  const url = () => `/api/v1/interventions/${world.interventions.kommunInsats}`;

  it('needs a session', async () => {
    expect((await anonymousClient(app).get(url())).status).toBe(401);
  });

  it('refuses a user without any role', async () => {
    expect((await (await as('noRole')).get(url())).status).toBe(403);
  });

  it('answers out of scope exactly as missing', async () => {
    const worker = await as('kommunWorker');
    const outside = await worker.get(`/api/v1/interventions/${world.interventions.annatInsats}`);
    const missing = await worker.get(`/api/v1/interventions/${missingId}`);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    expect(missing.body).toEqual(notFoundBody);
  });

  it('shows the intervention with teams and what the actor may do', async () => {
    const view = await (await as('lead')).get(url());
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      code: 'KOMMUNINSATS',
      owner: { id: world.orgs.kommun, code: 'KOMMUN' },
      association: { id: world.orgs.forbund, code: 'FORBUND' },
      teams: [{ id: world.teams.teamA, name: 'Team A' }, { id: world.teams.teamB, name: 'Team B' }],
      volumeTargets: [],
    });
    const can = async (user: keyof World['users']) => (await (await as(user)).get(url())).body.can;
    // Drill-down is the owner's case workers' on the intervention itself (drill-down.int.test.ts).
    const all = (update: boolean, enrol: boolean, report: boolean, drillDown = false) => ({ update, manageTeams: update, enrol, report, drillDown });
    expect(view.body.can).toEqual(all(true, false, true));
    expect(await can('kommunWorker')).toEqual(all(false, true, true, true));
    expect(await can('teamBWorker')).toEqual(all(false, true, true));
    expect(await can('orgAdmin')).toEqual(all(true, false, false));
    expect(await can('afOrgAdmin')).toEqual(all(false, false, false));
    expect(await can('associationAdmin')).toEqual(all(false, false, true));
    expect(await can('reportReader')).toEqual(all(false, false, false));
    expect(await can('systemAdmin')).toEqual(all(true, false, false));
  });

  it('rejects a malformed id', async () => {
    expectBadRequest(await (await as('lead')).get('/api/v1/interventions/123'), ['params.id']);
  });
});

describe('POST /interventions', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).post('/api/v1/interventions', newIntervention())).status).toBe(401);
  });

  it('refuses roles that do not set up interventions', async () => {
    expect((await (await as('kommunWorker')).post('/api/v1/interventions', newIntervention())).status).toBe(403);
    // A lead may change the own intervention but not create new ones.
    expect((await (await as('lead')).post('/api/v1/interventions', newIntervention())).status).toBe(403);
  });

  it('lets an org_admin create only for the own organisation; another owner answers as missing', async () => {
    const orgAdmin = await as('orgAdmin');
    const before = await interventionRows();
    const foreign = await orgAdmin.post('/api/v1/interventions', newIntervention({ ownerId: world.orgs.af }));
    const missing = await orgAdmin.post('/api/v1/interventions', newIntervention({ ownerId: missingId }));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(await interventionRows()).toEqual(before);
    const created = await orgAdmin.post('/api/v1/interventions', newIntervention());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'AVANTI',
      owner: { id: world.orgs.kommun },
      orientation: 'individual',
      followUp: 'individual',
      places: 30,
      teams: [],
      can: { update: true, manageTeams: true },
    });
  });

  it('lets a system administrator create for any owner', async () => {
    const response = await (await as('systemAdmin')).post(
      '/api/v1/interventions',
      newIntervention({ code: 'FK-INSATS', ownerId: world.orgs.fk, associationId: null, followUp: 'count_only' }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ owner: { id: world.orgs.fk }, association: null, followUp: 'count_only' });
  });

  it('refuses a code in use with 409', async () => {
    const before = await interventionRows();
    const response = await (await as('orgAdmin')).post('/api/v1/interventions', newIntervention({ name: 'Igen' }));
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('Det finns redan en insats med den koden. Välj en annan kod.');
    expect(await interventionRows()).toEqual(before);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const orgAdmin = await as('orgAdmin');
    const before = await interventionRows();
    const bad = await orgAdmin.post(
      '/api/v1/interventions',
      newIntervention({ code: 'NY', startDate: '2025-02-30', endDate: '2024-01-01', places: -1, orientation: 'other' }),
    );
    expectBadRequest(bad, ['body.startDate', 'body.places', 'body.orientation']);
    expectBadRequest(await orgAdmin.post('/api/v1/interventions', newIntervention({ code: 'NY', endDate: '2024-12-31' })), ['body.endDate']);
    const notAssociation = await orgAdmin.post('/api/v1/interventions', newIntervention({ code: 'NY', associationId: world.orgs.af }));
    expectBadRequest(notAssociation, ['associationId']);
    expect(await interventionRows()).toEqual(before);
  });
});

describe('PATCH /interventions/:id', () => {
  const url = () => `/api/v1/interventions/${world.interventions.kommunInsats}`;

  it('needs a session', async () => {
    expect((await anonymousClient(app).patch(url(), { name: 'X' })).status).toBe(401);
  });

  it('refuses a case worker, and an admin of another party who can only see it', async () => {
    expect((await (await as('kommunWorker')).patch(url(), { name: 'X' })).status).toBe(403);
    const response = await (await as('afOrgAdmin')).patch(url(), { name: 'X' });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/Be insatsens ansvariga/);
  });

  it('answers out of scope exactly as missing', async () => {
    const orgAdmin = await as('orgAdmin');
    const outside = await orgAdmin.patch(`/api/v1/interventions/${world.interventions.annatInsats}`, { name: 'X' });
    const missing = await orgAdmin.patch(`/api/v1/interventions/${missingId}`, { name: 'X' });
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it('lets the lead update the intervention', async () => {
    const response = await (await as('lead')).patch(url(), { name: 'Kommunens insats', endDate: '2030-12-31', places: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Kommunens insats', endDate: '2030-12-31', places: null, volumeTarget: 100 });
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const lead = await as('lead');
    const before = await interventionRows();
    expectBadRequest(await lead.patch(url(), { name: '', places: -3, endDate: '2030-13-01' }), ['body.name', 'body.places', 'body.endDate']);
    expectBadRequest(await lead.patch(url(), { endDate: '2019-12-31' }), ['endDate']);
    expect(await interventionRows()).toEqual(before);
  });
});
