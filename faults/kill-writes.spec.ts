// Fault suite (issue 11, item 4): `kill -9` of the server while case workers register people
// concurrently, on PostgreSQL and on the embedded database. After each kill the server is started
// again on the same database. At the end every registration that answered 2xx is there with its
// audit row, none that answered an error is, every one that got no answer is wholly there or
// wholly absent, and the audit log's seals verify. FAULT_KILLS sets the number of kills per
// database (CI: 3; `bench/faults-long.ts` runs 50).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { seedWorld, type World } from '../src/test/world.js';
import { register, storedRegistrations, wholeOrAbsent } from './lib/registrations.js';
import { sealAndVerify } from './lib/audit.js';
import { buildServer, killChildren, killHard, kindUnderTest as kind, login, restartAndStop, startServer, target } from './lib/server.js';

const kills = Number(process.env.FAULT_KILLS ?? 3);
const writers = 8;

type Outcome = { ref: string; status: number | 'no answer'; id?: string };

/** Writers registering people one after another until the server stops answering. */
async function writeUntilKilled(url: string, headers: Record<string, string>, world: World, round: number, outcomes: Outcome[], answered: () => void) {
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; ; i++) {
        const ref = `F-${round}-${w}-${i}`;
        try {
          const { status, body } = await register(url, headers, world.interventions.kommunInsats, ref, i);
          outcomes.push({ ref, status, id: body.id });
          answered();
        } catch {
          outcomes.push({ ref, status: 'no answer' });
          return;
        }
      }
    }),
  );
}

// As `npm start` does: compile the server once (nothing to do when it is up to date).
beforeAll(buildServer, 600_000);
afterAll(killChildren);

describe(`kill -9 during concurrent writes, ${kind}`, () => {
  const t = target(kind);
  afterAll(() => t.drop());

  it(`loses no answered write and leaves nothing half-written over ${kills} kills`, { timeout: 300_000 + kills * 20_000 }, async () => {
    let handle = await t.open();
    await migrateToLatest(handle.db);
    const world = await seedWorld(handle.db);
    const kommunWorker = await handle.db.selectFrom('users').select('email').where('id', '=', world.users.kommunWorker.id).executeTakeFirstOrThrow();
    await handle.close();

    const outcomes: Outcome[] = [];
    for (let round = 0; round < kills; round++) {
      const server = await startServer(t.env);
      const headers = await login(server.url, kommunWorker.email);
      // Killed at a random moment once writes are being answered (the first answer can take
      // seconds on a loaded machine), so every round kills mid-write.
      let firstAnswer!: () => void;
      const writesAnswered = new Promise<void>((resolve) => (firstAnswer = resolve));
      const writing = writeUntilKilled(server.url, headers, world, round, outcomes, () => firstAnswer());
      await Promise.race([writesAnswered, writing]);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
      await killHard(server);
      await writing;
    }
    // Started once more: it must open the database (the embedded one after a stale lock) and seal.
    await restartAndStop(t.env);

    handle = await t.open();
    try {
      const stored = await storedRegistrations(handle.db, 'F-');
      const answered = outcomes.filter((o) => o.status !== 'no answer');
      expect(answered.length).toBeGreaterThan(0);
      for (const o of outcomes) {
        const row = stored.get(o.ref);
        if (o.status === 201 || o.status === 200) expect(row, o.ref).toMatchObject({ enrolment_id: o.id, audited: true });
        else if (o.status === 'no answer') expect(wholeOrAbsent(row), o.ref).toBe(true);
        else expect(row, `${o.ref} answered ${o.status}`).toBeUndefined();
      }
      expect(outcomes.filter((o) => typeof o.status === 'number' && o.status >= 500)).toEqual([]);
      // Every stored registration came from a request we made.
      expect([...stored.keys()].every((ref) => outcomes.some((o) => o.ref === ref))).toBe(true);
      expect(await sealAndVerify(handle.db)).toMatchObject({ ok: true, unsealed: 0 });
      const cutOff = outcomes.filter((o) => o.status === 'no answer');
      const cutOffStored = cutOff.filter((o) => stored.has(o.ref)).length;
      console.info(
        `${outcomes.length} registrations over ${kills} kills: ${answered.length} answered, ${cutOff.length} cut off by a kill (${cutOffStored} of them committed whole, the rest absent)`,
      );
    } finally {
      await handle.close();
    }
  });
});
