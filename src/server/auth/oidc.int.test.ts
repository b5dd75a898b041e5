import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { startTestIdentityProvider, testClientId, type TestIdentityProvider } from '../../test/oidc-provider.js';
import { browseSignOn } from '../../test/sso-browser.js';
import { countRows, testAppWith, tryLogin, withSession } from '../../test/security.js';
import { signOnMessages } from './oidc-client.js';

// Single sign-on against a real OpenID Connect provider (oidc-provider) on a loopback port.
let idp: TestIdentityProvider;
// Registered before the fixture: the provider starts before the app is built, and stops after it closes.
beforeAll(async () => {
  idp = await startTestIdentityProvider();
});
afterAll(async () => {
  await idp?.close();
});
const t = worldFixture({ config: () => ({ oidc: idp.oidcConfig }) });

const kommunWorker = { email: 'handlaggare@kommun.test', email_verified: true, org: 'KOMMUN' };

beforeEach(() => {
  idp.signInAs(kommunWorker);
  idp.tamperIdToken(null);
});

const sessionCookieOf = (response: { cookies: { name: string; value: string }[] }) =>
  response.cookies.find((c) => c.name === 'stegvis_session' && c.value !== '');

/** A refused sign-on: the given status and Swedish message, no session cookie, no session row. */
async function expectRefused(run: () => Promise<{ callback: { statusCode: number; json: () => any; cookies: { name: string; value: string }[] } }>, status: number, message: string) {
  const before = await countRows(t.db, 'sessions');
  const { callback } = await run();
  expect(callback.statusCode).toBe(status);
  expect(callback.json().message).toBe(message);
  expect(sessionCookieOf(callback)).toBeUndefined();
  expect(await countRows(t.db, 'sessions')).toBe(before);
}

