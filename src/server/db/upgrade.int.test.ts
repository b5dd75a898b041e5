// The upgrade test (issue 11, item 4): a database created by the previous release's migrations
// (every migration up to `previousRelease`) and filled then, with its participants, users and an
// audit trail chained the old way, migrates forward to this release and keeps every figure and
// every login: the outcomes report equals the core definitions over the stored facts before and
// after, every user logs in with the same password and gets the same rights, and the audit trail
// converted to seals verifies.
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageAtStart } from '../../core/age.js';
import { computeOutcomes, type EnrolmentFact } from '../../core/figures/outcomes.js';
import { login, testApp } from '../../test/http.js';
import { randomFact, seededRandom } from '../../test/random-facts.js';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { seedWorld, type World } from '../../test/world.js';
import { verifyAuditChain } from '../audit/audit-chain.service.js';
import { sealAuditEvents } from '../audit/audit-sealer.js';
import { writeAudit } from '../audit/audit.js';
import { computeOutcomesReport } from '../reports/outcomes.service.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

/** The newest migration of the previous release (before the audit sealer, case work, surveys and goals). */
const previousRelease = '2026-11-28-0400-enrolment-revisions';
const scope = { intervention: 'KOMMUNINSATS' };
const periods = [{ from: '2022-01-01', to: '2022-12-31' }, { from: '2023-05-01', to: '2024-04-30' }, { from: '2024-01-01', to: '2024-12-31' }];

let tdb: TestDatabase;
let world: World;
const facts: EnrolmentFact[] = Array.from({ length: 120 }, ((next) => () => randomFact(next))(seededRandom(20261128)));

/** What a user sees of themselves and of the report, through the API. */
async function observe(db: TestDatabase['db']) {
  const app = await testApp(db);
  try {
    const me: Record<string, unknown> = {};
    for (const [name, user] of Object.entries(world.users)) {
      if (name === 'noRole') continue;
      const client = await login(app, user.email);
      const { status, body } = await client.get('/api/v1/auth/me');
      me[name] = { status, user: body.user, roles: body.roles, can: body.can };
    }
    return me;
  } finally {
    await app.close();
  }
}

const figures = async (db: TestDatabase['db']) => Promise.all(periods.map((period) => computeOutcomesReport(db, { scope, period, suppress: false })));

beforeAll(async () => {
  tdb = await openTestDatabase({ migrate: false });
  const { error } = await new Migrator({ db: tdb.db, provider: { getMigrations: async () => migrations } }).migrateTo(previousRelease);
  if (error) throw error;
  world = await seedWorld(tdb.db);
  // Participants as the previous release stored them, each registration audited (chained then).
  for (const [index, fact] of facts.entries()) {
    const person = await tdb.db
      .insertInto('persons')
      .values({ controller_org_id: world.orgs.kommun, participant_ref: `U-${index}`, gender: fact.gender, birth_year: fact.birthYear })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrolment = await tdb.db
      .insertInto('enrolments')
      .values({
        person_id: person.id, intervention_id: world.interventions.kommunInsats, controller_org_id: world.orgs.kommun, gender: fact.gender,
        age_at_start: ageAtStart(fact.startDate, fact.birthDate, fact.birthYear), start_date: fact.startDate, exit_date: fact.exitDate, exit_reason: fact.exitReason,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tdb.db, { userId: world.users.kommunWorker.id, organisationId: world.orgs.kommun, role: 'case_worker', requestId: `upgrade-${index}`, purpose: null }, [
      { action: 'create', entity: 'enrolment', personId: person.id, enrolmentId: enrolment.id },
    ]);
  }
}, 120_000);
afterAll(() => tdb?.close());

describe('an upgrade from the previous release', () => {
  it('keeps every figure and login, and the audit trail verifies', async () => {
    const oracle = periods.map((period) => computeOutcomes({ scope, period, enrolments: facts, anonymous: [] }));
    const figuresBefore = await figures(tdb.db);
    expect(figuresBefore).toEqual(oracle);
    const before = await observe(tdb.db);

    const applied = await migrateToLatest(tdb.db);
    expect(applied).toEqual(Object.keys(migrations).filter((name) => name > previousRelease).sort());

    expect(await figures(tdb.db)).toEqual(figuresBefore);
    const after = await observe(tdb.db);
    expect(after).toEqual(before);
    expect(Object.values(after).map((me) => (me as { status: number; roles: unknown[] }).status)).toEqual(Object.keys(after).map(() => 200));
    expect((after.kommunWorker as { roles: unknown[] }).roles.length).toBeGreaterThan(0);

    await sealAuditEvents(tdb.db);
    const verified = await verifyAuditChain(tdb.db);
    expect(verified).toMatchObject({ ok: true, unsealed: 0 });
    // Every registration's event, chained before the upgrade, is sealed after it.
    expect(verified.ok && verified.count).toBe(facts.length);
  });
});
