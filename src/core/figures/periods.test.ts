import { describe, expect, it } from 'vitest';
import { alignedPeriodsMessage, calendarPeriodLabel, calendarPeriodName, calendarPeriodOf, parseCalendarPeriod, projectInMonths, rangeOf } from './periods.js';

describe('calendar periods', () => {
  it('reads and writes the period names of the API', () => {
    expect(parseCalendarPeriod('2025')).toEqual({ kind: 'year', year: 2025 });
    expect(parseCalendarPeriod('2025-T2')).toEqual({ kind: 'tertial', year: 2025, tertial: 2 });
    expect(parseCalendarPeriod('2025-03')).toEqual({ kind: 'month', year: 2025, month: 3 });
    expect(parseCalendarPeriod('project')).toEqual({ kind: 'project' });
    for (const bad of ['2025-T4', '2025-13', '2025-00', '25', '2025-3', 'projekt', '', '2025-01-01']) expect(parseCalendarPeriod(bad)).toBeNull();
    for (const name of ['2025', '2025-T1', '2025-12', 'project']) expect(calendarPeriodName(parseCalendarPeriod(name)!)).toBe(name);
  });

  it('labels them in Swedish', () => {
    expect(calendarPeriodLabel({ kind: 'month', year: 2025, month: 3 })).toBe('Mars 2025');
    expect(calendarPeriodLabel({ kind: 'tertial', year: 2025, tertial: 2 })).toBe('2025 T2');
    expect(calendarPeriodLabel({ kind: 'year', year: 2025 })).toBe('Helår 2025');
    expect(calendarPeriodLabel({ kind: 'project' })).toBe('Projektperioden');
  });

  it('gives their dates: T1 = January–April, T2 = May–August, T3 = September–December', () => {
    expect(rangeOf({ kind: 'tertial', year: 2024, tertial: 1 }, null)).toEqual({ from: '2024-01-01', to: '2024-04-30' });
    expect(rangeOf({ kind: 'tertial', year: 2024, tertial: 2 }, null)).toEqual({ from: '2024-05-01', to: '2024-08-31' });
    expect(rangeOf({ kind: 'tertial', year: 2024, tertial: 3 }, null)).toEqual({ from: '2024-09-01', to: '2024-12-31' });
    expect(rangeOf({ kind: 'month', year: 2024, month: 2 }, null)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(rangeOf({ kind: 'project' }, null)).toBeNull();
  });

  it('recognises a range that is a calendar period, and nothing else', () => {
    const project = { from: '2023-11-01', to: '2025-06-30' };
    expect(calendarPeriodOf({ from: '2024-05-01', to: '2024-08-31' }, project)).toEqual({ kind: 'tertial', year: 2024, tertial: 2 });
    expect(calendarPeriodOf({ from: '2023-11-01', to: '2025-06-30' }, project)).toEqual({ kind: 'project' });
    expect(calendarPeriodOf({ from: '2024-01-01', to: '2024-12-31' }, project)).toEqual({ kind: 'year', year: 2024 });
    for (const [from, to] of [['2024-01-01', '2024-01-30'], ['2024-01-02', '2024-01-31'], ['2024-01-01', '2024-02-29'], ['2024-01-01', '2025-12-31'], ['2023-11-01', '2025-06-29']]) {
      expect(calendarPeriodOf({ from, to }, project)).toBeNull();
    }
  });

  it('widens a project period to whole months for suppressed figures', () => {
    expect(projectInMonths({ from: '2023-11-15', to: '2025-06-10' })).toEqual({ from: '2023-11-01', to: '2025-06-30' });
    expect(projectInMonths({ from: '2023-11-01', to: '2025-06-30' })).toEqual({ from: '2023-11-01', to: '2025-06-30' });
  });

  it('says in Swedish which periods can be chosen', () => {
    expect(alignedPeriodsMessage(null)).toMatch(/kalendermånad, ett tertial \(T1 januari–april, T2 maj–augusti, T3 september–december\), ett kalenderår\./);
    expect(alignedPeriodsMessage({ from: '2023-11-01', to: '2025-06-30' })).toMatch(/insatsens projektperiod \(2023-11-01 – 2025-06-30\)/);
  });
});
