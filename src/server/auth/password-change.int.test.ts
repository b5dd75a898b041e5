import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { testPassword } from '../../test/world.js';
import { login } from '../../test/http.js';

// Accounts (issue 9, item 4): one's own password change, the temporary password an administrator
// sets (at creation or by a reset), which opens nothing but the change, and the sessions that end.

const t = worldFixture();
const orgAdmin = t.as('orgAdmin');

const temporary = 'tillfälligt-lösenord-1';
const chosen = 'mitt-eget-långa-lösenord';
const forced = 'Du har loggat in med ett tillfälligt lösenord. Byt till ett eget lösenord innan du fortsätter.';

// Failed attempts from the test's one address count towards the login limits; each test starts clean.
beforeEach(async () => {
  await t.db.deleteFrom('login_attempts').execute();
});

const userEvents = (userId: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['action', 'outcome', 'actor_user_id', 'details'])
    .where('entity', '=', 'user')
    .where(sql<string>`details->>'userId'`, '=', userId)
    .orderBy('id')
    .execute();
const sessionsOf = async (userId: string) =>
  Number((await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);
const canLogin = async (email: string, password: string) =>
  (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).statusCode === 200;

describe('changing one’s own password', () => {
  it('ends the other sessions, keeps this one, and the old password stops working', async () => {
    const { id, email } = t.world.users.lead;
    const here = await login(t.app, email);
    const elsewhere = await login(t.app, email);
    const changed = await here.post('/api/v1/auth/password', { currentPassword: testPassword, newPassword: chosen });
    expect(changed.status).toBe(204);
    expect((await here.get('/api/v1/interventions')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).status).toBe(401);
    expect(await sessionsOf(id)).toBe(1);
    expect(await canLogin(email, testPassword)).toBe(false);
    expect(await canLogin(email, chosen)).toBe(true);
    const events = await userEvents(id);
    expect(events.at(-1)).toMatchObject({ action: 'update', outcome: 'allowed', actor_user_id: id, details: { userId: id, passwordChanged: true, sessionsEnded: 1 } });
    expect(JSON.stringify(events)).not.toContain(chosen);
    expect(JSON.stringify(events)).not.toContain(testPassword);
  });

  it('refuses a wrong current password with a field error, changes nothing and audits the attempt as denied', async () => {
    const { id, email } = t.world.users.logReviewer;
    const client = await login(t.app, email);
    const before = await userEvents(id);
    const wrong = await client.post('/api/v1/auth/password', { currentPassword: 'inte-mitt-lösenord', newPassword: chosen });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'Lösenordet stämmer inte. Skriv det lösenord du loggade in med.' }]);
    expect(await canLogin(email, testPassword)).toBe(true);
    const after = await userEvents(id);
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ outcome: 'denied', details: { userId: id, reason: 'bad_request' } });
    expect(JSON.stringify(after)).not.toContain('inte-mitt-lösenord');
  });

  it('counts wrong current passwords with the login limits (no unlimited guessing through the form)', async () => {
    const { email } = t.world.users.teamBWorker;
    const client = await login(t.app, email);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await client.post('/api/v1/auth/password', { currentPassword: `gissning-${i}`, newPassword: chosen })).status);
    expect(statuses).toEqual(Array(10).fill(400));
    const limited = await client.post('/api/v1/auth/password', { currentPassword: testPassword, newPassword: chosen });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(await canLogin(email, testPassword)).toBe(false); // the same limit holds for the login
  });

  it('answers bad input with Swedish field errors and changes nothing', async () => {
    const client = await login(t.app, t.world.users.fkWorker.email);
    const short = await client.post('/api/v1/auth/password', { currentPassword: testPassword, newPassword: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toContainEqual({ path: 'body.newPassword', message: 'Lösenordet måste ha minst 12 tecken' });
    const same = await client.post('/api/v1/auth/password', { currentPassword: testPassword, newPassword: testPassword });
    expect(same.status).toBe(400);
    expect(same.body.errors).toContainEqual({ path: 'body.newPassword', message: 'Välj ett nytt lösenord som skiljer sig från det nuvarande' });
    expect(await canLogin(t.world.users.fkWorker.email, testPassword)).toBe(true);
  });
});

