import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { anonymousClient, login, loginAsOwnPassword } from '../../test/http.js';

const t = worldFixture();
const orgAdmin = t.as('orgAdmin');
const afOrgAdmin = t.as('afOrgAdmin');
const systemAdmin = t.as('systemAdmin');
const worker = t.as('kommunWorker');

const missingId = '00000000-0000-4000-8000-000000000000';
const password = 'ett-långt-lösenord';

const userRows = () => t.db.selectFrom('users').selectAll().orderBy('id').execute();

const expectBadRequest = (response: { status: number; body: any }, paths: string[]) => {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ code: 'bad_request', message: expect.any(String), errors: expect.any(Array) });
  for (const error of response.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
};

const expectNoSecrets = (body: unknown) => {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/argon2|password|hash/i);
};

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: 'Ny.Handlaggare@Kommun.test',
  displayName: 'Ny Handläggare',
  password,
  ...overrides,
});

describe('GET /users', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(t.app).get('/api/v1/users')).status).toBe(401);
  });

  it('refuses roles that do not manage users', async () => {
    expect((await worker.get('/api/v1/users')).status).toBe(403);
  });

  it('shows an org_admin the own organisation and who works in its interventions, a system administrator everyone', async () => {
    const own = await orgAdmin.get('/api/v1/users');
    expect(own.status).toBe(200);
    const emails = own.body.items.map((u: { email: string }) => u.email);
    expect(emails).toContain(t.world.users.lead.email);
    // Another organisation's users appear only when they work in an intervention the municipality
    // owns, with those assignments only (security finding 2: the controller sees who reaches its records).
    const others = own.body.items.filter((u: { organisationId: string }) => u.organisationId !== t.world.orgs.kommun);
    expect(others.map((u: { email: string }) => u.email).sort()).toEqual([t.world.users.afWorker.email, t.world.users.fkWorker.email]);
    for (const other of others) {
      expect(other.assignments).toEqual([{ id: expect.any(String), role: 'case_worker', interventionId: t.world.interventions.kommunInsats, teamId: null, associationId: null }]);
    }
    expect(emails).not.toContain(t.world.users.afOrgAdmin.email);
    // Nobody else of another organisation is there, even when asked for.
    expect((await orgAdmin.get(`/api/v1/users?organisationId=${t.world.orgs.af}`)).body.items.map((u: { id: string }) => u.id)).toEqual([t.world.users.afWorker.id]);
    expect((await orgAdmin.get(`/api/v1/users?organisationId=${t.world.orgs.other}`)).body.items).toEqual([]);
    const all = await systemAdmin.get('/api/v1/users');
    expect(all.body.items).toHaveLength(Object.keys(t.world.users).length);
    const af = await systemAdmin.get(`/api/v1/users?organisationId=${t.world.orgs.af}`);
    expect(af.body.items.map((u: { email: string }) => u.email).sort()).toEqual([t.world.users.afOrgAdmin.email, t.world.users.afWorker.email]);
    expectNoSecrets(all.body);
  });

  it('rejects a malformed filter', async () => {
    expectBadRequest(await systemAdmin.get('/api/v1/users?organisationId=af'), ['querystring.organisationId']);
  });
});

describe('GET /users/:id', () => {
  const url = () => `/api/v1/users/${t.world.users.lead.id}`;

  it('needs a session', async () => {
    expect((await anonymousClient(t.app).get(url())).status).toBe(401);
  });

  it('refuses roles that do not manage users', async () => {
    expect((await worker.get(url())).status).toBe(403);
  });

  it('answers a user of another organisation exactly as missing', async () => {
    const outside = await afOrgAdmin.get(url());
    const missing = await afOrgAdmin.get(`/api/v1/users/${missingId}`);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it('shows the user with assignments and without secrets', async () => {
    const response = await orgAdmin.get(url());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: t.world.users.lead.id,
      email: t.world.users.lead.email,
      displayName: 'ledare',
      organisationId: t.world.orgs.kommun,
      active: true,
      assignments: [
        { id: expect.any(String), role: 'intervention_lead', interventionId: t.world.interventions.kommunInsats, teamId: null, associationId: null },
      ],
    });
  });

  it('rejects a malformed id', async () => {
    expectBadRequest(await orgAdmin.get('/api/v1/users/ledare'), ['params.id']);
  });
});

