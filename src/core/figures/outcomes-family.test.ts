import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gender } from '../code-lists.js';
import { addDays } from '../dates.js';
import { outcomesReportSchema, type OutcomesReport } from '../schemas/outcomes-report.js';
import { recoverable } from '../suppression/differencing.js';
import { suppressOutcomes } from '../suppression/outcomes.js';
import { historyOf, monthNumber, reportOfMonths, suppressedOutcomes, type FamilyMemo } from './outcomes-family.js';
import { computeOutcomes, type AnonymousFact, type EnrolmentFact } from './outcomes.js';
import { rangeOf, type CalendarPeriod } from './periods.js';

const scope = { intervention: 'X' };
const rules = { subsidised_counts_as_work: true };
/** Families decided once per history, as the server's cache does. */
const memo = (): FamilyMemo => {
  const map = new Map<string, unknown>();
  return { key: 'test', get: (k) => map.get(k), set: (k, v) => map.set(k, v) };
};

/** Every calendar period of the given years. */
function calendarPeriods(years: readonly number[]): CalendarPeriod[] {
  return years.flatMap((year): CalendarPeriod[] => [
    { kind: 'year', year },
    ...([1, 2, 3] as const).map((t): CalendarPeriod => ({ kind: 'tertial', year, tertial: t })),
    ...Array.from({ length: 12 }, (_, i): CalendarPeriod => ({ kind: 'month', year, month: i + 1 })),
  ]);
}

/** Everything a reader can ask for: the calendar periods and the project period, with their truth. */
function everything(facts: EnrolmentFact[], anonymous: AnonymousFact[], years: number[], project: { from: string; to: string } | null, k = 5) {
  const history = historyOf(facts, anonymous);
  const periods = [...calendarPeriods(years), ...(project ? [{ kind: 'project' } as const] : [])];
  const families = memo();
  const published = periods.map((period) => suppressedOutcomes({ history, scope, rules, period, project, k, memo: families }));
  const truth = periods.map((period) => {
    const range = rangeOf(period, project)!;
    return computeOutcomes({ scope, period: range, rules, enrolments: facts, anonymous });
  });
  return { published, truth };
}

const smallVisible = (report: OutcomesReport, k: number) => {
  const counts = [
    ...(['enrolled', 'active', 'exited'] as const).flatMap((line) => (['woman', 'man', 'other', 'total', 'under_30'] as const).map((key) => report.flow[line][key])),
    ...(['woman', 'man', 'other', 'total'] as const).map((key) => report.flow.anonymous[key]),
    ...report.exit_reasons.flatMap((row) => [row.woman, row.man, row.other, row.total]),
    ...(['woman', 'man', 'other', 'total'] as const).map((key) => report.work_or_studies[key].count),
  ];
  return counts.filter((x) => x !== null && x >= 1 && x < k);
};

const day = (offset: number) => addDays('2022-01-01', offset);
const factArb = fc
  .record({
    gender: fc.constantFrom<Gender>('woman', 'woman', 'man', 'man', 'other'),
    young: fc.boolean(),
    start: fc.integer({ min: 0, max: 729 }),
    stay: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    reason: fc.constantFrom('work', 'subsidised_work', 'studies', 'job_seeking', 'sfi', 'moved', 'registration_error'),
  })
  .map(({ gender, young, start, stay, reason }): EnrolmentFact => ({
    gender,
    birthDate: null,
    birthYear: young ? 2000 : 1970,
    startDate: day(start),
    exitDate: stay === null ? null : day(start + stay),
    exitReason: stay === null ? null : reason,
  }));
const anonymousArb = fc.record({ year: fc.constantFrom(2022, 2023), gender: fc.constantFrom<Gender>('woman', 'man', 'other'), count: fc.integer({ min: 1, max: 6 }) });

