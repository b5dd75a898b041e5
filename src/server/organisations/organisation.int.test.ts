import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { seedWorld, type World } from '../../test/world.js';
import { anonymousClient, login, testApp, type Client } from '../../test/http.js';
import type { App } from '../app.js';

let tdb: TestDatabase;
let app: App;
let world: World;
let admin: Client;
let worker: Client;
let noRole: Client;

const missingId = '00000000-0000-4000-8000-000000000000';
const notFoundBody = { code: 'not_found', message: 'Uppgiften finns inte.', errors: [] };

beforeAll(async () => {
  tdb = await openTestDatabase();
  world = await seedWorld(tdb.db);
  app = await testApp(tdb.db);
  admin = await login(app, world.users.systemAdmin.email);
  worker = await login(app, world.users.kommunWorker.email);
  noRole = await login(app, world.users.noRole.email);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

/** Everything these routes can change, to prove a refused request changed nothing. */
const snapshot = async () => ({
  organisations: await tdb.db.selectFrom('organisations').selectAll().orderBy('id').execute(),
  members: await tdb.db.selectFrom('association_members').selectAll().orderBy('association_id').orderBy('organisation_id').execute(),
});

const expectBadRequest = (response: { status: number; body: any }, paths: string[]) => {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ code: 'bad_request', message: expect.any(String), errors: expect.any(Array) });
  for (const error of response.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
};

const newOrg = (overrides: Record<string, unknown> = {}) => ({
  code: 'REGION',
  name: 'Region Skåne',
  kind: 'region',
  orgNumber: '232100-0255',
  associationIds: [world.orgs.forbund],
  ...overrides,
});

describe('GET /organisations', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).get('/api/v1/organisations')).status).toBe(401);
  });

  it('refuses a user without any role', async () => {
    expect((await noRole.get('/api/v1/organisations')).status).toBe(403);
  });

  it('lists every organisation with its förbund memberships, to any role', async () => {
    const response = await worker.get('/api/v1/organisations');
    expect(response.status).toBe(200);
    const byCode = Object.fromEntries(response.body.items.map((o: { code: string }) => [o.code, o]));
    expect(Object.keys(byCode).sort()).toEqual(['AF', 'ANNAT', 'FK', 'FORBUND', 'KOMMUN']);
    expect(byCode.KOMMUN).toEqual({
      id: world.orgs.kommun,
      code: 'KOMMUN',
      name: 'Org KOMMUN',
      kind: 'municipality',
      orgNumber: null,
      associationIds: [world.orgs.forbund],
    });
    expect(byCode.FORBUND.associationIds).toEqual([]);
  });
});

describe('GET /organisations/:id', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).get(`/api/v1/organisations/${world.orgs.af}`)).status).toBe(401);
  });

  it('refuses a user without any role', async () => {
    expect((await noRole.get(`/api/v1/organisations/${world.orgs.af}`)).status).toBe(403);
  });

  it('shows any organisation (shared master data) and answers a missing one with 404', async () => {
    const other = await worker.get(`/api/v1/organisations/${world.orgs.other}`);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ code: 'ANNAT', kind: 'association', associationIds: [] });
    const missing = await worker.get(`/api/v1/organisations/${missingId}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(notFoundBody);
  });

  it('rejects a malformed id', async () => {
    expectBadRequest(await worker.get('/api/v1/organisations/not-an-id'), ['params.id']);
  });
});

describe('POST /organisations', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).post('/api/v1/organisations', newOrg())).status).toBe(401);
  });

  it('is for system administrators only', async () => {
    for (const email of [world.users.kommunWorker.email, world.users.orgAdmin.email]) {
      const response = await (await login(app, email)).post('/api/v1/organisations', newOrg());
      expect(response.status).toBe(403);
    }
    expect(await tdb.db.selectFrom('organisations').select('id').where('code', '=', 'REGION').executeTakeFirst()).toBeUndefined();
  });

  it('creates an organisation with its memberships', async () => {
    const response = await admin.post('/api/v1/organisations', newOrg());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), ...newOrg() });
    expect((await admin.get(`/api/v1/organisations/${response.body.id}`)).body).toEqual(response.body);
  });

  it('refuses a code in use with 409 and a clear message', async () => {
    const before = await snapshot();
    const response = await admin.post('/api/v1/organisations', newOrg({ name: 'Annan region' }));
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      code: 'conflict',
      message: 'Det finns redan en organisation med den koden. Välj en annan kod.',
      errors: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const before = await snapshot();
    expectBadRequest(await admin.post('/api/v1/organisations', newOrg({ code: 'NY', kind: 'club', orgNumber: '123' })), [
      'body.kind',
      'body.orgNumber',
    ]);
    // A member only of förbund: the municipality is not one.
    const notAssociation = await admin.post('/api/v1/organisations', newOrg({ code: 'NY', associationIds: [world.orgs.kommun] }));
    expectBadRequest(notAssociation, ['associationIds']);
    expectBadRequest(await admin.post('/api/v1/organisations', newOrg({ code: 'NY2', associationIds: [missingId] })), ['associationIds']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('PATCH /organisations/:id', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).patch(`/api/v1/organisations/${world.orgs.fk}`, { name: 'FK' })).status).toBe(401);
  });

  it('is for system administrators only', async () => {
    const orgAdmin = await login(app, world.users.orgAdmin.email);
    expect((await orgAdmin.patch(`/api/v1/organisations/${world.orgs.kommun}`, { name: 'Egen' })).status).toBe(403);
    expect((await worker.patch(`/api/v1/organisations/${world.orgs.kommun}`, { name: 'Egen' })).status).toBe(403);
  });

  it('answers a missing organisation with 404', async () => {
    const response = await admin.patch(`/api/v1/organisations/${missingId}`, { name: 'X' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual(notFoundBody);
  });

  it('updates name, organisation number and memberships', async () => {
    const response = await admin.patch(`/api/v1/organisations/${world.orgs.fk}`, {
      name: 'Försäkringskassan',
      orgNumber: '202100-5521',
      associationIds: [world.orgs.forbund, world.orgs.other, world.orgs.other],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 'FK', name: 'Försäkringskassan', orgNumber: '202100-5521' });
    expect(response.body.associationIds.sort()).toEqual([world.orgs.forbund, world.orgs.other].sort());
    const cleared = await admin.patch(`/api/v1/organisations/${world.orgs.fk}`, { associationIds: [world.orgs.forbund] });
    expect(cleared.body.associationIds).toEqual([world.orgs.forbund]);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const before = await snapshot();
    expectBadRequest(await admin.patch(`/api/v1/organisations/${world.orgs.fk}`, { name: '', orgNumber: 'x' }), ['body.name', 'body.orgNumber']);
    const self = await admin.patch(`/api/v1/organisations/${world.orgs.forbund}`, { associationIds: [world.orgs.forbund] });
    expectBadRequest(self, ['associationIds']);
    expectBadRequest(await admin.patch(`/api/v1/organisations/${world.orgs.fk}`, { associationIds: [world.orgs.af] }), ['associationIds']);
    expect(await snapshot()).toEqual(before);
  });
});