describe('POST /users', () => {
  it('needs a session', async () => {
    expect((await anonymousClient(t.app).post('/api/v1/users', newUser())).status).toBe(401);
  });

  it('refuses roles that do not manage users', async () => {
    expect((await worker.post('/api/v1/users', newUser())).status).toBe(403);
  });

  it('lets an org_admin create only in the own organisation; another one answers as missing', async () => {
    const before = await userRows();
    const foreign = await orgAdmin.post('/api/v1/users', newUser({ organisationId: t.world.orgs.af }));
    const missing = await orgAdmin.post('/api/v1/users', newUser({ organisationId: missingId }));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(await userRows()).toEqual(before);
  });

  it('creates a user with an argon2id hash that is never returned, and who can log in', async () => {
    const response = await orgAdmin.post('/api/v1/users', newUser());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email: 'ny.handlaggare@kommun.test',
      displayName: 'Ny Handläggare',
      organisationId: t.world.orgs.kommun,
      active: true,
      assignments: [],
    });
    expectNoSecrets(response.body);
    const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', response.body.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    await expect(login(t.app, 'ny.handlaggare@kommun.test', password)).resolves.toBeDefined();
  });

  it('lets a system administrator create in any organisation', async () => {
    const response = await systemAdmin.post('/api/v1/users', newUser({ email: 'ny@af.test', organisationId: t.world.orgs.af }));
    expect(response.status).toBe(201);
    expect(response.body.organisationId).toBe(t.world.orgs.af);
  });

  it('refuses an e-mail address in use with 409', async () => {
    const before = await userRows();
    const response = await orgAdmin.post('/api/v1/users', newUser({ email: 'NY.handlaggare@kommun.test' }));
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      code: 'conflict',
      message: 'Det finns redan ett konto med den e-postadressen. Ange en annan adress.',
      errors: [],
    });
    expect(await userRows()).toEqual(before);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const before = await userRows();
    const bad = await orgAdmin.post('/api/v1/users', { email: 'inte-en-adress', displayName: '', password: 'för-kort' });
    expectBadRequest(bad, ['body.email', 'body.displayName', 'body.password']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'body.password').message).toBe('Lösenordet måste ha minst 12 tecken');
    expectBadRequest(await systemAdmin.post('/api/v1/users', newUser({ email: 'x@y.test', organisationId: 'AF' })), ['body.organisationId']);
    expect(await userRows()).toEqual(before);
  });
});

describe('PATCH /users/:id', () => {
  const url = (id = t.world.users.logReviewer.id) => `/api/v1/users/${id}`;

  it('needs a session', async () => {
    expect((await anonymousClient(t.app).patch(url(), { displayName: 'X' })).status).toBe(401);
  });

  it('refuses roles that do not manage users', async () => {
    expect((await worker.patch(url(), { displayName: 'X' })).status).toBe(403);
  });

  it('answers a user of another organisation exactly as missing', async () => {
    const outside = await afOrgAdmin.patch(url(), { active: false });
    const missing = await afOrgAdmin.patch(url(missingId), { active: false });
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    expect((await t.db.selectFrom('users').select('active').where('id', '=', t.world.users.logReviewer.id).executeTakeFirstOrThrow()).active).toBe(true);
  });

  it('renames, and deactivating ends the user’s sessions at once', async () => {
    const reviewer = await login(t.app, t.world.users.logReviewer.email);
    expect((await reviewer.get('/api/v1/auth/me')).status).toBe(200);
    const renamed = await orgAdmin.patch(url(), { displayName: 'Loggranskare' });
    expect(renamed.body).toMatchObject({ displayName: 'Loggranskare', active: true });
    const response = await orgAdmin.patch(url(), { active: false });
    expect(response.status).toBe(200);
    expect(response.body.active).toBe(false);
    const sessions = await t.db.selectFrom('sessions').select('user_id').where('user_id', '=', t.world.users.logReviewer.id).execute();
    expect(sessions).toEqual([]);
    expect((await reviewer.get('/api/v1/auth/me')).status).toBe(401);
    await expect(login(t.app, t.world.users.logReviewer.email)).rejects.toThrow();
    expect((await orgAdmin.patch(url(), { active: true })).body.active).toBe(true);
    await expect(login(t.app, t.world.users.logReviewer.email)).resolves.toBeDefined();
  });

  it('does not let an admin deactivate the own account', async () => {
    expectBadRequest(await orgAdmin.patch(url(t.world.users.orgAdmin.id), { active: false }), ['active']);
  });

  it('keeps system administrators’ accounts for system administrators', async () => {
    const forbundAdmin = await systemAdmin.post('/api/v1/users', newUser({ email: 'admin@forbund.test', organisationId: t.world.orgs.forbund }));
    await systemAdmin.post(`/api/v1/users/${forbundAdmin.body.id}/assignments`, { role: 'org_admin' });
    const client = await loginAsOwnPassword(t.app, 'admin@forbund.test', password);
    const response = await client.patch(url(t.world.users.systemAdmin.id), { active: false });
    expect(response.status).toBe(403);
    expect(response.body.message).toBe('Bara en systemadministratör kan ändra en systemadministratörs konto.');
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const before = await userRows();
    expectBadRequest(await orgAdmin.patch(url(), { displayName: '', active: 'nej' }), ['body.displayName', 'body.active']);
    expect(await userRows()).toEqual(before);
  });
});
