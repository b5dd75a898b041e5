import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codeLists, type Gender } from '../../core/code-lists.js';
import { computeOutcomes, type AnonymousFact, type EnrolmentFact } from '../../core/figures/outcomes.js';
import { historyOf, suppressedOutcomes } from '../../core/figures/outcomes-family.js';
import { calendarPeriodName, type CalendarPeriod } from '../../core/figures/periods.js';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { storeKeyFacts } from '../../test/key-facts.js';
import { seedWorld, type World } from '../../test/world.js';
import { anonymousClient, login, testApp } from '../../test/http.js';
import type { App } from '../app.js';
import { countHistory, resolveAndCountIntervention, type AssignedTo } from './outcomes.repository.js';
import { loadActor } from '../access/actor.js';
import { computeOutcomesReport, outcomesReportFor } from './outcomes.service.js';

let tdb: TestDatabase;
let world: World;
let app: App;

beforeAll(async () => {
  tdb = await openTestDatabase();
  world = await seedWorld(tdb.db);
  app = await testApp(tdb.db);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const day = (offset: number) => new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const factArb = fc
  .record({
    gender: fc.constantFrom<Gender>('woman', 'man', 'other'),
    start: fc.integer({ min: 0, max: 1100 }),
    length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    reason: fc.constantFrom(...codeLists.exit_reason.map((r) => r.code)),
    birth: fc.oneof(
      fc.record({ date: fc.integer({ min: -25_000, max: -5000 }).map(day), year: fc.constant(null) }),
      fc.record({ date: fc.constant(null), year: fc.option(fc.integer({ min: 1955, max: 2005 }), { nil: null }) }),
    ),
  })
  .map(
    ({ gender, start, length, reason, birth }): EnrolmentFact => ({
      gender,
      birthDate: birth.date,
      birthYear: birth.date ? Number(birth.date.slice(0, 4)) : birth.year,
      startDate: day(start),
      exitDate: length === null ? null : day(start + length),
      exitReason: length === null ? null : reason,
    }),
  );

const anonymousArb = fc.record({
  year: fc.integer({ min: 2021, max: 2025 }),
  gender: fc.constantFrom<Gender>('woman', 'man', 'other'),
  count: fc.integer({ min: 1, max: 3 }),
});

const periodArb = fc
  .tuple(fc.integer({ min: -30, max: 1300 }), fc.integer({ min: 0, max: 500 }))
  .map(([from, length]) => ({ from: day(from), to: day(from + length) }));

/** Suppressed figures are given for calendar periods only (core/figures/periods.ts). */
const calendarArb = fc.oneof(
  fc.integer({ min: 2021, max: 2026 }).map((year): CalendarPeriod => ({ kind: 'year', year })),
  fc.record({ year: fc.integer({ min: 2021, max: 2026 }), tertial: fc.constantFrom(1, 2, 3) }).map(({ year, tertial }): CalendarPeriod => ({ kind: 'tertial', year, tertial: tertial as 1 | 2 | 3 })),
  fc.record({ year: fc.integer({ min: 2021, max: 2026 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }): CalendarPeriod => ({ kind: 'month', year, month })),
);

const sortedHistory = (h: { enrolments: readonly object[]; anonymous: readonly object[] }) => ({
  enrolments: h.enrolments.map((r) => JSON.stringify(r)).sort(),
  anonymous: h.anonymous.map((r) => JSON.stringify(r)).sort(),
});

/** Stores facts the way the application does: a person per enrolment, age fixed at start. */
async function store(facts: EnrolmentFact[], anonymous: AnonymousFact[]) {
  const keyFacts = facts.map((f, i) => ({ ...f, person: String(i), id: '', team: null, exitCompleted: null }));
  await storeKeyFacts(tdb.db, world, keyFacts, anonymous.map((a) => ({ ...a, team: null })));
}

describe('the outcomes report computed in SQL', () => {
  it('equals the figure definitions in core on random data, with and without suppression', { timeout: 600_000 }, async () => {
    const lead = (await loadActor(tdb.db, world.users.lead.id))!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(factArb, { maxLength: 40 }),
        fc.array(anonymousArb, { maxLength: 6 }),
        fc.array(periodArb, { minLength: 1, maxLength: 3 }),
        fc.array(calendarArb, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        async (facts, anonymous, periods, calendarPeriods, subsidisedCountsAsWork) => {
          await store(facts, anonymous);
          const scope = { intervention: 'KOMMUNINSATS' };
          // Exact figures: any range, as the report is computed and as the owner's lead asks for it
          // (the scope and the counts in one statement).
          for (const period of periods) {
            const fromSql = await computeOutcomesReport(tdb.db, { scope, period, suppress: false, subsidisedCountsAsWork });
            const asTheLeadAsks = await outcomesReportFor(tdb.db, lead, { scope, period, suppress: false, subsidisedCountsAsWork });
            const oracle = computeOutcomes({
              scope,
              period,
              rules: { subsidised_counts_as_work: subsidisedCountsAsWork, suppression_threshold: null },
              enrolments: facts,
              anonymous,
            });
            expect(fromSql).toEqual(oracle);
            expect(asTheLeadAsks).toEqual(oracle);
          }
          // Suppressed figures: calendar periods, from one scan of the whole history.
          const history = historyOf(facts, anonymous);
          expect(sortedHistory(await countHistory(tdb.db, [world.interventions.kommunInsats]))).toEqual(sortedHistory(history));
          for (const period of calendarPeriods) {
            const fromSql = await computeOutcomesReport(tdb.db, { scope, period: calendarPeriodName(period), suppress: true, subsidisedCountsAsWork });
            const oracle = suppressedOutcomes({ history, scope, rules: { subsidised_counts_as_work: subsidisedCountsAsWork }, period, project: null, k: 5 });
            expect(fromSql).toEqual(oracle);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("counts an intervention with its scope only for a reader assigned to it, directly or through one of its teams", async () => {
    await store([{ gender: 'woman', birthDate: null, birthYear: 1990, startDate: '2023-02-01', exitDate: null, exitReason: null }], []);
    const period = { from: '2023-01-01', to: '2023-12-31' };
    const active = async (assigned: AssignedTo) => (await resolveAndCountIntervention(tdb.db, 'KOMMUNINSATS', period, assigned))?.counts?.active;
    expect(await active({ interventionIds: [world.interventions.kommunInsats], teamIds: [] })).toEqual([{ gender: 'woman', count: 1, under30: 0 }]);
    expect(await active({ interventionIds: [], teamIds: [world.teams.teamB] })).toEqual([{ gender: 'woman', count: 1, under30: 0 }]);
    // Not assigned: the scope comes back for the access rule, the figures are not counted.
    const outsider = await resolveAndCountIntervention(tdb.db, 'KOMMUNINSATS', period, { interventionIds: [world.interventions.afInsats], teamIds: [] });
    expect(outsider?.resolved.intervention?.id).toBe(world.interventions.kommunInsats);
    expect(outsider?.counts).toBeNull();
    expect(await resolveAndCountIntervention(tdb.db, 'FINNS-INTE', period, { interventionIds: [world.interventions.kommunInsats], teamIds: [] })).toBeNull();
  });

  it('covers every intervention of a förbund, and nothing of another förbund', async () => {
    const facts: EnrolmentFact[] = [
      { gender: 'woman', birthDate: null, birthYear: 1990, startDate: '2023-02-01', exitDate: '2023-06-01', exitReason: 'work' },
    ];
    await store(facts, []);
    const other = await tdb.db
      .insertInto('persons')
      .values({ controller_org_id: world.orgs.af, participant_ref: 'AF-1', gender: 'man' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tdb.db
      .insertInto('enrolments')
      .values({ person_id: other.id, intervention_id: world.interventions.afInsats, controller_org_id: world.orgs.af, gender: 'man', start_date: '2023-03-01' })
      .execute();
    const period = { from: '2023-01-01', to: '2023-12-31' };
    const report = await computeOutcomesReport(tdb.db, { scope: { association: 'FORBUND' }, period, suppress: false });
    expect(report.flow.active).toMatchObject({ woman: 1, man: 1, total: 2 });
    const elsewhere = await computeOutcomesReport(tdb.db, { scope: { association: 'ANNAT' }, period, suppress: false });
    expect(elsewhere.flow.active.total).toBe(0);
  });
});

describe('GET /api/v1/reports/outcomes', () => {
  const url = (scope: string) => `/api/v1/reports/outcomes?${scope}&from=2023-01-01&to=2023-12-31`;

  beforeEach(async () => {
    // Eight women and one man exit to work: the man is a small cell outside the controller.
    const facts: EnrolmentFact[] = Array.from({ length: 9 }, (_, i) => ({
      gender: i === 0 ? 'man' : 'woman',
      birthDate: null,
      birthYear: 1980,
      startDate: '2023-01-10',
      exitDate: '2023-05-10',
      exitReason: 'work',
    }));
    await store(facts, []);
  });

  it('needs a session', async () => {
    expect((await anonymousClient(app).get(url('intervention=KOMMUNINSATS'))).status).toBe(401);
  });

  it('gives the controlling organisation exact figures', async () => {
    const lead = await login(app, world.users.lead.email);
    const response = await lead.get(url('intervention=KOMMUNINSATS'));
    expect(response.status).toBe(200);
    expect(response.body.flow.exited).toMatchObject({ woman: 8, man: 1, total: 9 });
    expect(response.body.rules.suppression_threshold).toBeNull();
  });

  it('suppresses small cells for another party and for the förbund', async () => {
    for (const user of [world.users.afWorker, world.users.associationAdmin]) {
      const client = await login(app, user.email);
      const response = await client.get(url('intervention=KOMMUNINSATS'));
      expect(response.status).toBe(200);
      expect(response.body.rules.suppression_threshold).toBe(5);
      expect(response.body.flow.exited.man).toBeNull();
      expect(response.body.flow.exited.suppressed).toContain('man');
    }
    const forbund = await login(app, world.users.associationAdmin.email);
    const association = await forbund.get(url('association=FORBUND'));
    expect(association.status).toBe(200);
    expect(association.body.flow.exited.man).toBeNull();
  });

  it('answers not found outside the actor’s scope, exactly as for a missing code', async () => {
    const fk = await login(app, world.users.fkWorker.email);
    const outside = await fk.get(url('intervention=AF-INSATS'));
    const missing = await fk.get(url('intervention=FINNS-INTE'));
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    const lead = await login(app, world.users.lead.email);
    expect((await lead.get(url('association=FORBUND'))).status).toBe(404);
  });

  it('is refused to roles without live reports', async () => {
    for (const user of [world.users.reportReader, world.users.orgAdmin, world.users.systemAdmin]) {
      const client = await login(app, user.email);
      expect((await client.get(url('intervention=KOMMUNINSATS'))).status).toBe(403);
    }
  });

  it('exports the same figures as CSV', async () => {
    const lead = await login(app, world.users.lead.email);
    const response = await lead.get(url('intervention=KOMMUNINSATS').replace('/outcomes?', '/outcomes.csv?'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe('Avsnitt,Kod,Benämning,Kvinnor,Män,Annat/ej angivet,Totalt,Under 30,Andel');
    expect(lines).toContain('Flöde,exited,Avslutade,8,1,0,9,0,');
    expect(lines).toContain('Avslutsorsak,work,Arbete,8,1,0,9,,1');
  });

  it('rejects a period that ends before it starts', async () => {
    const lead = await login(app, world.users.lead.email);
    const response = await lead.get('/api/v1/reports/outcomes?intervention=KOMMUNINSATS&from=2023-12-31&to=2023-01-01');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toContain('to');
  });
});