describe('suppressed outcomes for calendar periods, decided in linked families', () => {
  it('leaves no hidden value derivable from ALL the periods together (random small histories)', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { minLength: 1, maxLength: 45 }),
        fc.array(anonymousArb, { maxLength: 3 }),
        fc.constantFrom(null, { from: '2022-03-01', to: '2023-10-31' }, { from: '2022-01-01', to: '2024-06-30' }),
        fc.constantFrom(3, 5),
        (facts, anonymous, project, k) => {
          // Two years with data and the year after (every later period shows the same figures).
          const { published, truth } = everything(facts, anonymous, [2022, 2023, 2024], project, k);
          for (const report of published) {
            expect(outcomesReportSchema.parse(report)).toEqual(report);
            expect(smallVisible(report, k)).toEqual([]);
          }
          // The published counts are the true ones.
          published.forEach((report, i) => {
            expect(report.period).toEqual(truth[i].period);
            expect(report.flow.active.total === null || report.flow.active.total === truth[i].flow.active.total).toBe(true);
          });
          expect(recoverable(published, truth, k)).toEqual([]);
        },
      ),
      // Seeded, so that CI is reproducible: one unseeded run in a full suite failed once and its
      // counterexample was lost. FC_SEED explores other histories (fast-check prints the seed and
      // the shrunk counterexample of a failure).
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? 20_261_128) },
    );
  });

  it('per-period suppression, the old behaviour, gives hidden cells away to the same reader', { timeout: 120_000 }, () => {
    // A year with a few exits: each period suppressed alone hides its small cells, but the
    // periods together do not.
    const facts: EnrolmentFact[] = Array.from({ length: 40 }, (_, i) => ({
      gender: (['woman', 'man', 'other'] as const)[i % 3],
      birthDate: null,
      birthYear: 1980,
      startDate: day(i * 9),
      exitDate: i % 2 === 0 ? day(i * 9 + 50) : null,
      exitReason: i % 2 === 0 ? (['work', 'studies', 'sfi'] as const)[i % 3] : null,
    }));
    const history = historyOf(facts, []);
    const periods = calendarPeriods([2022]);
    const truth = periods.map((period) => {
      const range = rangeOf(period, null)!;
      return reportOfMonths({ history, scope, rules, k: 5 }, monthNumber(range.from), monthNumber(range.to));
    });
    const naive = truth.map((report) => suppressOutcomes(report, 5));
    expect(recoverable(naive, truth).length).toBeGreaterThan(0);
    const families = memo();
    const linked = periods.map((period) => suppressedOutcomes({ history, scope, rules, period, project: null, k: 5, memo: families }));
    expect(recoverable(linked, truth)).toEqual([]);
  });

  it('shows the finding: two ranges one day apart give a single exit away when any range is allowed', () => {
    const facts: EnrolmentFact[] = [
      ...Array.from({ length: 30 }, (_, i): EnrolmentFact => ({ gender: 'woman', birthDate: null, birthYear: 1980, startDate: '2022-01-03', exitDate: day(i < 15 ? 20 + i : 60 + i), exitReason: 'work' })),
      { gender: 'man', birthDate: null, birthYear: 1980, startDate: '2022-01-03', exitDate: '2022-02-20', exitReason: 'moved' },
    ];
    const report = (to: string) => computeOutcomes({ scope, period: { from: '2022-01-01', to }, rules: { suppression_threshold: 5 }, enrolments: facts, anonymous: [] });
    const [before, after] = [report('2022-02-19'), report('2022-02-20')];
    // Both totals are published, so their difference is the man's exit on 20 February.
    expect(before.flow.exited.total).not.toBeNull();
    expect(after.flow.exited.total! - before.flow.exited.total!).toBe(1);
    expect(after.flow.exited.man).toBeNull();
  });

  it('is the same for a period whichever period of its family is asked first', { timeout: 120_000 }, () => {
    const facts = fc.sample(fc.array(factArb, { minLength: 20, maxLength: 40 }), { numRuns: 1, seed: 7 })[0];
    const history = historyOf(facts, []);
    const ask = (period: CalendarPeriod) => suppressedOutcomes({ history, scope, rules, period, project: null, k: 5 });
    const march = ask({ kind: 'month', year: 2023, month: 3 });
    ask({ kind: 'year', year: 2023 });
    expect(ask({ kind: 'month', year: 2023, month: 3 })).toEqual(march);
  });

  it('answers a year after the last event with the figures every later period has', { timeout: 120_000 }, () => {
    const facts: EnrolmentFact[] = Array.from({ length: 12 }, (_, i) => ({
      gender: i < 2 ? 'other' : 'woman',
      birthDate: null,
      birthYear: 1980,
      startDate: day(i * 20),
      exitDate: null,
      exitReason: null,
    }));
    const history = historyOf(facts, []);
    const later = (period: CalendarPeriod) => suppressedOutcomes({ history, scope, rules, period, project: null, k: 5 });
    const [y2030, m2031] = [later({ kind: 'year', year: 2030 }), later({ kind: 'month', year: 2031, month: 5 })];
    expect(y2030.period).toEqual({ from: '2030-01-01', to: '2030-12-31' });
    expect({ ...y2030.flow }).toEqual({ ...m2031.flow });
    expect(y2030.flow.active.other).toBeNull();
    expect(y2030.flow.active.woman === null || y2030.flow.active.woman === 10).toBe(true);
    expect(y2030.flow.enrolled.total === null || y2030.flow.enrolled.total === 0).toBe(true);
  });
});
