import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import { computeOutcomesReport } from '../reports/outcomes.service.js';
import { msUntilSwedishHour, startRetentionSchedule } from './retention.scheduler.js';
import { runRetention } from './retention.service.js';

const t = worldFixture({ app: false });
const today = '2026-11-22';
const people: Record<string, Awaited<ReturnType<typeof addParticipant>>> = {};

const outcomes = (scope: { intervention: string } | { association: string }, from: string, to: string) =>
  computeOutcomesReport(t.db, { scope, period: { from, to }, suppress: false });
const identity = (personId: string) =>
  t.db.selectFrom('persons').select(['personnummer', 'participant_ref', 'first_name', 'last_name', 'identity_removed_at']).where('id', '=', personId).executeTakeFirstOrThrow();
const snapshot = async () => ({
  persons: await t.db.selectFrom('persons').selectAll().orderBy('id').execute(),
  enrolments: await t.db.selectFrom('enrolments').selectAll().orderBy('id').execute(),
  consents: await t.db.selectFrom('consents').selectAll().orderBy('id').execute(),
});
const countOf = async (table: 'audit_events' | 'retention_runs') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  // KOMMUN keeps identity 3 years, AF 10; the last entry is the latest start, exit or update.
  await t.db.insertInto('retention_rules').values([
    { organisation_id: t.world.orgs.kommun, record_type: 'person_identity', keep_years: 3 },
    { organisation_id: t.world.orgs.af, record_type: 'person_identity', keep_years: 10 },
  ]).execute();
  const kommun = (name: string, enrolments: Parameters<typeof addParticipant>[1]['enrolments'], extra = {}) =>
    addParticipant(t.db, { controllerId: t.world.orgs.kommun, participantRef: name, firstName: `Namn ${name}`, lastName: 'Efternamn', enrolments, ...extra });
  const insats = t.world.interventions.kommunInsats;
  people.old = await kommun('K-OLD', [{ interventionId: insats, start: '2015-01-10', exit: '2018-05-31', reason: 'work', notes: 'Fritext', updatedAt: '2018-05-31' }], {
    consent: { givenDate: '2015-01-10', partyIds: [t.world.orgs.af], documentRef: 'DNR 2015/1' },
  });
  people.recent = await kommun('K-RECENT', [{ interventionId: insats, start: '2021-03-01', exit: '2022-06-30', reason: 'studies', updatedAt: '2022-06-30' }], { gender: 'man' });
  people.openOld = await kommun('K-OPEN', [{ interventionId: insats, start: '2016-01-01', updatedAt: '2016-01-01' }]);
  people.corrected = await kommun('K-CORRECTED', [{ interventionId: insats, start: '2017-01-01', exit: '2019-01-01', reason: 'other', updatedAt: '2024-01-01' }], { gender: 'other' });
  people.twoEnrolments = await kommun('K-TWO', [
    { interventionId: insats, start: '2015-02-01', exit: '2015-12-31', reason: 'work', updatedAt: '2015-12-31' },
    { interventionId: insats, start: '2023-01-01', exit: '2024-02-01', reason: 'work', updatedAt: '2024-02-01' },
  ]);
  people.afOld = await addParticipant(t.db, {
    controllerId: t.world.orgs.af, participantRef: 'AF-OLD', enrolments: [{ interventionId: t.world.interventions.afInsats, start: '2019-01-01', exit: '2020-12-31', reason: 'work', updatedAt: '2020-12-31' }],
  });
  people.afAncient = await addParticipant(t.db, {
    controllerId: t.world.orgs.af, participantRef: 'AF-ANCIENT', gender: 'man', enrolments: [{ interventionId: t.world.interventions.afInsats, start: '2012-01-01', exit: '2014-06-30', reason: 'job_seeking', updatedAt: '2014-06-30' }],
  });
  // Audit rows about the old person, which retention must keep.
  await t.db.insertInto('audit_events').values({ action: 'read', entity: 'enrolment', person_id: people.old.personId, enrolment_id: people.old.enrolmentIds[0], outcome: 'allowed', actor_role: 'case_worker' }).execute();
});