describe('single sign-on with OpenID Connect', () => {
  it('starts a code flow with PKCE, state and nonce, keeping the secrets server-side', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(start.statusCode).toBe(303);
    const location = new URL(String(start.headers.location));
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('client_id')).toBe(testClientId);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    for (const name of ['state', 'nonce', 'code_challenge']) expect(location.searchParams.get(name)?.length).toBeGreaterThanOrEqual(43);
    const cookie = start.cookies.find((c) => c.name === 'stegvis_oidc')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
    const rows = await t.db.selectFrom('oidc_flows').selectAll().execute();
    expect(rows.some((r) => r.state === location.searchParams.get('state'))).toBe(true);
    expect(rows.some((r) => r.id_hash === cookie.value)).toBe(false);
  });

  it('signs in an existing user, with Stegvis roles only, exactly like a password login', async () => {
    idp.signInAs({ ...kommunWorker, roles: ['system_admin'] });
    const { callback } = await browseSignOn(t.app);
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/');
    const cookie = sessionCookieOf(callback)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await withSession(t.app, cookie.value, 'GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(t.world.users.kommunWorker.id);
    // The provider claimed system_admin; rights come from Stegvis assignments only.
    expect(me.body.roles).toEqual(['case_worker']);
    expect((await withSession(t.app, cookie.value, 'GET', '/api/v1/organisations/' + t.world.orgs.kommun)).status).toBe(200);
    expect((await withSession(t.app, cookie.value, 'POST', '/api/v1/code-lists/gender', { csrfToken: me.body.csrfToken, body: {} })).status).toBe(403);
    // The CSRF token of the new session protects writes as after a password login.
    expect((await withSession(t.app, cookie.value, 'POST', '/api/v1/auth/logout', { body: {} })).status).toBe(403);
    expect((await withSession(t.app, cookie.value, 'POST', '/api/v1/auth/logout', { csrfToken: me.body.csrfToken, body: {} })).status).toBe(204);
    expect(await countRows(t.db, 'oidc_flows')).toBe(1); // only the flow of the first test, never used
  });

  it('rotates the session: a cookie held before the sign-on is not valid after it', async () => {
    const before = await tryLogin(t.app, t.world.users.lead.email);
    const { callback } = await browseSignOn(t.app, { sessionCookie: before.token });
    expect(callback.statusCode).toBe(303);
    expect(sessionCookieOf(callback)!.value).not.toBe(before.token);
    expect((await withSession(t.app, before.token!, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('binds the account to the provider’s subject; another subject with the same e-mail is refused', async () => {
    const bound = await t.db.selectFrom('users').select(['oidc_issuer', 'oidc_subject']).where('id', '=', t.world.users.kommunWorker.id).executeTakeFirstOrThrow();
    expect(bound).toEqual({ oidc_issuer: idp.issuer, oidc_subject: `konto-${kommunWorker.email}` });
    idp.signInAs({ ...kommunWorker, sub: 'en-annan-person-med-samma-adress' });
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.subject);
    // Nor does the bound subject open another account whose e-mail it later claims.
    idp.signInAs({ email: t.world.users.lead.email, email_verified: true, org: 'KOMMUN', sub: `konto-${kommunWorker.email}` });
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.subject);
    idp.signInAs(kommunWorker);
    expect((await browseSignOn(t.app)).callback.statusCode).toBe(303);
  });

  it('rejects an ID token issued for another audience', async () => {
    idp.tamperIdToken((claims) => ({ ...claims, aud: 'en-annan-tjanst' }));
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.audience);
  });

  it('rejects an expired ID token', async () => {
    const now = Math.floor(Date.now() / 1000);
    idp.tamperIdToken((claims) => ({ ...claims, iat: now - 7200, exp: now - 3600 }));
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.expired);
  });

  it('rejects an ID token signed with another key, or not signed at all', async () => {
    idp.tamperIdToken((claims) => claims, 'impostor');
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.invalid);
    idp.tamperIdToken((claims) => claims, 'unsigned');
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.invalid);
    // The same untouched token, properly signed, is accepted: the signature made the difference.
    idp.tamperIdToken((claims) => claims, 'provider');
    expect((await browseSignOn(t.app)).callback.statusCode).toBe(303);
  });

  it('rejects a token whose nonce is not the one this browser was given', async () => {
    await expectRefused(() => browseSignOn(t.app, { editAuthorizationUrl: (url) => url.searchParams.set('nonce', 'en-annan-nonce-som-ingen-gav-ut-0123456789') }), 401, signOnMessages.nonce);
  });

  it('rejects an answer with a state that does not belong to the flow, and the flow is then spent', async () => {
    let real = '';
    await expectRefused(
      async () => {
        const result = await browseSignOn(t.app, { editCallbackUrl: (url) => { real = url.search; url.searchParams.set('state', 'forfalskat-state'); } });
        return result;
      },
      400,
      signOnMessages.state,
    );
    expect(real).toContain('code=');
  });

  it('rejects an answer without the flow cookie (another browser) and a replayed answer', async () => {
    await expectRefused(() => browseSignOn(t.app, { flowCookie: null }), 400, signOnMessages.flow);
    const first = await browseSignOn(t.app);
    expect(first.callback.statusCode).toBe(303);
    const before = await countRows(t.db, 'sessions');
    const replay = await t.app.inject({ method: 'GET', url: first.callbackUrl.pathname + first.callbackUrl.search, cookies: { stegvis_oidc: first.flowCookie } });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().message).toBe(signOnMessages.flow);
    expect(await countRows(t.db, 'sessions')).toBe(before);
  });

  it('rejects a flow older than its time limit', async () => {
    await expectRefused(
      () => browseSignOn(t.app, { editCallbackUrl: () => t.db.updateTable('oidc_flows').set({ expires_at: new Date(Date.now() - 1000) }).execute() }),
      400,
      signOnMessages.flow,
    );
  });

  it('reports a sign-on the provider refused', async () => {
    await expectRefused(
      () => browseSignOn(t.app, { editCallbackUrl: (url) => { const state = url.searchParams.get('state')!; url.search = `?error=access_denied&state=${state}`; } }),
      401,
      signOnMessages.denied,
    );
  });

  it('rejects an organisation that is not in Stegvis', async () => {
    idp.signInAs({ ...kommunWorker, org: 'OKAND-ORG' });
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.organisation);
  });

  it('rejects a person without an active Stegvis account in the claimed organisation', async () => {
    idp.signInAs({ ...kommunWorker, email: 'ingen-sadan@kommun.test' });
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.user);
    // The account exists, but in another organisation than the one the provider vouches for.
    idp.signInAs({ ...kommunWorker, org: 'AF' });
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.user);
    await t.db.updateTable('users').set({ active: false }).where('id', '=', t.world.users.teamBWorker.id).execute();
    idp.signInAs({ email: t.world.users.teamBWorker.email, email_verified: true, org: 'KOMMUN' });
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.user);
  });

  it('rejects an unverified e-mail address and missing claims', async () => {
    idp.signInAs({ ...kommunWorker, email_verified: false });
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.unverified);
    idp.signInAs({ email: kommunWorker.email });
    await expectRefused(() => browseSignOn(t.app), 401, signOnMessages.claims);
  });

  it('answers that the provider is unavailable when it cannot be reached, and sets no cookie', async () => {
    const down = await testAppWith(t.db, { oidc: { ...idp.oidcConfig, issuer: 'http://127.0.0.1:9' } });
    const start = await down.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(start.statusCode).toBe(500);
    expect(start.json().message).toBe(signOnMessages.unavailable);
    expect(start.cookies).toEqual([]);
    await down.close();
  });

  it('answers not found when single sign-on is not configured', async () => {
    const plain = await testAppWith(t.db);
    const start = await plain.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(start.statusCode).toBe(404);
    expect(start.json().message).toBe(signOnMessages.disabled);
    await plain.close();
  });
});