describe('a temporary password', () => {
  it('set when an administrator creates the account: only me, the change and logout answer until it is changed', async () => {
    const created = await orgAdmin.post('/api/v1/users', { email: 'ny@kommun.test', displayName: 'Ny Användare', password: temporary });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await userEvents(id)).toEqual([expect.objectContaining({ action: 'create', details: expect.objectContaining({ passwordMustChange: true }) })]);

    const user = await login(t.app, 'ny@kommun.test', temporary);
    const me = await user.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ mustChangePassword: true, hasPassword: true });
    // Every other route, whatever the role, answers 403 with the reason.
    for (const [method, url] of [['GET', '/api/v1/interventions'], ['GET', '/api/v1/organisations'], ['GET', '/api/v1/enrolments'], ['POST', '/api/v1/enrolments/search'], ['GET', '/api/v1/users']] as const) {
      const answer = await user.request(method, url, method === 'POST' ? { query: 'x' } : undefined);
      expect({ url, status: answer.status, body: answer.body }).toEqual({ url, status: 403, body: { code: 'password_change_required', message: forced, errors: [] } });
    }
    // Even a role that would have the permission (granted meanwhile by the administrator).
    expect((await orgAdmin.post(`/api/v1/users/${id}/assignments`, { role: 'case_worker', interventionId: t.world.interventions.kommunInsats })).status).toBe(201);
    expect((await user.get('/api/v1/enrolments')).status).toBe(403);
    const denied = await t.db.selectFrom('audit_events').select(['entity', 'outcome']).where('actor_user_id', '=', id).where('entity', '=', 'enrolment').execute();
    // Each blocked attempt at person data is audited as denied: the list and the search before, this one now.
    expect(denied).toEqual(Array(3).fill({ entity: 'enrolment', outcome: 'denied' }));

    expect((await user.post('/api/v1/auth/password', { currentPassword: temporary, newPassword: chosen })).status).toBe(204);
    expect((await user.get('/api/v1/auth/me')).body.mustChangePassword).toBe(false);
    expect((await user.get('/api/v1/enrolments')).status).toBe(200);
    expect((await user.post('/api/v1/auth/logout')).status).toBe(204);
  });
});

describe('an administrator’s reset', () => {
  it('sets a temporary password, ends every session of the user and forces the change', async () => {
    const { id, email } = t.world.users.kommunWorker;
    const one = await login(t.app, email);
    const two = await login(t.app, email);
    const reset = await orgAdmin.post(`/api/v1/users/${id}/password`, { password: temporary });
    expect(reset.status).toBe(204);
    expect((await one.get('/api/v1/auth/me')).status).toBe(401);
    expect((await two.get('/api/v1/auth/me')).status).toBe(401);
    expect(await sessionsOf(id)).toBe(0);
    expect(await canLogin(email, testPassword)).toBe(false);
    const user = await login(t.app, email, temporary);
    expect((await user.get('/api/v1/auth/me')).body.mustChangePassword).toBe(true);
    expect((await user.get('/api/v1/interventions')).status).toBe(403);
    expect((await user.post('/api/v1/auth/password', { currentPassword: temporary, newPassword: chosen })).status).toBe(204);
    expect((await user.get('/api/v1/interventions')).status).toBe(200);
    const events = await userEvents(id);
    expect(events.find((e) => (e.details as { passwordReset?: boolean }).passwordReset)).toMatchObject({
      action: 'update',
      outcome: 'allowed',
      actor_user_id: t.world.users.orgAdmin.id,
      details: { userId: id, userOrgId: t.world.orgs.kommun, passwordReset: true, passwordMustChange: true, sessionsEnded: 2 },
    });
    expect(JSON.stringify(events)).not.toContain(temporary);
  });

  it('refuses another organisation’s user, one’s own password and bad input; each refusal audited as denied', async () => {
    const before = await t.db.selectFrom('users').select(['id', 'password_hash', 'password_must_change']).orderBy('id').execute();
    const foreign = t.world.users.afWorker; // works in KOMMUNINSATS: visible to the kommun admin, not its staff
    const other = await orgAdmin.post(`/api/v1/users/${foreign.id}/password`, { password: temporary });
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('Användaren tillhör en annan organisation. Bara den organisationens administratör kan ändra kontot.');
    const unseen = await orgAdmin.post(`/api/v1/users/${t.world.users.associationAdmin.id}/password`, { password: temporary });
    expect(unseen.status).toBe(404);
    const self = await orgAdmin.post(`/api/v1/users/${t.world.users.orgAdmin.id}/password`, { password: temporary });
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('Ditt eget lösenord byter du under Byt lösenord, med ditt nuvarande lösenord.');
    const short = await orgAdmin.post(`/api/v1/users/${t.world.users.noRole.id}/password`, { password: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toContainEqual({ path: 'body.password', message: 'Lösenordet måste ha minst 12 tecken' });
    // A system administrator does not reset staff passwords (that would let it sign in as a case worker).
    const system = await login(t.app, t.world.users.systemAdmin.email);
    const bySystem = await system.post(`/api/v1/users/${t.world.users.noRole.id}/password`, { password: temporary });
    expect(bySystem.status).toBe(403);
    expect(await t.db.selectFrom('users').select(['id', 'password_hash', 'password_must_change']).orderBy('id').execute()).toEqual(before);
    const denied = (id: string) => userEvents(id).then((events) => events.filter((e) => e.outcome === 'denied').map((e) => (e.details as { reason: string }).reason));
    expect(await denied(foreign.id)).toEqual(['forbidden']);
    expect(await denied(t.world.users.associationAdmin.id)).toEqual(['not_found']);
    expect(await denied(t.world.users.orgAdmin.id)).toEqual(['forbidden']);
    expect(await denied(t.world.users.noRole.id)).toEqual(['forbidden']);
  });

  it('gives an account that signs on only by SSO no password', async () => {
    const { id } = await t.db
      .insertInto('users')
      .values({ email: 'sso@kommun.test', display_name: 'SSO', organisation_id: t.world.orgs.kommun, password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const answer = await orgAdmin.post(`/api/v1/users/${id}/password`, { password: temporary });
    expect(answer.status).toBe(400);
    expect((await t.db.selectFrom('users').select(['password_hash', 'password_must_change']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({
      password_hash: null,
      password_must_change: false,
    });
  });
});
