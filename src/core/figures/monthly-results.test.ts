import { describe, expect, it } from 'vitest';
import type { EnrolmentFact } from './outcomes.js';
import { forecastOf, monthlyResults, monthNames, yearBefore, type MonthlyResult } from './monthly-results.js';

const fact = (over: Partial<EnrolmentFact>): EnrolmentFact => ({
  gender: 'woman', birthDate: null, birthYear: 1990, startDate: '2024-01-15', exitDate: null, exitReason: null, ...over,
});
const work = { subsidised_counts_as_work: true };

describe('monthly result (domain.md: exits to work or studies in m ÷ active in m)', () => {
  it('names the months of a range across a year end, and the same months a year earlier', () => {
    expect(monthNames('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthNames('2025-02', '2025-01')).toEqual([]);
    expect(yearBefore('2025-03')).toBe('2024-03');
  });

  it('counts who is active in each month and who left for work or studies in it', () => {
    const series = monthlyResults(
      [
        fact({ exitDate: '2024-02-29', exitReason: 'work' }),
        fact({ startDate: '2024-02-01', exitDate: '2024-03-01', exitReason: 'studies' }),
        fact({ startDate: '2024-01-31', exitDate: '2024-02-10', exitReason: 'subsidised_work' }),
        fact({ startDate: '2024-02-01', exitDate: '2024-02-02', exitReason: 'moved' }),
        fact({ startDate: '2024-02-01', exitDate: '2024-02-01', exitReason: 'registration_error' }),
      ],
      ['2024-01', '2024-02', '2024-03', '2024-04'],
      work,
    );
    expect(series).toEqual([
      { month: '2024-01', active: 2, outcomes: 0, result: 0 },
      { month: '2024-02', active: 4, outcomes: 2, result: 0.5 },
      { month: '2024-03', active: 1, outcomes: 1, result: 1 },
      { month: '2024-04', active: 0, outcomes: 0, result: null },
    ]);
  });

  it('leaves subsidised work out of the outcomes when the rule says it is not work', () => {
    const [feb] = monthlyResults([fact({ exitDate: '2024-02-10', exitReason: 'subsidised_work' })], ['2024-02'], { subsidised_counts_as_work: false });
    expect(feb).toEqual({ month: '2024-02', active: 1, outcomes: 0, result: 0 });
  });
});

describe('forecast (Malmökraften: the monthly result needed to reach the goal)', () => {
  const months = monthNames('2018-01', '2019-12');
  const none = (names: string[]): MonthlyResult[] => names.map((m) => ({ month: m, active: 1500, outcomes: 0, result: 0 }));

  it('gives the delrapport 6,7 %: 1 500 to work or studies with 1 500 active over 15 months left', () => {
    const forecast = forecastOf({ goalShare: 1, goalMonths: months, series: none(months), targetGroup: 1500, current: '2018-10' });
    expect(forecast).toEqual({ goalCount: 1500, achieved: 0, monthsLeft: 15, perMonth: 1500, needed: 0.0667 });
  });

  it('subtracts what is reached so far and asks nothing once the goal is reached', () => {
    const series = none(months).map((r) => (r.month === '2018-03' ? { ...r, outcomes: 300 } : r));
    expect(forecastOf({ goalShare: 0.4, goalMonths: months, series, targetGroup: 1500, current: '2019-03' })).toMatchObject({ goalCount: 600, achieved: 300, monthsLeft: 10, needed: 0.02 });
    expect(forecastOf({ goalShare: 0.2, goalMonths: months, series, targetGroup: 1500, current: '2019-03' })?.needed).toBe(0);
  });

  it('gives no forecast after the period, without a target group, or when a past month is hidden', () => {
    const hidden = none(months).map((r) => (r.month === '2018-05' ? { ...r, outcomes: null, result: null } : r));
    expect(forecastOf({ goalShare: 0.4, goalMonths: months, series: none(months), targetGroup: 1500, current: '2020-01' })).toBeNull();
    expect(forecastOf({ goalShare: 0.4, goalMonths: months, series: none(months), targetGroup: null, current: '2019-01' })).toBeNull();
    expect(forecastOf({ goalShare: 0.4, goalMonths: months, series: hidden, targetGroup: 1500, current: '2019-01' })).toBeNull();
  });
});
