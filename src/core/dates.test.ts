import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  daysInMonth,
  daysInPeriod,
  isIsoDate,
  isWithin,
  month,
  monthsOf,
  periodOfYear,
  tertial,
  yearOf,
} from './dates.js';

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(['2018-01-01', '2020-02-29', '2000-02-29', '2018-12-31'].every(isIsoDate)).toBe(true);
    expect(['2018-02-29', '1900-02-29', '2018-13-01', '2018-00-10', '2018-04-31', '2018-1-01', '20180101', ''].some(isIsoDate)).toBe(false);
  });

  it('compares as strings and tests membership inclusively', () => {
    expect(['2018-03-01', '2017-12-31', '2018-01-01'].sort(compareDates)).toEqual(['2017-12-31', '2018-01-01', '2018-03-01']);
    expect(compareDates('2018-01-01', '2018-01-01')).toBe(0);
    const p = periodOfYear(2018);
    expect([isWithin('2017-12-31', p), isWithin('2018-01-01', p), isWithin('2018-12-31', p), isWithin('2019-01-01', p)]).toEqual([false, true, true, false]);
  });

  it('gives years, tertials and months', () => {
    expect(yearOf('2018-05-03')).toBe(2018);
    expect(periodOfYear(2018)).toEqual({ from: '2018-01-01', to: '2018-12-31' });
    expect(tertial(2018, 1)).toEqual({ from: '2018-01-01', to: '2018-04-30' });
    expect(tertial(2018, 2)).toEqual({ from: '2018-05-01', to: '2018-08-31' });
    expect(tertial(2018, 3)).toEqual({ from: '2018-09-01', to: '2018-12-31' });
    expect(month(2020, 2)).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(month(2019, 2)).toEqual({ from: '2019-02-01', to: '2019-02-28' });
    expect(month(2018, 11)).toEqual({ from: '2018-11-01', to: '2018-11-30' });
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it('counts the days of a period inclusively', () => {
    expect(daysInPeriod(periodOfYear(2018))).toBe(365);
    expect(daysInPeriod(periodOfYear(2020))).toBe(366);
    expect(daysInPeriod({ from: '2018-03-01', to: '2018-03-01' })).toBe(1);
    expect(daysInPeriod({ from: '2018-03-02', to: '2018-03-01' })).toBe(0);
    // Across the spring daylight-saving change, where local-time arithmetic loses an hour.
    expect(daysInPeriod({ from: '2018-03-24', to: '2018-03-26' })).toBe(3);
    expect([1, 2, 3].map((t) => daysInPeriod(tertial(2019, t as 1 | 2 | 3)))).toEqual([120, 123, 122]);
  });

  it('adds days and splits periods into months', () => {
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(monthsOf({ from: '2018-01-15', to: '2018-03-10' })).toEqual([
      { from: '2018-01-15', to: '2018-01-31' },
      { from: '2018-02-01', to: '2018-02-28' },
      { from: '2018-03-01', to: '2018-03-10' },
    ]);
  });

  it('agrees with Date for day arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.integer({ min: -5000, max: 5000 }), (ms, n) => {
        const iso = new Date(ms).toISOString().slice(0, 10);
        const expected = new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(iso, n)).toBe(expected);
        expect(daysInPeriod({ from: iso, to: expected })).toBe(n >= 0 ? n + 1 : 0);
        expect(isIsoDate(iso)).toBe(true);
      }),
    );
  });
});
