import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import { loadActor } from './actor.js';
import { actorScope, systemScope, type DataScope } from './data-scope.js';
import { caseRecordVisibleTo, caseRecordWritableIn, type CaseCategory } from './case-record-policy.js';

// The rule of the shared case (issue 10, item 1), in SQL on the real tables, against the rule as
// the issue states it, for random consents: which parties a consent names with which categories,
// withdrawn or not, a protected person or not, records of each party with and without the health mark.

const t = worldFixture({ app: false });

type Party = 'kommun' | 'af' | 'fk';
type Category = Exclude<CaseCategory, 'health'>;
const parties: Party[] = ['kommun', 'af', 'fk'];
/** The seeded users, and whether a case_worker assignment of theirs covers KOMMUNINSATS without a team. */
const users = [
  { key: 'kommunWorker', org: 'kommun', covers: true },
  { key: 'afWorker', org: 'af', covers: true },
  { key: 'fkWorker', org: 'fk', covers: true },
  { key: 'teamBWorker', org: 'kommun', covers: false }, // team B only: the enrolment is in no team
  { key: 'lead', org: 'kommun', covers: false }, // intervention_lead, no case work
  { key: 'associationAdmin', org: 'forbund', covers: false },
] as const;

type Case = {
  consent: { party: Party; categories: CaseCategory[] }[] | null;
  withdrawn: boolean;
  protectedPerson: boolean;
  records: { controller: Party; health: boolean }[];
};

const categoriesArb = fc.subarray<CaseCategory>(['plan', 'meetings', 'health']);
const caseArb: fc.Arbitrary<Case> = fc.record({
  consent: fc.option(fc.uniqueArray(fc.record({ party: fc.constantFrom(...parties), categories: categoriesArb }), { selector: (p) => p.party, maxLength: 3 }), { nil: null }),
  withdrawn: fc.boolean(),
  protectedPerson: fc.boolean(),
  records: fc.array(fc.record({ controller: fc.constantFrom(...parties), health: fc.boolean() }), { minLength: 1, maxLength: 4 }),
});

/** The rule as written in the issue. */
function expectedVisible(c: Case, user: (typeof users)[number], record: Case['records'][number], category: Category): boolean {
  if (!user.covers || c.protectedPerson) return false;
  if (record.controller === user.org) return true;
  const party = c.withdrawn ? undefined : c.consent?.find((p) => p.party === user.org);
  return !!party && party.categories.includes(category) && (!record.health || party.categories.includes('health'));
}

/** The enrolment (controlled by the municipality) takes records of the category from the user. */
function expectedWritable(c: Case, user: (typeof users)[number], category: Category): boolean {
  if (!user.covers || c.protectedPerson) return false;
  if (user.org === 'kommun') return true;
  const party = c.withdrawn ? undefined : c.consent?.find((p) => p.party === user.org);
  return !!party && party.categories.includes(category);
}

async function store(c: Case, n: number) {
  const orgId = (p: Party) => t.world.orgs[p];
  const { personId, enrolmentIds, consentId } = await addParticipant(t.db, {
    controllerId: t.world.orgs.kommun,
    enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2025-01-01' }],
    consent: c.consent ? { givenDate: '2025-01-01', partyIds: c.consent.map((p) => orgId(p.party)) } : null,
  });
  const enrolmentId = enrolmentIds[0];
  if (consentId) {
    // addParticipant names the controller too; its categories are those drawn, or none.
    for (const party of parties) {
      const categories = c.consent?.find((p) => p.party === party)?.categories ?? [];
      await t.db.updateTable('consent_parties').set({ categories }).where('consent_id', '=', consentId).where('organisation_id', '=', orgId(party)).execute();
    }
    if (c.withdrawn) await t.db.updateTable('consents').set({ withdrawn_at: new Date() }).where('id', '=', consentId).execute();
  }
  if (c.protectedPerson) await t.db.updateTable('persons').set({ protected_identity: true }).where('id', '=', personId).execute();
  const plan = await t.db
    .insertInto('action_plans')
    .values({ enrolment_id: enrolmentId, person_id: personId, controller_org_id: t.world.orgs.kommun })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = { meetings: [] as string[], plan: [] as string[] };
  for (const r of c.records) {
    const base = { enrolment_id: enrolmentId, person_id: personId, controller_org_id: orgId(r.controller), health: r.health };
    ids.meetings.push((await t.db.insertInto('meetings').values({ ...base, type: 'follow_up', held_at: `2025-02-0${n % 9 + 1}T10:00:00Z` }).returning('id').executeTakeFirstOrThrow()).id);
    ids.plan.push((await t.db.insertInto('plan_sub_goals').values({ ...base, plan_id: plan.id }).returning('id').executeTakeFirstOrThrow()).id);
  }
  return { enrolmentId, ids };
}

