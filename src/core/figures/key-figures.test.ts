import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyOf, suppressedOutcomes } from './outcomes-family.js';
import { ageBandOf, computeKeyFigures, occupancyFromDays, roundedMean, roundedShare, type KeyFact } from './key-figures.js';
import { suppressKeyFigures } from '../suppression/key-figures.js';
import { keyFactsArb } from '../../test/key-facts.js';

const fact = (over: Partial<KeyFact>): KeyFact => ({
  person: 'p1', id: 'e1', gender: 'woman', birthDate: null, birthYear: 1990,
  startDate: '2024-01-01', exitDate: null, exitReason: null, exitCompleted: null, ...over,
});
const year = { from: '2024-01-01', to: '2024-12-31' };
const scope = { intervention: 'X' };

describe('key figures (domain.md, figure definitions)', () => {
  it('rounds shares and means half-up exactly, whatever binary floating point does', () => {
    expect(roundedShare(557, 575)).toBe(0.9687);
    expect(roundedShare(1, 8)).toBe(0.125);
    expect(roundedShare(12345, 100000000)).toBe(0.0001);
    expect(roundedShare(5, 0)).toBeNull();
    expect(roundedMean(1005, 1000)).toBe(1.01);
    expect(occupancyFromDays(366 * 50, 366, 200)).toEqual({ mean_active: 50, places: 200, rate: 0.25 });
  });

  it('counts a person once among unique participants, by the first enrolment active in P', () => {
    const report = computeKeyFigures({
      scope, period: year, volumeTarget: 4, places: null, anonymous: [{ year: 2024, gender: 'man', count: 1 }],
      enrolments: [
        fact({ id: 'b', startDate: '2024-03-01', exitDate: '2024-04-01', exitReason: 'work', exitCompleted: true, birthYear: 1980 }),
        fact({ id: 'a', startDate: '2023-06-01', exitDate: '2024-02-01', exitReason: 'moved', exitCompleted: false, birthYear: 2000 }),
        fact({ person: 'p2', id: 'c', gender: 'man', startDate: '2024-05-01', exitDate: '2024-05-02', exitReason: 'registration_error' }),
      ],
    });
    expect(report.flow.active.total).toBe(2);
    expect(report.flow.unique_participants).toEqual({ woman: 1, man: 0, other: 0, total: 1, under_30: 1 });
    expect(report.volume).toEqual({ participants: 2, target: 4, share: 0.5 });
    expect(report.completion).toEqual({ completed: 1, recorded: 2, share: 0.5 });
    expect(report.exit_groups.map((g) => g.group)).toEqual(['work', 'other']);
    expect(report.work_or_studies_by_age_band.find((b) => b.band === '30_49')).toEqual({ band: '30_49', exited: 1, count: 1, share: 1 });
  });

  it('puts ages in bands at 30 and 50', () => {
    expect([null, 29, 30, 49, 50].map(ageBandOf)).toEqual(['unknown', 'under_30', '30_49', '30_49', '50_plus']);
  });
});

describe('suppressed key figures', () => {
  const factsArb = keyFactsArb();

  it('shows no count from 1 to k−1 anywhere', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(factsArb, (enrolments) => {
        const exact = computeKeyFigures({ scope, period: year, enrolments, anonymous: [], volumeTarget: 100, places: 50 });
        const outcomes = suppressedOutcomes({ history: historyOf(enrolments, []), scope, rules: { subsidised_counts_as_work: true }, period: { kind: 'year', year: 2024 }, project: null, k: 5 });
        const shown = suppressKeyFigures(exact, outcomes, 5);
        const counts: number[] = [];
        const walk = (value: unknown, key: string) => {
          if (typeof value === 'number' && !['share', 'rate', 'target', 'places', 'version', 'suppression_threshold'].includes(key)) counts.push(value);
          else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
        };
        walk({ ...shown, period: null }, '');
        expect(counts.filter((n) => n > 0 && n < 5)).toEqual([]);
      }),
      { numRuns: 20, seed: Number(process.env.FC_SEED ?? 20_261_128) },
    );
  });
});
