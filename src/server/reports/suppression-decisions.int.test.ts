import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { familyKeysOf, familyYearsOf, suppressedOutcomes } from '../../core/figures/outcomes-family.js';
import { parseCalendarPeriod } from '../../core/figures/periods.js';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';
import { systemScope } from '../access/data-scope.js';
import { systemAuditActor } from '../audit/audit.js';
import { importEnrolments, importInterventions, importOrganisations } from '../import/import.service.js';
import { countHistory, countHistoryByIntervention, historyDigestsOf } from './outcomes.repository.js';
import { computeOutcomesReport, historyKey, yearKey } from './outcomes.service.js';
import { associationFigures } from './association-figures.service.js';
import { decideDirtyFamilies } from './suppression-decider.js';
import { compactDirtyMarks } from './suppression-decisions.repository.js';

// Decided suppression kept in the database (migration 2026-11-28-1600): the key names the whole
// input, so a kept decision is served only for exactly that history; triggers mark changed
// interventions dirty and the decider decides them off the request path.

const t = worldFixture({ app: false });
const kommun = () => t.world.interventions.kommunInsats;
const k = 5;
const rules = { subsidised_counts_as_work: true };
const scope = { intervention: 'KOMMUNINSATS' };

const marksOf = async (interventionId: string) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from suppression_dirty where intervention_id = ${interventionId}`.execute(t.db)).rows[0].n);
const clearMarks = () => t.db.deleteFrom('suppression_dirty').execute();
const keptKeys = async (interventionId: string) =>
  (await t.db.selectFrom('suppression_decisions').select('key').where('intervention_id', '=', interventionId).orderBy('key').execute()).map((r) => r.key);
/** The keys the current history of KOMMUNINSATS needs for every calendar period: its families' and its years'. */
const currentKeys = async () => {
  const { history, digest } = (await countHistoryByIntervention(t.db, [kommun()])).get(kommun())!;
  const years = familyYearsOf(history);
  return [...familyKeysOf(history, k, historyKey(scope, rules, k, history), years), ...years.map((y) => yearKey(scope, rules, k, digest, y))].sort();
};
const suppressed = (period: string) => computeOutcomesReport(t.db, { scope, period, suppress: true, threshold: k });

let person: string;
beforeAll(async () => {
  await seedNineExits(t.db, t.world, 'BESLUT');
  person = (await t.db.insertInto('persons').values({ controller_org_id: t.world.orgs.kommun, participant_ref: 'BESLUT-X', gender: 'woman' }).returning('id').executeTakeFirstOrThrow()).id;
});

describe('the dirty marks', () => {
  it('are written by insert, update and delete of enrolments, once per statement and intervention', async () => {
    await clearMarks();
    const [row] = await t.db
      .insertInto('enrolments')
      .values({ person_id: person, intervention_id: kommun(), controller_org_id: t.world.orgs.kommun, gender: 'woman', age_at_start: 30, start_date: '2024-03-01' })
      .returning('id')
      .execute();
    expect(await marksOf(kommun())).toBe(1);
    await t.db.updateTable('enrolments').set({ exit_completed: null }).where('intervention_id', '=', kommun()).execute();
    expect(await marksOf(kommun())).toBe(2);
    await t.db.deleteFrom('enrolments').where('id', '=', row.id).execute();
    expect(await marksOf(kommun())).toBe(3);
    expect(await marksOf(t.world.interventions.afInsats)).toBe(0);
  });

  it('are kept to the newest of each intervention by the compaction', async () => {
    await clearMarks();
    for (let n = 0; n < 3; n++) await t.db.updateTable('enrolments').set({ exit_completed: null }).where('intervention_id', '=', kommun()).execute();
    await t.db.insertInto('suppression_dirty').values({ intervention_id: t.world.interventions.afInsats }).execute();
    const newest = Number((await sql<{ id: string }>`select max(id)::text as id from suppression_dirty where intervention_id = ${kommun()}`.execute(t.db)).rows[0].id);
    expect(await marksOf(kommun())).toBe(3);
    expect(await compactDirtyMarks(t.db)).toBe(2);
    expect([await marksOf(kommun()), await marksOf(t.world.interventions.afInsats)]).toEqual([1, 1]);
    const [kept] = (await sql<{ id: string }>`select id::text from suppression_dirty where intervention_id = ${kommun()}`.execute(t.db)).rows;
    expect(Number(kept.id)).toBe(newest);
    expect(await compactDirtyMarks(t.db)).toBe(0);
  });

  it('are written by anonymous registrations and mark both interventions when a row moves', async () => {
    await clearMarks();
    const [row] = await t.db.insertInto('anonymous_registrations').values({ intervention_id: kommun(), controller_org_id: t.world.orgs.kommun, year: 2024, gender: 'man', count: 2 }).returning('id').execute();
    expect(await marksOf(kommun())).toBe(1);
    await t.db.updateTable('anonymous_registrations').set({ intervention_id: t.world.interventions.afInsats }).where('id', '=', row.id).execute();
    expect([await marksOf(kommun()), await marksOf(t.world.interventions.afInsats)]).toEqual([2, 1]);
    await t.db.deleteFrom('anonymous_registrations').where('id', '=', row.id).execute();
    expect(await marksOf(t.world.interventions.afInsats)).toBe(2);
  });

  it('are written by the CSV import', async () => {
    const data = (name: string) => fs.readFileSync(new URL(`../../../../shared/data/aktivitetscenter-2018/${name}`, import.meta.url));
    const opts = { dryRun: false, scope: systemScope('cli_import'), audit: systemAuditActor('test') };
    expect((await importOrganisations(t.db, data('organisations.csv'), opts)).ok).toBe(true);
    expect((await importInterventions(t.db, data('interventions.csv'), opts)).ok).toBe(true);
    await clearMarks();
    expect((await importEnrolments(t.db, data('enrolments.csv'), opts)).ok).toBe(true);
    const { id } = await t.db.selectFrom('interventions').select('id').where('code', '=', 'AKTIVITETSCENTER').executeTakeFirstOrThrow();
    expect(await marksOf(id)).toBeGreaterThan(0);
  });
});

describe('the decider', () => {
  it('decides every family of each dirty intervention, keeps them and clears the marks', async () => {
    await t.db.deleteFrom('suppression_decisions').execute();
    await t.db.insertInto('suppression_dirty').values({ intervention_id: kommun() }).execute();
    const result = await decideDirtyFamilies(t.db, k);
    expect(result.elected).toBe(true);
    expect(result.interventions).toBeGreaterThan(0);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from suppression_dirty`.execute(t.db)).rows[0].n)).toBe(0);
    expect(await keptKeys(kommun())).toEqual(await currentKeys());
    // A second run with nothing marked does nothing.
    expect(await decideDirtyFamilies(t.db, k)).toEqual({ elected: true, interventions: 0, decided: 0, pruned: 0 });
  });

  it('loses the election while another session holds the lock, and leaves the marks', async () => {
    await t.db.insertInto('suppression_dirty').values({ intervention_id: kommun() }).execute();
    if (t.tdb.kind === 'postgres') {
      const result = await t.db.connection().execute(async (other) => {
        await sql`select pg_advisory_lock(7305648521190475003)`.execute(other);
        try {
          // The pool's other connection decides; it must not win while `other` holds the lock.
          return await decideDirtyFamilies(t.db, k);
        } finally {
          await sql`select pg_advisory_unlock(7305648521190475003)`.execute(other);
        }
      });
      expect(result.elected).toBe(false);
      expect(await marksOf(kommun())).toBe(1);
    }
    expect((await decideDirtyFamilies(t.db, k)).elected).toBe(true);
    expect(await marksOf(kommun())).toBe(0);
  });
});

