import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { consentRegistration } from '../../test/registration.js';
import { overloadedMessage } from './admission.js';

// Admission control (issue 11, soak): beyond the requests a server may work on at once, the next
// is refused at once with 503 and a plain Swedish message, changes nothing, and the server takes
// requests again as soon as the ones in progress are answered.

const limit = 3;
const t = worldFixture({ config: { maxRequestsInProgress: limit } });

const counts = async () => ({
  persons: Number((await t.db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  // Every audit row but the lists' reads: what a registration would have written.
  audit: Number(
    (await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'list').executeTakeFirstOrThrow()).n,
  ),
});

const registration = () =>
  consentRegistration(t.world.interventions.kommunInsats, { personnummer: '19900101-0017', firstName: 'Anna', lastName: 'Andersson' }, { incomeBefore: ['social_assistance'] });

async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('a server with more requests than it takes at once', () => {
  it('refuses the next one at once with 503, changes nothing, and takes requests again when the others are done', async () => {
    const worker = t.as('kommunWorker');
    const list = `/api/v1/enrolments?interventionId=${t.world.interventions.kommunInsats}`;
    expect((await worker.get(list)).status).toBe(200); // logged in before the database is held
    const before = await counts();

    // Every database connection held: the admitted requests wait for one, in progress.
    const { pool } = t.tdb;
    const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    const admitted = Array.from({ length: limit }, () => worker.get(list));
    await until(() => pool.waitingCount >= limit);

    const refused = await worker.post('/api/v1/enrolments', registration());
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ code: 'unavailable', message: overloadedMessage, errors: [] });
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.headers['x-content-type-options']).toBe('nosniff');

    for (const client of held) client.release();
    expect((await Promise.all(admitted)).map((r) => r.status)).toEqual(Array(limit).fill(200));
    const after = await counts();
    expect(after).toEqual(before);

    const again = await worker.post('/api/v1/enrolments', registration());
    expect(again.status).toBe(201);
  });
});
