// Case: a förbund's year of every figure together (what its dashboard loads: the suppressed key
// figures, goals and money of each of its interventions) and the country-year (every förbund's
// dashboard), each against the hand-written SQL floor on the same data, in the same process.
// First the background decider decides every intervention's suppression after the bulk load (as
// the server does after an import); then the figures are timed with the decisions kept (what
// users meet), and once more for one förbund whose decisions were removed (a cold miss).
import { sql } from 'kysely';
import { costCategories } from '../../src/core/figures/budget.js';
import type { Db } from '../../src/server/db/connection.js';
import { computeDashboard } from '../../src/server/reports/association-figures.service.js';
import { computeKeyFiguresReport } from '../../src/server/reports/key-figures.service.js';
import { forgetDecidedFamilies } from '../../src/server/reports/outcomes.service.js';
import { decideDirtyFamilies } from '../../src/server/reports/suppression-decider.js';
import { summarise, timeRuns, type Sample } from '../lib/stats.js';
import type { Targets } from '../lib/users.js';
import { associationFloor, floorParticipants, type AssociationFloorScope } from './association-floor.js';

/**
 * `report`: runs with every decision kept in the database (the steady state); `first`: one run
 * after the förbund's decisions were removed and the process's cache emptied (a cold miss: each
 * family decided on the request), null when not measured (the country-year).
 */
export type AssociationFigure = { scope: string; label: string; interventions: number; first: number | null; report: Sample; floor: Sample; ratio: number };

/** The background decider after a bulk load: every intervention dirty, decided one at a time. */
export type DeciderFigure = { interventions: number; families: number; totalMs: number; perIntervention: Sample };

/**
 * Money and goals for every intervention of the year, as a förbund would have entered them: a
 * grant, a budget line per cost category, twelve months of costs and three goals. The data
 * files carry none; written once (goals replaced), so a re-run measures the same rows.
 */
export async function ensureMoneyAndGoals(db: Db, year: number): Promise<void> {
  const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-01`);
  // One statement each: parameters are not allowed in a multi-statement query.
  await sql`insert into intervention_grants (intervention_id, year, amount) select id, ${year}, 1000000 from interventions on conflict do nothing`.execute(db);
  await sql`insert into intervention_budget_lines (intervention_id, year, cost_category, amount)
    select i.id, ${year}, c, 100000 from interventions i, unnest(${costCategories}::text[]) c on conflict do nothing`.execute(db);
  await sql`insert into intervention_costs (intervention_id, month, cost_category, amount, source)
    select i.id, m::date, c, 7000, 'import' from interventions i, unnest(${months}::text[]) m, unnest(${costCategories}::text[]) c on conflict do nothing`.execute(db);
  await sql`delete from intervention_goals where title like 'bench:%'`.execute(db);
  await sql`insert into intervention_goals (intervention_id, period, kind, title, target)
    select i.id, ${String(year)}, k, 'bench: ' || k, t from interventions i, (values ('volume', 100), ('work_or_studies', 0.3), ('completion', 0.8)) g(k, t)`.execute(db);
}

async function associationsOf(db: Db) {
  return db.selectFrom('organisations').select(['id', 'code', 'name']).where('kind', '=', 'association').orderBy('code').execute();
}

/** The floor counts what the figures count: unique participants + anonymous per intervention, checked before timing. */
async function checkFloor(db: Db, associationId: string, year: number): Promise<void> {
  const floor = floorParticipants(await associationFloor(db, { associationId }, year));
  const codes = await db.selectFrom('interventions').select(['id', 'code']).where('association_id', '=', associationId).execute();
  for (const { id, code } of codes) {
    const exact = await computeKeyFiguresReport(db, { scope: { intervention: code }, period: String(year), suppress: false });
    if (exact.volume.participants !== (floor.get(id) ?? 0)) {
      throw new Error(`${code}: the floor counts ${floor.get(id) ?? 0} participants, the figures ${exact.volume.participants}`);
    }
  }
}

/** Decides every intervention as the server's decider does after an import, timing each one. */
async function deciderCase(db: Db): Promise<DeciderFigure> {
  await sql`delete from suppression_decisions`.execute(db);
  await sql`delete from suppression_dirty`.execute(db);
  forgetDecidedFamilies();
  const ids = (await db.selectFrom('interventions').select('id').orderBy('code').execute()).map((r) => r.id);
  const times: number[] = [];
  let families = 0;
  const started = performance.now();
  for (const id of ids) {
    await db.insertInto('suppression_dirty').values({ intervention_id: id }).execute();
    const t0 = performance.now();
    families += (await decideDirtyFamilies(db, 5, { limit: 1 })).decided;
    times.push(performance.now() - t0);
  }
  return { interventions: ids.length, families, totalMs: performance.now() - started, perIntervention: summarise(times) };
}

/** `keepDecisions`: time the figures on the decisions kept by an earlier run, without deciding everything again (no decider figure). */
export async function associationCase(db: Db, targets: Targets, year: number, runs: number, keepDecisions = false): Promise<{ figures: AssociationFigure[]; decider?: DeciderFigure }> {
  await ensureMoneyAndGoals(db, year);
  await sql`analyze intervention_grants, intervention_budget_lines, intervention_costs, intervention_goals`.execute(db);
  const associations = await associationsOf(db);
  const target = associations.find((a) => a.id === targets.associationId)!;
  await checkFloor(db, target.id, year);
  const decider = keepDecisions ? undefined : await deciderCase(db);
  await sql`analyze suppression_decisions`.execute(db);
  const count = async (ids: string[]) => Number((await db.selectFrom('interventions').select((eb) => eb.fn.countAll<string>().as('n')).where('association_id', 'in', ids).executeTakeFirstOrThrow()).n);
  const forbundYear = () => computeDashboard(db, target, String(year), 5);
  const cases: { scope: string; label: string; interventions: number; report: () => Promise<unknown>; floor: AssociationFloorScope; cold: boolean }[] = [
    { scope: 'förbund-year', label: `${target.code} ${year}`, interventions: await count([target.id]), report: forbundYear, floor: { associationId: target.id }, cold: true },
    {
      scope: 'country-year',
      label: `all ${associations.length} förbund ${year}`,
      interventions: await count(associations.map((a) => a.id)),
      report: async () => {
        for (const a of associations) await computeDashboard(db, a, String(year), 5);
      },
      floor: 'country',
      cold: false,
    },
  ];
  const figures: AssociationFigure[] = [];
  for (const c of cases) {
    // Warm-up of both, then interleaved, so both see the same caches and background load.
    await c.report();
    await associationFloor(db, c.floor, year);
    const reportTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      reportTimes.push((await timeRuns(1, c.report, 0)).median);
      floorTimes.push((await timeRuns(1, () => associationFloor(db, c.floor, year), 0)).median);
    }
    let first: number | null = null;
    if (c.cold) {
      // A cold miss: the förbund's decisions gone and nothing in the process's cache.
      await sql`delete from suppression_decisions where intervention_id in (select id from interventions where association_id = ${target.id})`.execute(db);
      forgetDecidedFamilies();
      first = (await timeRuns(1, c.report, 0)).median;
    }
    const report = summarise(reportTimes);
    const floor = summarise(floorTimes);
    figures.push({ scope: c.scope, label: c.label, interventions: c.interventions, first, report, floor, ratio: report.median / floor.median });
  }
  return { figures, decider };
}