describe('the kept decisions', () => {
  it('are served when found (a hit): the report is read, not decided again', async () => {
    await decideDirtyFamilies(t.db, k);
    const honest = await suppressed('2023-05');
    // Tamper with the kept family of 2023 (the test's own privilege; the application role may not update).
    const [key] = familyKeysOf(await countHistory(t.db, [kommun()]), k, historyKey(scope, rules, k, await countHistory(t.db, [kommun()])), [2023]);
    await sql`update suppression_decisions set family = jsonb_set(family, '{reports,4,flow,exited,total}', '777') where key = ${key}`.execute(t.db);
    expect((await suppressed('2023-05')).flow.exited.total).toBe(777);
    await sql`update suppression_decisions set family = jsonb_set(family, '{reports,4,flow,exited,total}', ${String(honest.flow.exited.total)}::jsonb) where key = ${key}`.execute(t.db);
    expect(await suppressed('2023-05')).toEqual(honest);
  });

  it('are found for the förbund by the history’s digest, computed in the database in the same snapshot as the history', async () => {
    await decideDirtyFamilies(t.db, k);
    const digest = (await historyDigestsOf(t.db, [kommun()])).get(kommun())!;
    expect((await countHistoryByIntervention(t.db, [kommun()])).get(kommun())!.digest).toBe(digest);
    const key = yearKey(scope, rules, k, digest, 2023);
    const forbund = { id: t.world.orgs.forbund, code: 'FORBUND', name: 'Förbundet' };
    const figures = async () => (await associationFigures(t.db, forbund, '2023-05', k)).rows.find((r) => r.intervention.code === 'KOMMUNINSATS')!.figures;
    const honest = await figures();
    await sql`update suppression_decisions set family = jsonb_set(family, '{2023-05,flow,exited,total}', '777') where key = ${key}`.execute(t.db);
    expect((await figures()).flow.exited.total).toBe(777);
    await sql`update suppression_decisions set family = jsonb_set(family, '{2023-05,flow,exited,total}', ${String(honest.flow.exited.total)}::jsonb) where key = ${key}`.execute(t.db);
    expect(await figures()).toEqual(honest);
    // An empty history has a digest of its own, and any change gives another.
    expect((await historyDigestsOf(t.db, [t.world.interventions.annatInsats])).get(t.world.interventions.annatInsats)).toBe('empty');
    await t.db.insertInto('anonymous_registrations').values({ intervention_id: kommun(), controller_org_id: t.world.orgs.kommun, year: 2023, gender: 'other', count: 1 }).execute();
    expect((await historyDigestsOf(t.db, [kommun()])).get(kommun())).not.toBe(digest);
    await t.db.deleteFrom('anonymous_registrations').where('intervention_id', '=', kommun()).execute();
    expect((await historyDigestsOf(t.db, [kommun()])).get(kommun())).toBe(digest);
  });

  it('are decided on a miss exactly as without any store, and kept', async () => {
    await t.db.deleteFrom('suppression_decisions').execute();
    const history = await countHistory(t.db, [kommun()]);
    for (const period of ['2023', '2023-T2', '2023-05', '2024']) {
      const alone = suppressedOutcomes({ history, scope, rules, period: parseCalendarPeriod(period)!, project: null, k });
      expect(await suppressed(period), period).toEqual(alone);
    }
    const needed = familyKeysOf(history, k, historyKey(scope, rules, k, history), [2023, 2024]);
    expect(await keptKeys(kommun())).toEqual(expect.arrayContaining(needed));
  });

  it('are never served for changed data: a new history has a new key, and the decider prunes the old', async () => {
    await decideDirtyFamilies(t.db, k);
    const before = await keptKeys(kommun());
    const [key] = familyKeysOf(await countHistory(t.db, [kommun()]), k, historyKey(scope, rules, k, await countHistory(t.db, [kommun()])), [2023]);
    await sql`update suppression_decisions set family = jsonb_set(family, '{reports,4,flow,exited,total}', '777') where key = ${key}`.execute(t.db);
    // A tenth exit in May 2023: the history and so every key changes.
    await t.db
      .insertInto('enrolments')
      .values({ person_id: person, intervention_id: kommun(), controller_org_id: t.world.orgs.kommun, gender: 'woman', age_at_start: 30, start_date: '2023-02-01', exit_date: '2023-05-20', exit_reason: 'work' })
      .execute();
    const after = await suppressed('2023-05');
    expect(after.flow.exited.total).toBe(10);
    expect(await keptKeys(kommun())).toContain(key);
    const result = await decideDirtyFamilies(t.db, k);
    expect(result.pruned).toBeGreaterThanOrEqual(before.length);
    expect(await keptKeys(kommun())).toEqual(await currentKeys());
    expect(await keptKeys(kommun())).not.toContain(key);
  });

  it('hold only suppressed aggregates, and only their repository reads the table', async () => {
    const families = await t.db.selectFrom('suppression_decisions').select('family').execute();
    expect(families.length).toBeGreaterThan(0);
    const ids = [
      ...(await t.db.selectFrom('persons').select('id').execute()).map((r) => r.id),
      ...(await t.db.selectFrom('enrolments').select('id').execute()).map((r) => r.id),
    ];
    for (const { family } of families) {
      const text = JSON.stringify(family);
      for (const id of ids) expect(text).not.toContain(id);
      // A family (its periods' months and suppressed reports) or a year's suppressed reports by period name.
      type Report = { rules: { suppression_threshold: number } };
      const isFamily = Object.keys(family as object).sort().join() === 'periods,reports';
      const reports = isFamily ? (family as { reports: Report[] }).reports : Object.values(family as Record<string, Report>);
      if (!isFamily) expect(Object.keys(family as object).every((name) => /^\d{4}(-T[1-3]|-\d{2})?$/.test(name))).toBe(true);
      expect(reports.length).toBeGreaterThan(0);
      for (const report of reports) expect(report.rules.suppression_threshold).toBe(k);
    }
    const server = path.join(import.meta.dirname, '..');
    const readers = fs
      .readdirSync(server, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && !f.includes('migrations') && !['db/types.ts', 'access/personal-data.ts'].includes(f))
      .filter((f) => /(['"`]|from |into |update |join )suppression_decisions\b/i.test(fs.readFileSync(path.join(server, f), 'utf8')));
    expect(readers).toEqual(['reports/suppression-decisions.repository.ts']);
  });
});
