import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { worldFixture } from '../test/fixture.js';
import { collectLog, type LogCollector } from '../test/security.js';
import { hashPassword } from './auth/password.js';
import { demoLoginsInDatabase } from './demo/demo-seed.js';

// Issue 9 item 8: at info a request is one short line (method, route pattern, status, ms), and
// the demo logins are printed again on every start of a database holding the demo data.
const log: LogCollector = collectLog();
const t = worldFixture({ config: { logLevel: 'info' }, log });

describe('the request log at info', () => {
  it('is one short line a request, by route pattern, without the URL, ids or query', async () => {
    const id = randomUUID();
    await t.app.inject({ method: 'GET', url: `/api/v1/enrolments/${id}?q=Hemligsson` });
    await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    const lines = log.lines();
    expect(lines.some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
    const requests = lines.filter((l) => / \d{3} \d+ ms$/.test(String(l.msg)));
    expect(requests.map((l) => String(l.msg).replace(/ \d+ ms$/, ''))).toEqual(['GET /api/v1/enrolments/:id 401', 'GET /api/v1/auth/me 401']);
    expect(requests.every((l) => typeof l.reqId === 'string' && l.level === 30)).toBe(true);
    expect(log.text()).not.toContain(id);
    expect(log.text()).not.toContain('Hemligsson');
    // Short: no host name, process id or request object on the line.
    expect(Object.keys(requests[0]).sort()).toEqual(['level', 'msg', 'reqId', 'time']);
  });
});

describe('demo logins on a later start', () => {
  it('are those demo users that are active and still have the demo password', async () => {
    const organisation_id = t.world.orgs.kommun;
    const user = async (email: string, password: string, active = true) =>
      t.db.insertInto('users').values({ email, display_name: 'Demo', organisation_id, password_hash: await hashPassword(password), active }).execute();
    expect(await demoLoginsInDatabase(t.db)).toEqual([]);
    await user('orgadmin@demo.stegvis.se', 'orgadmin-demo-1');
    await user('handlaggare@demo.stegvis.se', 'ett-annat-losenord-1');
    await user('styrelse@demo.stegvis.se', 'styrelsen-demo-1', false);
    expect(await demoLoginsInDatabase(t.db)).toEqual([{ role: 'org_admin', email: 'orgadmin@demo.stegvis.se', password: 'orgadmin-demo-1' }]);
  });
});
