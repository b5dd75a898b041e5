import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { testPassword } from '../../test/world.js';
import { canariesIn, seedCanaries, type Canaries } from '../../test/canaries.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../test/oidc-provider.js';
import { browseSignOn } from '../../test/sso-browser.js';
import { collectLog, tryLogin, withSession, type LogCollector } from '../../test/security.js';

// ASVS 16.2.5 / 14.2.x: the server's own log, at debug level, holds no personal data, password,
// session or CSRF token, or SSO code — after a realistic day including errors with canaries in
// bodies, query strings and paths.
let idp: TestIdentityProvider;
let canaries: Canaries;
const secrets: string[] = [];
const log: LogCollector = collectLog();

// Registered before the fixture: the provider starts before the app is built, and stops after it closes.
beforeAll(async () => {
  idp = await startTestIdentityProvider();
});
afterAll(async () => {
  await idp?.close();
});
const t = worldFixture({ config: () => ({ oidc: idp.oidcConfig }), log });

async function realisticDay() {
  canaries = await seedCanaries(t.app, t.world);
  const [anna, bertil] = canaries.people;
  const worker = await tryLogin(t.app, t.world.users.kommunWorker.email);
  secrets.push(testPassword, worker.token!, worker.csrfToken!);
  const as = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, csrf = true) =>
    withSession(t.app, worker.token!, method, url, { csrfToken: csrf ? worker.csrfToken : undefined, body });

  // Searches by name and personnummer, in bodies as designed.
  await as('POST', '/api/v1/enrolments/search', { q: anna.lastName });
  await as('POST', '/api/v1/enrolments/search', { q: anna.personnummer });
  // Clients that put person data where it does not belong: query strings and paths.
  await as('GET', `/api/v1/enrolments?q=${encodeURIComponent(anna.firstName)}&personnummer=${anna.personnummer}`);
  await as('GET', `/api/v1/enrolments?interventionId=${anna.personnummer}`);
  await as('GET', `/api/v1/enrolments/${anna.personnummer.replace('-', '')}`);
  await as('GET', `/api/v1/personer/${bertil.personnummer}/${encodeURIComponent(bertil.lastName)}`);
  await as('POST', `/api/v1/personer/${bertil.personnummer}?namn=${encodeURIComponent(bertil.lastName)}`, {});
  // Invalid bodies carrying canaries: bad codes, a bad personnummer, broken JSON, wrong media type.
  await as('POST', '/api/v1/enrolments', { mode: 'consent', interventionId: t.world.interventions.kommunInsats, gender: 'woman', startDate: '2024-01-01', person: { personnummer: `${bertil.personnummer}9`, firstName: bertil.firstName }, consent: { givenDate: '2024-01-01', method: 'written' }, incomeBefore: [bertil.lastName] });
  await as('PATCH', `/api/v1/enrolments/${canaries.enrolmentIds[1]}`, { education: bertil.notes, notes: 'x'.repeat(5000) + bertil.notes });
  await t.app.inject({ method: 'POST', url: '/api/v1/enrolments/search', cookies: { stegvis_session: worker.token! }, headers: { 'x-csrf-token': worker.csrfToken!, 'content-type': 'application/json' }, payload: `{"q": ${bertil.lastName}` });
  await t.app.inject({ method: 'POST', url: '/api/v1/enrolments/search', cookies: { stegvis_session: worker.token! }, headers: { 'x-csrf-token': worker.csrfToken!, 'content-type': 'application/x-www-form-urlencoded' }, payload: `q=${bertil.personnummer}` });
  // A write without CSRF token, a forbidden role, an unknown session, failed and limited logins.
  await as('POST', '/api/v1/enrolments/search', { q: anna.lastName }, false);
  await as('GET', '/api/v1/users');
  await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { stegvis_session: `${anna.personnummer}` } });
  for (let i = 0; i < 11; i++) await tryLogin(t.app, `${anna.firstName.toLowerCase()}@kommun.test`, `${anna.personnummer}-lösen`, { remoteAddress: '203.0.113.5' });
  secrets.push(`${anna.personnummer}-lösen`);
  // Reports and exports as the förbund.
  const forbund = await tryLogin(t.app, t.world.users.associationAdmin.email);
  await withSession(t.app, forbund.token!, 'GET', '/api/v1/reports/outcomes?association=FORBUND&from=2024-01-01&to=2024-12-31');
  await withSession(t.app, forbund.token!, 'GET', '/api/v1/reports/outcomes.csv?association=FORBUND&from=2024-01-01&to=2024-12-31');
  // Single sign-on: the authorization code and state travel in the callback's query string.
  idp.signInAs({ email: t.world.users.lead.email, email_verified: true, org: 'KOMMUN' });
  const sso = await browseSignOn(t.app);
  secrets.push(sso.callbackUrl.searchParams.get('code')!, sso.callbackUrl.searchParams.get('state')!);
  idp.signInAs({ email: `${anna.firstName.toLowerCase()}@kommun.test`, email_verified: true, org: 'KOMMUN' });
  await browseSignOn(t.app);
  await as('POST', '/api/v1/auth/logout', {});
}

describe('the server log', () => {
  it('holds none of the canaries, passwords, tokens or codes after a realistic day', async () => {
    await realisticDay();
    const text = log.text();
    expect(canariesIn(text, canaries.tokens)).toEqual([]);
    expect(canariesIn(text, secrets)).toEqual([]);
  });

  it('is not empty: requests, statuses, login events and route patterns are there', () => {
    const lines = log.lines();
    const incoming = lines.filter((l) => l.msg === 'incoming request');
    expect(incoming.length).toBeGreaterThan(40);
    const urls = new Set(incoming.map((l) => (l.req as { url: string }).url));
    expect(urls).toContain('/api/v1/enrolments/:id');
    expect(urls).toContain('/api/v1/auth/oidc/callback');
    expect(urls).toContain('(okänd väg)');
    const statuses = new Set(lines.filter((l) => l.msg === 'request completed').map((l) => (l.res as { statusCode: number }).statusCode));
    for (const status of [200, 201, 303, 400, 401, 403, 404, 415, 429]) expect(statuses, String(status)).toContain(status);
    expect(lines.some((l) => l.event === 'login')).toBe(true);
    expect(lines.some((l) => l.event === 'login_failed')).toBe(true);
    expect(lines.some((l) => l.event === 'login_limited')).toBe(true);
    expect(lines.some((l) => l.event === 'sso_failed' && l.reason === 'user')).toBe(true);
    expect(lines.some((l) => l.event === 'access_denied' && l.permission === 'user:read' && l.userId === t.world.users.kommunWorker.id)).toBe(true);
    expect(lines.some((l) => l.event === 'csrf_rejected')).toBe(true);
  });
});