describe('retention (gallring)', () => {
  const due = () => [people.old, people.recent, people.afAncient].map((p) => p.personId);
  const kept = () => [people.openOld, people.corrected, people.twoEnrolments, people.afOld].map((p) => p.personId);

  it('a dry run reports what is due and changes nothing, recording nothing', async () => {
    const before = await snapshot();
    const audits = await countOf('audit_events');
    const result = await runRetention(t.db, { dryRun: true, today });
    expect(result.runId).toBeNull();
    expect(result.items.map((i) => [i.organisationCode, i.keepYears, i.removed])).toEqual([['AF', 10, 1], ['KOMMUN', 3, 2]]);
    expect(await snapshot()).toEqual(before);
    expect(await countOf('retention_runs')).toBe(0);
    expect(await countOf('audit_events')).toBe(audits);
  });

  it('removes identity of persons whose last entry is older than the rule, keeping every past figure', async () => {
    const periods: [string, string][] = [['2014-01-01', '2014-12-31'], ['2015-01-01', '2015-12-31'], ['2018-01-01', '2018-12-31'], ['2022-01-01', '2022-06-30']];
    const scopes = [{ intervention: 'KOMMUNINSATS' }, { intervention: 'AF-INSATS' }, { association: 'FORBUND' }];
    const figures = () => Promise.all(scopes.flatMap((s) => periods.map(([from, to]) => outcomes(s, from, to))));
    const before = await figures();
    const auditAboutOld = await t.db.selectFrom('audit_events').select('id').where('person_id', '=', people.old.personId).execute();

    const result = await runRetention(t.db, { today });
    expect(result.totalRemoved).toBe(3);
    for (const personId of due()) {
      expect(await identity(personId)).toMatchObject({ personnummer: null, participant_ref: null, first_name: null, last_name: null });
      expect((await identity(personId)).identity_removed_at).not.toBeNull();
    }
    for (const personId of kept()) expect((await identity(personId)).participant_ref).not.toBeNull();
    const oldEnrolment = await t.db.selectFrom('enrolments').selectAll().where('id', '=', people.old.enrolmentIds[0]).executeTakeFirstOrThrow();
    expect(oldEnrolment).toMatchObject({ notes: null, start_date: '2015-01-10', exit_date: '2018-05-31', exit_reason: 'work', gender: 'woman', age_at_start: 35 });
    expect((await t.db.selectFrom('consents').select('document_ref').where('person_id', '=', people.old.personId).executeTakeFirstOrThrow()).document_ref).toBeNull();

    expect(await figures()).toEqual(before);

    // What was removed, as counts only.
    const runs = await t.db.selectFrom('retention_runs').selectAll().where('run_id', '=', result.runId!).orderBy('removed_count').execute();
    expect(runs.map((r) => [r.organisation_id, r.record_type, r.keep_years, r.removed_count, r.run_date])).toEqual([
      [t.world.orgs.af, 'person_identity', 10, 1, today],
      [t.world.orgs.kommun, 'person_identity', 3, 2, today],
    ]);
    expect(Object.keys(runs[0]).sort()).toEqual(['id', 'keep_years', 'organisation_id', 'ran_at', 'record_type', 'removed_count', 'run_date', 'run_id']);

    // One audit event per removal, as the system; the older audit rows are all still there.
    const deletes = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'delete').where('purpose', '=', 'retention').execute();
    expect(deletes.map((d) => d.person_id).sort()).toEqual(due().sort());
    expect(deletes.every((d) => d.actor_role === 'system' && d.entity === 'person')).toBe(true);
    const stillThere = await t.db.selectFrom('audit_events').select('id').where('id', 'in', auditAboutOld.map((a) => a.id)).execute();
    expect(stillThere).toHaveLength(auditAboutOld.length);
  });

  it('is idempotent: a second run changes nothing and records zero', async () => {
    const before = await snapshot();
    const result = await runRetention(t.db, { today });
    expect(result.totalRemoved).toBe(0);
    expect(await snapshot()).toEqual(before);
    const runs = await t.db.selectFrom('retention_runs').select(['organisation_id', 'removed_count']).where('run_id', '=', result.runId!).execute();
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.removed_count === 0)).toBe(true);
  });

  it('never removes audit rows, keeps them 5 years at least, and keeps its own record unchangeable', async () => {
    const refused = async (statement: Promise<unknown>, code: string) =>
      expect(await statement.then(() => null, (e: { code?: string }) => e.code)).toBe(code);
    await refused(sql`delete from audit_events where person_id = ${people.old.personId}`.execute(t.db), '42501');
    await refused(t.db.insertInto('retention_rules').values({ organisation_id: t.world.orgs.fk, record_type: 'audit_event', keep_years: 3 }).execute(), '23514');
    await t.db.insertInto('retention_rules').values({ organisation_id: t.world.orgs.fk, record_type: 'audit_event', keep_years: 7 }).execute();
    await refused(sql`update retention_runs set removed_count = 0`.execute(t.db), '42501');
    await refused(sql`delete from retention_runs`.execute(t.db), '42501');
  });

  it('without a rule of its own an organisation keeps identity 5 years after the last entry', async () => {
    const fkInsats = (
      await t.db
        .insertInto('interventions')
        .values({ code: 'FK-INSATS', name: 'FK', owner_org_id: t.world.orgs.fk, start_date: '2015-01-01', orientation: 'individual', follow_up: 'individual' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const add = (ref: string, exit: string) =>
      addParticipant(t.db, { controllerId: t.world.orgs.fk, participantRef: ref, enrolments: [{ interventionId: fkInsats, start: '2016-01-01', exit, updatedAt: exit }] });
    const sixYears = await add('FK-6', '2020-11-01');
    const fourYears = await add('FK-4', '2022-12-01');
    const result = await runRetention(t.db, { today });
    expect(result.items.find((i) => i.organisationCode === 'FK')).toMatchObject({ keepYears: 5, removed: 1 });
    expect((await identity(sixYears.personId)).participant_ref).toBeNull();
    expect((await identity(fourYears.personId)).participant_ref).toBe('FK-4');
  });
});

describe('the daily schedule', () => {
  it('runs retention once it is due and stops cleanly, logging counts only', async () => {
    const logged: unknown[] = [];
    const log = { info: (obj: unknown) => void logged.push(obj), error: (obj: unknown) => void logged.push(obj) } as never;
    const runsBefore = await countOf('retention_runs');
    const stop = startRetentionSchedule(t.db, log, { firstRunInMs: 0, everyMs: 60_000 });
    for (let i = 0; i < 200 && logged.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await stop();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ retention: { organisations: 3 } });
    expect(JSON.stringify(logged)).not.toMatch(/Namn|K-OLD|AF-/);
    expect(await countOf('retention_runs')).toBe(runsBefore + 3);
  });

  it('waits until 03:00 Swedish time by default', () => {
    expect(msUntilSwedishHour(3, new Date('2026-11-22T01:00:00Z'))).toBe(60 * 60 * 1000); // 02:00 CET
    expect(msUntilSwedishHour(3, new Date('2026-07-01T00:30:00Z'))).toBe(30 * 60 * 1000); // 02:30 CEST
    expect(msUntilSwedishHour(3, new Date('2026-11-22T02:00:00Z'))).toBe(24 * 60 * 60 * 1000); // 03:00 CET
  });
});
