import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp } from '../../test/http.js';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { roles } from '../access/roles.js';
import type { App } from '../app.js';
import { loadDemo, seedDemoIfEmpty, type DemoLogin } from './demo-seed.js';
import { seedCaseRecords } from './demo-case.js';

let tdb: TestDatabase;
let app: App;
let logins: DemoLogin[] | null;
let seconds: number;

beforeAll(async () => {
  tdb = await openTestDatabase();
  const started = performance.now();
  logins = await seedDemoIfEmpty(tdb.db);
  seconds = (performance.now() - started) / 1000;
  app = await testApp(tdb.db);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const count = async (table: 'interventions' | 'enrolments' | 'anonymous_registrations') =>
  Number((await tdb.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('demo data', () => {
  it('loads quickly into an empty database', () => {
    expect(logins).not.toBeNull();
    expect(seconds).toBeLessThan(20);
  });

  it('has four interventions, ten Demokraften teams and the generated enrolments', async () => {
    expect(await count('interventions')).toBe(4);
    const teams = await tdb.db
      .selectFrom('teams')
      .innerJoin('interventions', 'interventions.id', 'teams.intervention_id')
      .select('teams.name')
      .where('interventions.code', '=', 'KRAFTEN')
      .execute();
    expect(teams).toHaveLength(10);
    expect(await count('enrolments')).toBeGreaterThan(3000);
    expect(await count('anonymous_registrations')).toBeGreaterThan(0);
  });

  it('shares some Demokraften consents with AF and FK', async () => {
    const shared = await tdb.db
      .selectFrom('consent_parties as cp')
      .innerJoin('organisations as o', 'o.id', 'cp.organisation_id')
      .select(['o.code'])
      .where('o.code', 'in', ['AF', 'FK'])
      .execute();
    expect(shared.filter((p) => p.code === 'AF').length).toBeGreaterThan(10);
    expect(shared.filter((p) => p.code === 'FK').length).toBeGreaterThan(10);
  });

  it('has a login for every role, each with its own password of at least 12 characters, that can log in', async () => {
    expect(new Set(logins!.map((l) => l.role))).toEqual(new Set(roles));
    expect(new Set(logins!.map((l) => l.password)).size).toBe(logins!.length);
    for (const demo of logins!) {
      expect(demo.password.length).toBeGreaterThanOrEqual(12);
      expect(demo.email).toMatch(/@demo\.stegvis\.se$/);
      const client = await login(app, demo.email, demo.password);
      const me = await client.get('/api/v1/auth/me');
      expect(me.body.roles).toContain(demo.role);
    }
  });

  it('lets the AF case worker see Demokraften participants whose consent names AF', async () => {
    const af = logins!.find((l) => l.email.startsWith('handlaggare.af'))!;
    const client = await login(app, af.email, af.password);
    const kraften = await tdb.db.selectFrom('interventions').select('id').where('code', '=', 'KRAFTEN').executeTakeFirstOrThrow();
    const list = await client.get(`/api/v1/enrolments?interventionId=${kraften.id}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
  });

  it('has action plans with revisions by both parties, sub-goals and meetings, seeded cheaply', async () => {
    const af = logins!.find((l) => l.email.startsWith('handlaggare.af'))!;
    const client = await login(app, af.email, af.password);
    const revised = await tdb.db
      .selectFrom('plan_revisions as r')
      .innerJoin('organisations as o', 'o.id', 'r.controller_org_id')
      .select(['r.enrolment_id'])
      .where('o.code', '=', 'AF')
      .executeTakeFirstOrThrow();
    const plan = await client.get(`/api/v1/enrolments/${revised.enrolment_id}/plan`);
    expect(plan.status).toBe(200);
    expect(new Set(plan.body.history.map((r: { by: { organisation: { name: string } } }) => r.by.organisation.name)).size).toBe(2);
    expect(plan.body.subGoals.length).toBe(2);
    const meetings = await client.get(`/api/v1/enrolments/${revised.enrolment_id}/meetings`);
    expect(meetings.body.items.map((m: { type: string }) => m.type)).toContain('three_party');
    expect(await tdb.db.selectFrom('meetings').select('id').where('type', '=', 'sip').execute()).not.toHaveLength(0);
    // Its cost on the first start: the case records alone, seeded again in a transaction that is undone.
    let caseSeconds = 0;
    await tdb.db
      .transaction()
      .execute(async (trx) => {
        for (const table of ['meeting_actions', 'meetings', 'plan_revisions', 'plan_sub_goals', 'action_plans'] as const) await trx.deleteFrom(table).execute();
        const started = performance.now();
        await seedCaseRecords(trx);
        caseSeconds = (performance.now() - started) / 1000;
        throw new Error('undo');
      })
      .catch(() => undefined);
    expect(caseSeconds).toBeGreaterThan(0);
    // About 0.15 s on an idle machine (the first start's budget leaves it 0.3 s); a loaded 2-core machine takes longer.
    expect(caseSeconds).toBeLessThan(1);
  });

  it('is not loaded a second time', async () => {
    expect(await seedDemoIfEmpty(tdb.db)).toBeNull();
    await expect(loadDemo(tdb.db)).rejects.toThrow();
    expect(await count('interventions')).toBe(4);
  });
});
