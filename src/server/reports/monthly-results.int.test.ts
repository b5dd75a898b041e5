import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastOf, monthlyResultOf, monthlyResults, monthNames, yearBefore } from '../../core/figures/monthly-results.js';
import { historyOf, suppressedOutcomes } from '../../core/figures/outcomes-family.js';
import { parseCalendarPeriod } from '../../core/figures/periods.js';
import { worldFixture } from '../../test/fixture.js';
import { factsArb, storeKeyFacts } from '../../test/key-facts.js';
import { computeMonthlyResults } from './monthly-results.service.js';

// The monthly result series counted in SQL equals its definition in core (the oracle), for the
// intervention, a team, the same months a year earlier and suppressed; the forecast is the one
// core computes from the oracle's series.

const t = worldFixture({ app: false });
const intervention = 'KOMMUNINSATS';

/** Month i after December 2021 (the facts start in January 2022 and run about four years). */
const monthAfter = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

describe('the monthly result series computed in SQL', () => {
  it('equals the definition in core, exact and suppressed, with its comparisons and forecast', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        factsArb,
        fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 })),
        fc.boolean(),
        fc.constantFrom('Team A' as const, 'Team B' as const),
        fc.record({ share: fc.integer({ min: 0, max: 10_000 }), current: fc.integer({ min: 0, max: 12 }) }),
        async (generated, [first, length], subsidised, team, goal) => {
          const facts = await storeKeyFacts(t.db, t.world, generated, []);
          const rules = { subsidised_counts_as_work: subsidised };
          const from = monthAfter(first);
          const to = monthAfter(first + length);
          const months = monthNames(from, to);
          const year = Number(to.slice(0, 4));
          const current = goal.current === 12 ? `${year + 1}-01` : `${year}-${String(goal.current + 1).padStart(2, '0')}`;
          await t.db.deleteFrom('intervention_goals').execute();
          await t.db
            .insertInto('intervention_goals')
            .values({ intervention_id: t.world.interventions.kommunInsats, period: String(year), kind: 'work_or_studies', title: 'Arbete eller studier', target: goal.share / 10_000 })
            .execute();
          const input = { intervention, from, to, suppress: false, subsidisedCountsAsWork: subsidised, current };

          const withTeam = await computeMonthlyResults(t.db, { ...input, compare: { team } });
          expect(withTeam.series.map((s) => s.months)).toEqual([
            monthlyResults(facts, months, rules),
            monthlyResults(facts.filter((f) => f.team === team), months, rules),
          ]);
          const lastYear = await computeMonthlyResults(t.db, { ...input, compare: 'last_year' });
          expect(lastYear.series[1]!.months).toEqual(monthlyResults(facts, months.map(yearBefore), rules));

          const goalMonths = monthNames(`${year}-01`, `${year}-12`);
          const forecast = forecastOf({ goalShare: goal.share / 10_000, goalMonths, series: monthlyResults(facts, goalMonths, rules), targetGroup: 100, current });
          expect(withTeam.forecast && { ...withTeam.forecast, goal: undefined }).toEqual(
            forecast && { goal: undefined, target_group: 100, goal_count: forecast.goalCount, achieved: forecast.achieved, months_left: forecast.monthsLeft, needed: forecast.needed },
          );

          // Suppressed: each month's active and work-or-studies counts as that month's suppressed outcomes report has them.
          const few = months.slice(0, 3);
          const suppressed = await computeMonthlyResults(t.db, { ...input, to: few.at(-1)!, compare: null, suppress: true });
          const history = historyOf(facts, []);
          expect(suppressed.series[0]!.months).toEqual(
            few.map((m) => {
              const r = suppressedOutcomes({ history, scope: { intervention }, rules, period: parseCalendarPeriod(m)!, project: null, k: 5 });
              return monthlyResultOf(m, r.flow.active.total, r.work_or_studies.total.count);
            }),
          );
          expect(suppressed.series[0]!.months.flatMap((m) => [m.active, m.outcomes]).filter((n) => n !== null && n > 0 && n < 5)).toEqual([]);
        },
      ),
      { numRuns: 12, seed: Number(process.env.FC_SEED ?? 20_261_128) },
    );
  });

  it('refuses a range that ends before it starts or is longer than five years, and a team that does not exist', async () => {
    const input = { intervention, suppress: false, compare: null };
    await expect(computeMonthlyResults(t.db, { ...input, from: '2024-03', to: '2024-02' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(computeMonthlyResults(t.db, { ...input, from: '2020-01', to: '2025-01' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(computeMonthlyResults(t.db, { ...input, from: '2024-01', to: '2024-02', compare: { team: 'Team Z' } })).rejects.toMatchObject({ code: 'not_found' });
  });
});
