import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { tryLogin, withSession } from '../../test/security.js';

// ASVS 3.5.1: every cookie-authenticated write needs the session's CSRF token in `x-csrf-token`.
// The routes come from the server itself, so a new write route is covered the day it is added.
const t = worldFixture();
let session: { token: string; csrfToken: string };
let otherSession: { token: string; csrfToken: string };

const csrfMessage = 'Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Public writes: the login, which takes JSON only (a cross-site form cannot send it), and a
 * participant's survey answer, which no cookie authorises: the unguessable token in its path is
 * the only key, and a site that does not know it cannot forge the request.
 */
const publicWrites = ['POST /api/v1/auth/login', 'POST /enkat/:token'];

beforeAll(async () => {
  const a = await tryLogin(t.app, t.world.users.systemAdmin.email);
  const b = await tryLogin(t.app, t.world.users.kommunWorker.email);
  session = { token: a.token!, csrfToken: a.csrfToken! };
  otherSession = { token: b.token!, csrfToken: b.csrfToken! };
});

const writes = () => t.app.registeredRoutes.filter((r) => unsafeMethods.has(r.method));
const someId = '00000000-0000-4000-8000-000000000000';
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, someId).replace('*', 'x');

describe('CSRF protection', () => {
  it('no write route is public except the login', () => {
    const open = writes().filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open).toEqual(publicWrites);
    expect(writes().length).toBeGreaterThan(10);
  });

  it('every cookie-authenticated write refuses a request without the token, with a wrong one, or with another session’s', async () => {
    const refused: string[] = [];
    for (const route of writes().filter((r) => r.permission !== 'public')) {
      const method = route.method as 'POST';
      const url = fill(route.url);
      for (const csrfToken of [undefined, 'fel-token', otherSession.csrfToken]) {
        const answer = await withSession(t.app, session.token, method, url, { csrfToken, body: {} });
        if (answer.status !== 403 || answer.body?.message !== csrfMessage) refused.push(`${route.method} ${route.url} (${csrfToken ?? 'utan'}): ${answer.status}`);
      }
      // With the right token the CSRF check passes (whatever the route then answers); logout would end the session.
      if (route.url === '/api/v1/auth/logout') continue;
      const allowed = await withSession(t.app, session.token, method, url, { csrfToken: session.csrfToken, body: {} });
      expect(allowed.body?.message, `${route.method} ${route.url}`).not.toBe(csrfMessage);
    }
    expect(refused).toEqual([]);
  });

  it('a refused write changes nothing', async () => {
    const body = { code: 'CSRF-PROV', name: 'Ska inte finnas', kind: 'municipality' };
    const count = async () => Number((await t.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect((await withSession(t.app, session.token, 'POST', '/api/v1/organisations', { body })).status).toBe(403);
    expect(await count()).toBe(before);
    expect((await withSession(t.app, session.token, 'POST', '/api/v1/organisations', { body, csrfToken: session.csrfToken })).status).toBe(201);
    expect(await count()).toBe(before + 1);
  });
});
