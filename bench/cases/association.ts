// Case: a förbund's year of every figure together (what its dashboard loads: the suppressed key
// figures, goals and money of each of its interventions) and the country-year (every förbund's
// dashboard), each against the hand-written SQL floor on the same data, in the same process.
import { sql } from 'kysely';
import { costCategories } from '../../src/core/figures/budget.js';
import type { Db } from '../../src/server/db/connection.js';
import { computeDashboard } from '../../src/server/reports/association-figures.service.js';
import { computeKeyFiguresReport } from '../../src/server/reports/key-figures.service.js';
import { summarise, timeRuns, type Sample } from '../lib/stats.js';
import type { Targets } from '../lib/users.js';
import { associationFloor, floorParticipants, type AssociationFloorScope } from './association-floor.js';

/** `first`: the first run, before the suppression decisions of the interventions' histories are cached in the process. */
export type AssociationFigure = { scope: string; label: string; interventions: number; first: number; report: Sample; floor: Sample; ratio: number };

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

export async function associationCase(db: Db, targets: Targets, year: number, runs: number): Promise<AssociationFigure[]> {
  await ensureMoneyAndGoals(db, year);
  await sql`analyze intervention_grants, intervention_budget_lines, intervention_costs, intervention_goals`.execute(db);
  const associations = await associationsOf(db);
  const target = associations.find((a) => a.id === targets.associationId)!;
  await checkFloor(db, target.id, year);
  const count = async (ids: string[]) => Number((await db.selectFrom('interventions').select((eb) => eb.fn.countAll<string>().as('n')).where('association_id', 'in', ids).executeTakeFirstOrThrow()).n);
  const cases: { scope: string; label: string; interventions: number; report: () => Promise<unknown>; floor: AssociationFloorScope }[] = [
    {
      scope: 'förbund-year',
      label: `${target.code} ${year}`,
      interventions: await count([target.id]),
      report: () => computeDashboard(db, target, String(year), 5),
      floor: { associationId: target.id },
    },
    {
      scope: 'country-year',
      label: `all ${associations.length} förbund ${year}`,
      interventions: await count(associations.map((a) => a.id)),
      report: async () => {
        for (const a of associations) await computeDashboard(db, a, String(year), 5);
      },
      floor: 'country',
    },
  ];
  const figures: AssociationFigure[] = [];
  for (const c of cases) {
    // The first run decides each intervention's suppression afresh (outcomes.service.ts caches the
    // last 64 families decided); then interleaved, so both see the same cache and background load.
    const first = (await timeRuns(1, c.report, 0)).median;
    await associationFloor(db, c.floor, year);
    const reportTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      reportTimes.push((await timeRuns(1, c.report, 0)).median);
      floorTimes.push((await timeRuns(1, () => associationFloor(db, c.floor, year), 0)).median);
    }
    const report = summarise(reportTimes);
    const floor = summarise(floorTimes);
    figures.push({ scope: c.scope, label: c.label, interventions: c.interventions, first, report, floor, ratio: report.median / floor.median });
  }
  return figures;
}
