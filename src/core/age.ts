import { yearOf } from './dates.js';

/**
 * Age in whole years at the enrolment's start date (domain.md, figure definitions). The birth
 * date (from the personnummer; day − 60 for a samordningsnummer) wins; when only a birth year is
 * known, age = start year − birth year; null when neither is known. Someone born on 29 February
 * turns a year older on 1 March in a common year (the date comparison is on MM-DD).
 */
export function ageAtStart(startDate: string, birthDate: string | null, birthYear: number | null): number | null {
  if (birthDate !== null) {
    const years = yearOf(startDate) - yearOf(birthDate);
    return startDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
  }
  if (birthYear !== null) return yearOf(startDate) - birthYear;
  return null;
}

/** "Under 30" means age < 30; an unknown age is not under 30. */
export function isUnder30(age: number | null): boolean {
  return age !== null && age < 30;
}
