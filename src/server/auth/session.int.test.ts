import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { testAppWith, tryLogin, withSession } from '../../test/security.js';
import { absoluteTimeoutMs } from './sessions.js';

// Session management: ASVS 7.2.4 (new token at login), 7.3.1 (idle), 7.3.2 (absolute),
// 7.4.1 (logout ends it on the server), 8.3.x (changed rights apply at once), 6.2.1 (length).
const t = worldFixture();
const orgAdmin = t.as('orgAdmin');

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const moveSession = (token: string, values: { last_seen_at?: Date; created_at?: Date; expires_at?: Date }) =>
  t.db.updateTable('sessions').set(values).where('token_hash', '=', hashOf(token)).execute();
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const me = (token: string) => withSession(t.app, token, 'GET', '/api/v1/auth/me');

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Strict cookie and stores only a hash of the token', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: t.world.users.lead.email, password: 'rätt-hemligt-lösenord' } });
    const cookie = response.cookies.find((c) => c.name === 'stegvis_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const row = await t.db.selectFrom('sessions').selectAll().where('token_hash', '=', hashOf(cookie.value)).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(cookie.value);
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBeGreaterThan(absoluteTimeoutMs - 5000);
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBeLessThanOrEqual(absoluteTimeoutMs + 5000);
  });

  it('behind TLS: Secure, and the __Host- prefix so no sibling host can plant the cookie', async () => {
    const tlsApp = await testAppWith(t.db, { secureCookies: true });
    const answer = await tlsApp.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: t.world.users.lead.email, password: 'rätt-hemligt-lösenord' } });
    const cookie = answer.cookies.find((c) => c.name === '__Host-stegvis_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.domain).toBeUndefined();
    const me = (cookies: Record<string, string>) => tlsApp.inject({ method: 'GET', url: '/api/v1/auth/me', cookies });
    expect((await me({ '__Host-stegvis_session': cookie.value })).statusCode).toBe(200);
    expect((await me({ stegvis_session: cookie.value })).statusCode).toBe(401);
    await tlsApp.close();
  });

  it('rotates at login: a cookie the browser held before (planted or valid) is not valid after', async () => {
    const planted = 'en-token-som-angriparen-valt-i-forvag';
    const first = await tryLogin(t.app, t.world.users.kommunWorker.email, undefined, { sessionCookie: planted });
    expect(first.token).toBeDefined();
    expect(first.token).not.toBe(planted);
    expect((await me(planted)).status).toBe(401);
    // A valid session held before a new login is ended too.
    const second = await tryLogin(t.app, t.world.users.kommunWorker.email, undefined, { sessionCookie: first.token });
    expect(second.token).not.toBe(first.token);
    expect((await me(first.token!)).status).toBe(401);
    expect((await me(second.token!)).status).toBe(200);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const { token } = await tryLogin(t.app, t.world.users.kommunWorker.email);
    await moveSession(token!, { last_seen_at: minutesAgo(29) });
    expect((await me(token!)).status).toBe(200); // and the use moves last_seen_at forward
    await moveSession(token!, { last_seen_at: minutesAgo(31) });
    const idle = await me(token!);
    expect(idle.status).toBe(401);
    expect(idle.body.message).toMatch(/session har gått ut/);
  });

  it('ends a session 10 hours after login however actively it is used', async () => {
    const { token } = await tryLogin(t.app, t.world.users.kommunWorker.email);
    await moveSession(token!, { created_at: minutesAgo(10 * 60 - 1), expires_at: new Date(Date.now() + 60_000) });
    expect((await me(token!)).status).toBe(200);
    await moveSession(token!, { created_at: minutesAgo(10 * 60 + 1), expires_at: new Date(Date.now() - 1000), last_seen_at: new Date() });
    expect((await me(token!)).status).toBe(401);
  });

  it('ends the session on the server at logout', async () => {
    const { token, csrfToken } = await tryLogin(t.app, t.world.users.kommunWorker.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { stegvis_session: token! }, headers: { 'x-csrf-token': csrfToken! } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'stegvis_session')?.value).toBe('');
    expect(out.headers['clear-site-data']).toBe('"cache", "storage"');
    expect(await t.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', hashOf(token!)).executeTakeFirst()).toBeUndefined();
    expect((await me(token!)).status).toBe(401);
  });

  it('applies a changed assignment or a deactivation on the next request', async () => {
    const user = t.world.users.noRole;
    const { token } = await tryLogin(t.app, user.email);
    const list = `/api/v1/enrolments?interventionId=${t.world.interventions.kommunInsats}`;
    expect((await withSession(t.app, token!, 'GET', list)).status).toBe(403);
    const granted = await orgAdmin.post(`/api/v1/users/${user.id}/assignments`, { role: 'case_worker', interventionId: t.world.interventions.kommunInsats });
    expect(granted.status).toBe(201);
    expect((await withSession(t.app, token!, 'GET', list)).status).toBe(200);
    const removed = await orgAdmin.request('DELETE', `/api/v1/users/${user.id}/assignments/${granted.body.id}`);
    expect(removed.status).toBe(204);
    expect((await withSession(t.app, token!, 'GET', list)).status).toBe(403);
    expect((await orgAdmin.patch(`/api/v1/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await me(token!)).status).toBe(401);
    await orgAdmin.patch(`/api/v1/users/${user.id}`, { active: true });
  });

  it('refuses passwords shorter than 12 characters when a user is created', async () => {
    const create = (email: string, password: string) => orgAdmin.post('/api/v1/users', { email, displayName: 'Ny', password });
    const short = await create('kort@kommun.test', 'elva-tecken');
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ path: 'body.password', message: 'Lösenordet måste ha minst 12 tecken' }]);
    expect((await create('kort2@kommun.test', 'åäöåäöåäöåä')).status).toBe(400); // 11 characters, 22 bytes
    expect((await create('lagom@kommun.test', 'tolv-tecken!')).status).toBe(201);
    expect((await tryLogin(t.app, 'lagom@kommun.test', 'tolv-tecken!')).status).toBe(200);
  });

  it('accepts long passphrases of any characters and checks them exactly as typed', async () => {
    const long = 'en lång lösenfras med mellanslag, ÅÄÖ och 😀 som är över sextiofyra tecken lång ' + 'x'.repeat(20);
    expect(long.length).toBeGreaterThan(64);
    expect((await orgAdmin.post('/api/v1/users', { email: 'fras@kommun.test', displayName: 'Fras', password: long })).status).toBe(201);
    expect((await tryLogin(t.app, 'fras@kommun.test', long)).status).toBe(200);
    for (const altered of [`${long} `, long.toUpperCase(), long.slice(0, 72)]) expect((await tryLogin(t.app, 'fras@kommun.test', altered)).status).toBe(401);
  });

  it('refuses a login posted by a cross-site form (no JSON, no session)', async () => {
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(t.world.users.lead.email)}&password=${encodeURIComponent('rätt-hemligt-lösenord')}`,
    });
    expect(form.statusCode).toBe(415);
    expect(form.cookies.find((c) => c.name === 'stegvis_session')).toBeUndefined();
  });
});