async function visibleIds(scope: DataScope, category: Category, ids: string[]) {
  const table = category === 'meetings' ? 'meetings' : 'plan_sub_goals';
  const rows = await sql<{ id: string }>`select r.id from ${sql.table(table)} r where r.id = any(${ids}::uuid[]) and ${caseRecordVisibleTo(scope, category, 'r')}`.execute(t.db);
  return new Set(rows.rows.map((r) => r.id));
}

async function writable(scope: DataScope, category: Category, enrolmentId: string) {
  const rows = await sql<{ id: string }>`select e.id from enrolments e where e.id = ${enrolmentId} and ${caseRecordWritableIn(scope, category, 'e')}`.execute(t.db);
  return rows.rows.length === 1;
}

describe('the case-record rule', () => {
  it('shows each record exactly to the parties the consent names for its category (and health), and takes writes likewise', { timeout: 300_000 }, async () => {
    const scopes = await Promise.all(users.map(async (u) => actorScope((await loadActor(t.db, t.world.users[u.key].id))!)));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { enrolmentId, ids } = await store(c, n++);
        for (const [i, user] of users.entries()) {
          for (const category of ['plan', 'meetings'] as const) {
            const seen = await visibleIds(scopes[i], category, ids[category]);
            const expected = c.records.map((r) => expectedVisible(c, user, r, category));
            expect(ids[category].map((id) => seen.has(id)), `${user.key} ${category}`).toEqual(expected);
            expect(await writable(scopes[i], category, enrolmentId), `${user.key} writes ${category}`).toBe(expectedWritable(c, user, category));
          }
        }
      }),
      { numRuns: 40, seed: 20261128 },
    );
  });

  it('lets the system scope see every record', async () => {
    const { ids } = await store({ consent: null, withdrawn: false, protectedPerson: false, records: [{ controller: 'af', health: true }] }, 0);
    expect((await visibleIds(systemScope('demo_data'), 'meetings', ids.meetings)).size).toBe(1);
  });

  it('applies a removed category on the very next query', async () => {
    const c: Case = { consent: [{ party: 'af', categories: ['plan', 'meetings'] }, { party: 'kommun', categories: ['plan', 'meetings'] }], withdrawn: false, protectedPerson: false, records: [{ controller: 'kommun', health: false }] };
    const { ids } = await store(c, 1);
    const af = actorScope((await loadActor(t.db, t.world.users.afWorker.id))!);
    expect((await visibleIds(af, 'meetings', ids.meetings)).size).toBe(1);
    await t.db.updateTable('consent_parties').set({ categories: ['plan'] }).where('organisation_id', '=', t.world.orgs.af).execute();
    expect((await visibleIds(af, 'meetings', ids.meetings)).size).toBe(0);
    expect((await visibleIds(af, 'plan', ids.plan)).size).toBe(1);
  });

  it('refuses a category the database does not know', async () => {
    await expect(t.db.updateTable('consent_parties').set({ categories: ['plan', 'secrets' as CaseCategory] }).execute()).rejects.toThrow();
  });
});
