import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { testPassword } from '../../test/world.js';
import { countRows, testAppWith, tryLogin } from '../../test/security.js';
import { databaseUrlOf, startSecondServer } from '../../test/second-process.js';
import type { App } from '../app.js';
import { tooManyAttempts } from './auth.routes.js';

// ASVS 6.3.1 (formerly V2.2.1): at most 10 failed logins a minute per account from one address
// and per address, a ceiling of 100 per account from all addresses beyond which only addresses
// without failures get a check; counted in the database so every server process on it shares
// them; the same answer for unknown accounts; and never a lockout of the owner by someone else.
const t = worldFixture();

beforeEach(async () => {
  await t.db.deleteFrom('login_attempts').execute();
});

const wrong = 'fel-lösenord-som-inte-stämmer';
const fromAddress = (n: number) => `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;

/** Ten failures against one account from one address: the limit for that account at that address. */
async function failTenTimes(email: string, address: string) {
  const answers = [];
  for (let i = 0; i < 10; i++) answers.push(await tryLogin(t.app, email, wrong, { remoteAddress: address }));
  return answers;
}

describe('login limits', () => {
  it('stops an attacker at one address for the account, even with the right password, while the owner logs in from another', async () => {
    const attacker = '198.51.100.66';
    const failures = [];
    for (let i = 0; i < 30; i++) failures.push((await tryLogin(t.app, t.world.users.lead.email, wrong, { remoteAddress: attacker })).status);
    expect(failures).toEqual([...Array(10).fill(401), ...Array(20).fill(429)]);
    const locked = await tryLogin(t.app, t.world.users.lead.email, testPassword, { remoteAddress: attacker });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toBe(tooManyAttempts);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.token).toBeUndefined();
    // The owner, at another address, is not kept out by someone else's failures.
    const owner = await tryLogin(t.app, t.world.users.lead.email, testPassword, { remoteAddress: fromAddress(1) });
    expect(owner.status).toBe(200);
    expect(owner.token).toBeDefined();
    // A mistyped password from the owner's address counts for that address only.
    expect((await tryLogin(t.app, t.world.users.lead.email, wrong, { remoteAddress: fromAddress(1) })).status).toBe(401);
    expect((await tryLogin(t.app, t.world.users.lead.email, testPassword, { remoteAddress: fromAddress(1) })).status).toBe(200);
    // …and the attacker is still throttled, after the owner's logins as before them.
    expect((await tryLogin(t.app, t.world.users.lead.email, testPassword, { remoteAddress: attacker })).status).toBe(429);
    expect((await tryLogin(t.app, t.world.users.kommunWorker.email, testPassword, { remoteAddress: fromAddress(2) })).status).toBe(200);
  });

  it('counts an account per address: past the account’s limit there, the address may still try other accounts up to its own limit', async () => {
    const shared = await testAppWith(t.db, { loginLimit: { windowSeconds: 60, perAccount: 10, perAddress: 100, accountCeiling: 100 } });
    try {
      const office = '192.0.2.99';
      for (let i = 0; i < 10; i++) expect((await tryLogin(shared, t.world.users.lead.email, wrong, { remoteAddress: office })).status).toBe(401);
      expect((await tryLogin(shared, t.world.users.lead.email, testPassword, { remoteAddress: office })).status).toBe(429);
      expect((await tryLogin(shared, t.world.users.kommunWorker.email, testPassword, { remoteAddress: office })).status).toBe(200);
      expect((await tryLogin(shared, t.world.users.lead.email, testPassword, { remoteAddress: fromAddress(4) })).status).toBe(200);
    } finally {
      await shared.close();
    }
  });

  it('lets the owner in at a new address during a distributed attack beyond the ceiling, one check per clean address', async () => {
    // Small numbers, same rules: 3 failures per account per address, 5 per account from everywhere.
    const limited = await testAppWith(t.db, { loginLimit: { windowSeconds: 60, perAccount: 3, perAddress: 10, accountCeiling: 5 } });
    try {
      const email = t.world.users.lead.email;
      const bot = (n: number) => `203.0.113.${n}`;
      for (let n = 1; n <= 6; n++) expect((await tryLogin(limited, email, wrong, { remoteAddress: bot(n) })).status).toBe(401);
      // Over the ceiling: an address that has failed in the window gets no check, even with the right password.
      expect((await tryLogin(limited, email, testPassword, { remoteAddress: bot(1) })).status).toBe(429);
      // A clean address gets one check: a wrong guess is answered, the next attempt from it is not.
      expect((await tryLogin(limited, email, wrong, { remoteAddress: bot(7) })).status).toBe(401);
      expect((await tryLogin(limited, email, testPassword, { remoteAddress: bot(7) })).status).toBe(429);
      // The owner at a new address gets in on the first try.
      expect((await tryLogin(limited, email, testPassword, { remoteAddress: fromAddress(3) })).status).toBe(200);
      // Other accounts are not touched by the attack on this one.
      expect((await tryLogin(limited, t.world.users.kommunWorker.email, testPassword, { remoteAddress: bot(2) })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('gives an unknown account exactly the same answers as a known one', async () => {
    const known = await failTenTimes(t.world.users.lead.email, fromAddress(0));
    const unknown = await failTenTimes('finns-inte@kommun.test', fromAddress(100));
    expect(unknown.map((a) => [a.status, a.body])).toEqual(known.map((a) => [a.status, a.body]));
    const lockedKnown = await tryLogin(t.app, t.world.users.lead.email, wrong, { remoteAddress: fromAddress(0) });
    const lockedUnknown = await tryLogin(t.app, 'finns-inte@kommun.test', wrong, { remoteAddress: fromAddress(100) });
    expect(lockedUnknown.status).toBe(429);
    expect([lockedUnknown.status, lockedUnknown.body]).toEqual([lockedKnown.status, lockedKnown.body]);
  });

  it('answers 429 to an address after 10 failures from it, whatever account it tries next', async () => {
    for (let i = 0; i < 10; i++) expect((await tryLogin(t.app, `gissning-${i}@kommun.test`, wrong, { remoteAddress: '192.0.2.7' })).status).toBe(401);
    expect((await tryLogin(t.app, t.world.users.kommunWorker.email, testPassword, { remoteAddress: '192.0.2.7' })).status).toBe(429);
    expect((await tryLogin(t.app, t.world.users.kommunWorker.email, testPassword, { remoteAddress: '192.0.2.8' })).status).toBe(200);
  });

  it('counts the socket address, ignoring X-Forwarded-For unless the proxy is configured as trusted', async () => {
    const spoof = (target: App, i: number, remoteAddress: string) =>
      target.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: { 'x-forwarded-for': `198.18.0.${i}` }, payload: { email: `spoof-${i}@kommun.test`, password: wrong } });
    for (let i = 1; i <= 10; i++) expect((await spoof(t.app, i, '192.0.2.50')).statusCode).toBe(401);
    expect((await spoof(t.app, 11, '192.0.2.50')).statusCode).toBe(429);
    // Behind a trusted proxy, each client is counted by the address the proxy reports.
    const proxied = await testAppWith(t.db, { trustedProxies: ['192.0.2.60'] });
    for (let i = 1; i <= 12; i++) expect((await spoof(proxied, i, '192.0.2.60')).statusCode).toBe(401);
    await proxied.close();
  });

  it('lets the account in again when the minute has passed, and prunes what no longer counts', async () => {
    await failTenTimes(t.world.users.lead.email, fromAddress(30));
    expect((await tryLogin(t.app, t.world.users.lead.email, testPassword, { remoteAddress: fromAddress(30) })).status).toBe(429);
    // Move the clock: every recorded attempt is now 61 seconds old.
    await t.db
      .updateTable('login_attempts')
      .set({ attempted_at: sql<Date>`attempted_at - interval '61 seconds'` })
      .execute();
    expect(await countRows(t.db, 'login_attempts')).toBe(10);
    expect((await tryLogin(t.app, t.world.users.lead.email, wrong, { remoteAddress: fromAddress(30) })).status).toBe(401);
    expect(await countRows(t.db, 'login_attempts')).toBe(1);
    expect((await tryLogin(t.app, t.world.users.lead.email, testPassword, { remoteAddress: fromAddress(30) })).status).toBe(200);
  });

  it('holds under concurrent attempts: never more than 10 are checked', async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => tryLogin(t.app, t.world.users.lead.email, wrong, { remoteAddress: fromAddress(40) })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
  });

  it.skipIf(process.env.STEGVIS_TEST_DB !== 'postgres')('counts failures across two server processes on one PostgreSQL', async () => {
    const second = await startSecondServer(databaseUrlOf(t.tdb));
    try {
      const viaSecond = (password: string) =>
        fetch(`${second.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: t.world.users.lead.email, password }),
        });
      for (let i = 0; i < 5; i++) expect((await viaSecond(wrong)).status).toBe(401);
      // The second process sees the loopback address; this one is told the same.
      for (let i = 0; i < 5; i++) expect((await tryLogin(t.app, t.world.users.lead.email, wrong, { remoteAddress: '127.0.0.1' })).status).toBe(401);
      // Five failures were seen by each process; the account is stopped at that address in both.
      const locked = await viaSecond(testPassword);
      expect(locked.status).toBe(429);
      expect((await locked.json()).message).toBe(tooManyAttempts);
      expect((await tryLogin(t.app, t.world.users.lead.email, testPassword, { remoteAddress: '127.0.0.1' })).status).toBe(429);
    } finally {
      await second.stop();
    }
  });
});
