import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { seedWorld, type World } from '../../test/world.js';
import { anonymousClient, login, testApp, type Client } from '../../test/http.js';
import type { App } from '../app.js';
import { checkCodes } from './code-list.repository.js';

let tdb: TestDatabase;
let app: App;
let world: World;
let admin: Client;
let worker: Client;

const notFoundBody = { code: 'not_found', message: 'Uppgiften finns inte.', errors: [] };

beforeAll(async () => {
  tdb = await openTestDatabase();
  world = await seedWorld(tdb.db);
  app = await testApp(tdb.db);
  admin = await login(app, world.users.systemAdmin.email);
  worker = await login(app, world.users.kommunWorker.email);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const entryRows = () => tdb.db.selectFrom('code_list_entries').selectAll().orderBy('list').orderBy('code').execute();

const expectBadRequest = (response: { status: number; body: any }, paths: string[]) => {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ code: 'bad_request', message: expect.any(String), errors: expect.any(Array) });
  for (const error of response.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
};

const newEntry = { code: 'homeless', label: 'Hemlöshet' };

describe('POST /code-lists/:list', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).post('/api/v1/code-lists/target_group', newEntry)).status).toBe(401);
  });

  it('is for system administrators only', async () => {
    expect((await worker.post('/api/v1/code-lists/target_group', newEntry)).status).toBe(403);
    expect((await (await login(app, world.users.orgAdmin.email)).post('/api/v1/code-lists/target_group', newEntry)).status).toBe(403);
  });

  it('answers an unknown list as not found', async () => {
    const response = await admin.post('/api/v1/code-lists/hobbies', newEntry);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(notFoundBody);
  });

  it('adds a code at the end of the list, valid from the given date', async () => {
    const response = await admin.post('/api/v1/code-lists/target_group', { ...newEntry, validFrom: '2026-01-01' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ list: 'target_group', code: 'homeless', label: 'Hemlöshet', group: null, validFrom: '2026-01-01', validTo: null });
    const list = await worker.get('/api/v1/code-lists?list=target_group');
    expect(list.body.at(-1).code).toBe('homeless');
    expect(await checkCodes(tdb.db, [{ list: 'target_group', codes: ['homeless'], path: 'x' }], '2025-12-31')).toHaveLength(1);
    expect(await checkCodes(tdb.db, [{ list: 'target_group', codes: ['homeless'], path: 'x' }], '2026-01-01')).toEqual([]);
    const grouped = await admin.post('/api/v1/code-lists/exit_reason', { code: 'military_service', label: 'Värnplikt', group: 'other' });
    expect(grouped.status).toBe(201);
    expect(grouped.body).toMatchObject({ group: 'other', validFrom: '2000-01-01' });
  });

  it('refuses a code already in the list with 409', async () => {
    const before = await entryRows();
    const response = await admin.post('/api/v1/code-lists/target_group', { code: 'neet', label: 'Ny' });
    expect(response.status).toBe(409);
    expect(response.body.message).toBe("Koden 'neet' finns redan i kodlistan target_group. Ändra den befintliga koden i stället.");
    expect(await entryRows()).toEqual(before);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const before = await entryRows();
    expectBadRequest(await admin.post('/api/v1/code-lists/target_group', { code: 'Ny Kod', label: '' }), ['body.code', 'body.label']);
    expectBadRequest(
      await admin.post('/api/v1/code-lists/target_group', { code: 'x', label: 'X', validFrom: '2026-01-01', validTo: '2025-01-01' }),
      ['body.validTo'],
    );
    // Figures are built by group: an exit reason without a known group would be counted nowhere.
    expectBadRequest(await admin.post('/api/v1/code-lists/exit_reason', { code: 'x', label: 'X' }), ['group']);
    expectBadRequest(await admin.post('/api/v1/code-lists/exit_reason', { code: 'x', label: 'X', group: 'lottery' }), ['group']);
    expectBadRequest(await admin.post('/api/v1/code-lists/gender', { code: 'x', label: 'X', group: 'other' }), ['group']);
    expectBadRequest(await admin.post('/api/v1/code-lists/Gender', newEntry), ['params.list']);
    expect(await entryRows()).toEqual(before);
  });
});

describe('PATCH /code-lists/:list/:code', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(app).patch('/api/v1/code-lists/target_group/neet', { label: 'X' })).status).toBe(401);
  });

  it('is for system administrators only', async () => {
    expect((await worker.patch('/api/v1/code-lists/target_group/neet', { label: 'X' })).status).toBe(403);
  });

  it('answers a missing code as not found', async () => {
    const response = await admin.patch('/api/v1/code-lists/target_group/lottery', { label: 'X' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual(notFoundBody);
  });

  it('relabels and closes a code, which stays for past records', async () => {
    const response = await admin.patch('/api/v1/code-lists/target_group/neet', { label: 'Unga som varken arbetar eller studerar', validTo: '2025-12-31' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 'neet', label: 'Unga som varken arbetar eller studerar', validTo: '2025-12-31' });
    expect(await checkCodes(tdb.db, [{ list: 'target_group', codes: ['neet'], path: 'x' }], '2025-12-31')).toEqual([]);
    expect(await checkCodes(tdb.db, [{ list: 'target_group', codes: ['neet'], path: 'x' }], '2026-01-01')).toHaveLength(1);
    const reopened = await admin.patch('/api/v1/code-lists/target_group/neet', { validTo: null });
    expect(reopened.body.validTo).toBeNull();
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const before = await entryRows();
    expectBadRequest(await admin.patch('/api/v1/code-lists/target_group/neet', { label: '', validTo: '2025-02-30' }), ['body.label', 'body.validTo']);
    expectBadRequest(await admin.patch('/api/v1/code-lists/target_group/neet', { validTo: '1999-12-31' }), ['validTo']);
    expect(await entryRows()).toEqual(before);
  });
});
