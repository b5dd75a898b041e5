import { describe, expect, it } from 'vitest';
import { ageAtStart, isUnder30 } from './age.js';

describe('ageAtStart', () => {
  it('counts whole years from the birth date', () => {
    expect(ageAtStart('2018-06-14', '1988-06-15', null)).toBe(29);
    expect(ageAtStart('2018-06-15', '1988-06-15', null)).toBe(30);
    expect(ageAtStart('2018-01-01', '1988-12-31', null)).toBe(29);
  });
  it('prefers the birth date over the birth year', () => {
    expect(ageAtStart('2018-01-01', '1988-12-31', 1988)).toBe(29);
  });
  it('uses start year − birth year when only the year is known', () => {
    expect(ageAtStart('2018-01-01', null, 1988)).toBe(30);
    expect(ageAtStart('2018-12-31', null, 1989)).toBe(29);
  });
  it('is null when nothing is known', () => {
    expect(ageAtStart('2018-01-01', null, null)).toBeNull();
  });
  it('lets a leap-day child turn older on 1 March in a common year', () => {
    expect(ageAtStart('2018-02-28', '2000-02-29', null)).toBe(17);
    expect(ageAtStart('2018-03-01', '2000-02-29', null)).toBe(18);
    expect(ageAtStart('2020-02-29', '2000-02-29', null)).toBe(20);
  });
  it('treats unknown age as not under 30', () => {
    expect([isUnder30(29), isUnder30(30), isUnder30(null)]).toEqual([true, false, false]);
  });
});
