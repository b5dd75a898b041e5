// Case: the outcomes report for one intervention-year, one förbund-year and the country-year,
// each against the hand-written SQL floor on the same data, in the same process.
import { isDeepStrictEqual } from 'node:util';
import { outcomesFromCounts } from '../../src/core/figures/outcomes-from-counts.js';
import type { Period } from '../../src/core/dates.js';
import type { Db } from '../../src/server/db/connection.js';
import { countOutcomes } from '../../src/server/reports/outcomes.repository.js';
import { computeOutcomesReport } from '../../src/server/reports/outcomes.service.js';
import { summarise, timeRuns, type Sample } from '../lib/stats.js';
import type { Targets } from '../lib/users.js';
import { floorCounts, floorTotals, reportTotals, type FloorScope } from './outcomes-floor.js';

export type OutcomesFigure = { scope: string; label: string; active: number; report: Sample; floor: Sample; ratio: number };

/** There is no national scope in the API; the country report runs the same path over every intervention. */
async function countryReport(db: Db, period: Period) {
  const ids = (await db.selectFrom('interventions').select('id').execute()).map((r) => r.id);
  const counts = await countOutcomes(db, ids, period);
  return outcomesFromCounts({ scope: { association: 'SVERIGE' }, period, counts });
}

export async function outcomesCase(db: Db, targets: Targets, year: number, runs: number): Promise<OutcomesFigure[]> {
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const cases: { scope: string; label: string; report: () => ReturnType<typeof countryReport>; floor: FloorScope }[] = [
    {
      scope: 'intervention-year',
      label: `${targets.interventionCode} ${year}`,
      report: () => computeOutcomesReport(db, { scope: { intervention: targets.interventionCode }, period, suppress: false }),
      floor: { interventionId: targets.interventionId },
    },
    {
      scope: 'förbund-year',
      label: `${targets.associationCode} ${year}`,
      report: () => computeOutcomesReport(db, { scope: { association: targets.associationCode }, period, suppress: false }),
      floor: { associationId: targets.associationId },
    },
    { scope: 'country-year', label: `all ${targets.interventionIds.length} interventions ${year}`, report: () => countryReport(db, period), floor: 'country' },
  ];
  const figures: OutcomesFigure[] = [];
  for (const c of cases) {
    const report = await c.report();
    const floor = floorTotals(await floorCounts(db, c.floor, period));
    if (!isDeepStrictEqual(reportTotals(report), floor)) {
      throw new Error(`${c.scope}: the floor does not count what the report counts: ${JSON.stringify({ report: reportTotals(report), floor })}`);
    }
    // Interleaved, so both see the same cache and the same background load.
    const reportTimes: number[] = [];
    const floorTimes: number[] = [];
    await c.report();
    await floorCounts(db, c.floor, period);
    for (let i = 0; i < runs; i++) {
      reportTimes.push((await timeRuns(1, c.report, 0)).median);
      floorTimes.push((await timeRuns(1, () => floorCounts(db, c.floor, period), 0)).median);
    }
    const r = summariseBoth(reportTimes, floorTimes);
    figures.push({ scope: c.scope, label: c.label, active: report.flow.active.total ?? 0, ...r });
  }
  return figures;
}

function summariseBoth(report: number[], floor: number[]) {
  const r = summarise(report);
  const f = summarise(floor);
  return { report: r, floor: f, ratio: r.median / f.median };
}
