import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { seedWorld, testPassword, type World } from '../../test/world.js';
import { countRows, testAppWith, tryLogin } from '../../test/security.js';
import { databaseUrlOf, startSecondServer } from '../../test/second-process.js';
import type { App } from '../app.js';
import { tooManyAttempts } from './auth.routes.js';

// ASVS 6.3.1: at most 10 failed logins a minute per account and per address, counted in the
// database so every server process on it shares them; the same answer for unknown accounts.
let tdb: TestDatabase;
let app: App;
let world: World;

beforeAll(async () => {
  tdb = await openTestDatabase();
  world = await seedWorld(tdb.db);
  app = await testAppWith(tdb.db);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

beforeEach(async () => {
  await tdb.db.deleteFrom('login_attempts').execute();
});

const wrong = 'fel-lösenord-som-inte-stämmer';
const fromAddress = (n: number) => `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;

/** Ten failures against one account, each from its own address, so only the account limit can bite. */
async function failTenTimes(email: string, firstAddress: number) {
  const answers = [];
  for (let i = 0; i < 10; i++) answers.push(await tryLogin(app, email, wrong, { remoteAddress: fromAddress(firstAddress + i) }));
  return answers;
}

describe('login limits', () => {
  it('answers 429 after 10 failures on an account, even with the right password, and another user is unaffected', async () => {
    const failures = await failTenTimes(world.users.lead.email, 0);
    expect(failures.map((a) => a.status)).toEqual(Array(10).fill(401));
    const locked = await tryLogin(app, world.users.lead.email, testPassword, { remoteAddress: fromAddress(20) });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toBe(tooManyAttempts);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.token).toBeUndefined();
    const other = await tryLogin(app, world.users.kommunWorker.email, testPassword, { remoteAddress: fromAddress(21) });
    expect(other.status).toBe(200);
  });

  it('gives an unknown account exactly the same answers as a known one', async () => {
    const known = await failTenTimes(world.users.lead.email, 0);
    const unknown = await failTenTimes('finns-inte@kommun.test', 100);
    expect(unknown.map((a) => [a.status, a.body])).toEqual(known.map((a) => [a.status, a.body]));
    const lockedKnown = await tryLogin(app, world.users.lead.email, wrong, { remoteAddress: fromAddress(200) });
    const lockedUnknown = await tryLogin(app, 'finns-inte@kommun.test', wrong, { remoteAddress: fromAddress(201) });
    expect(lockedUnknown.status).toBe(429);
    expect([lockedUnknown.status, lockedUnknown.body]).toEqual([lockedKnown.status, lockedKnown.body]);
  });

  it('answers 429 to an address after 10 failures from it, whatever account it tries next', async () => {
    for (let i = 0; i < 10; i++) expect((await tryLogin(app, `gissning-${i}@kommun.test`, wrong, { remoteAddress: '192.0.2.7' })).status).toBe(401);
    expect((await tryLogin(app, world.users.kommunWorker.email, testPassword, { remoteAddress: '192.0.2.7' })).status).toBe(429);
    expect((await tryLogin(app, world.users.kommunWorker.email, testPassword, { remoteAddress: '192.0.2.8' })).status).toBe(200);
  });

  it('counts the socket address, ignoring X-Forwarded-For unless the proxy is configured as trusted', async () => {
    const spoof = (target: App, i: number, remoteAddress: string) =>
      target.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: { 'x-forwarded-for': `198.18.0.${i}` }, payload: { email: `spoof-${i}@kommun.test`, password: wrong } });
    for (let i = 1; i <= 10; i++) expect((await spoof(app, i, '192.0.2.50')).statusCode).toBe(401);
    expect((await spoof(app, 11, '192.0.2.50')).statusCode).toBe(429);
    // Behind a trusted proxy, each client is counted by the address the proxy reports.
    const proxied = await testAppWith(tdb.db, { trustedProxies: ['192.0.2.60'] });
    for (let i = 1; i <= 12; i++) expect((await spoof(proxied, i, '192.0.2.60')).statusCode).toBe(401);
    await proxied.close();
  });

  it('lets the account in again when the minute has passed, and prunes what no longer counts', async () => {
    await failTenTimes(world.users.lead.email, 0);
    expect((await tryLogin(app, world.users.lead.email, testPassword, { remoteAddress: fromAddress(30) })).status).toBe(429);
    // Move the clock: every recorded attempt is now 61 seconds old.
    await tdb.db
      .updateTable('login_attempts')
      .set({ attempted_at: sql<Date>`attempted_at - interval '61 seconds'` })
      .execute();
    expect(await countRows(tdb.db, 'login_attempts')).toBe(10);
    expect((await tryLogin(app, world.users.lead.email, wrong, { remoteAddress: fromAddress(31) })).status).toBe(401);
    expect(await countRows(tdb.db, 'login_attempts')).toBe(1);
    expect((await tryLogin(app, world.users.lead.email, testPassword, { remoteAddress: fromAddress(32) })).status).toBe(200);
  });

  it('holds under concurrent attempts: never more than 10 are checked', async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => tryLogin(app, world.users.lead.email, wrong, { remoteAddress: fromAddress(40 + i) })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
  });

  it.skipIf(process.env.STEGVIS_TEST_DB !== 'postgres')('counts failures across two server processes on one PostgreSQL', async () => {
    const second = await startSecondServer(databaseUrlOf(tdb));
    try {
      const viaSecond = (password: string) =>
        fetch(`${second.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: world.users.lead.email, password }),
        });
      for (let i = 0; i < 5; i++) expect((await viaSecond(wrong)).status).toBe(401);
      for (let i = 0; i < 5; i++) expect((await tryLogin(app, world.users.lead.email, wrong, { remoteAddress: fromAddress(60 + i) })).status).toBe(401);
      // Five failures were seen by each process; the account is locked in both.
      const locked = await viaSecond(testPassword);
      expect(locked.status).toBe(429);
      expect((await locked.json()).message).toBe(tooManyAttempts);
      expect((await tryLogin(app, world.users.lead.email, testPassword, { remoteAddress: fromAddress(70) })).status).toBe(429);
    } finally {
      await second.stop();
    }
  });
});
