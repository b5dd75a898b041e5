import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectYears, yearShown } from './years';

describe('the years of the project period', () => {
  afterEach(() => vi.useRealTimers());

  it('runs from the start year to the end year, or to next year when the period is open', () => {
    vi.useFakeTimers({ now: new Date('2026-06-15T12:00:00Z'), toFake: ['Date'] });
    expect(projectYears('2022-09-01', '2024-03-31')).toEqual([2022, 2023, 2024]);
    expect(projectYears('2025-01-01', null)).toEqual([2025, 2026, 2027]);
    expect(projectYears('2028-01-01', null)).toEqual([2028]);
    expect(projectYears('2024-05-01', '2024-12-31')).toEqual([2024]);
  });

  it('shows the year asked for when it is in the period, else this year brought within it', () => {
    vi.useFakeTimers({ now: new Date('2026-06-15T12:00:00Z'), toFake: ['Date'] });
    const years = [2022, 2023, 2024];
    expect(yearShown(years, 2023)).toBe(2023);
    expect(yearShown(years, undefined)).toBe(2024);
    expect(yearShown(years, 1999)).toBe(2024);
    expect(yearShown([2027, 2028], undefined)).toBe(2027);
    expect(yearShown([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027], undefined)).toBe(2026);
  });
});
