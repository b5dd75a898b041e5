/**
 * Builds enrolment rows in the shape of `enrolments.csv` (domain.md, "CSV import"). Shared by the
 * demo and the scale generator so both produce the same realistic kinds of rows.
 */
import { addYears, civilFromDay, fromDay, yearOf } from './dates.js';
import { LAST_NAMES, MEN_FIRST_NAMES, WOMEN_FIRST_NAMES } from './names.js';
import type { PersonnummerAllocator } from './personnummer.js';
import type { Profile } from './profiles.js';
import type { Rng } from './prng.js';
import type { Gender, RawRecord } from './types.js';

export interface Person {
  readonly gender: Gender;
  readonly birthDay: number;
  readonly personnummer: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** Where a row belongs: the intervention, its team (or ''), its profile, and who referred. */
export interface RowContext {
  readonly intervention: string;
  readonly team: string;
  readonly profile: Profile;
  readonly referrer: string;
}

export function drawGender(rng: Rng, profile: Profile): Gender {
  const x = rng.float();
  if (x < profile.otherShare) return 'other';
  return x < profile.otherShare + profile.womanShare ? 'woman' : 'man';
}

/** A random birth date such that the age at `startDay` is a drawn whole number within the profile's brackets. */
export function drawBirthDay(rng: Rng, profile: Profile, startDay: number): number {
  const [lo, hi] = rng.draw(profile.ages);
  const age = rng.int(lo, hi);
  // Born on or before the anniversary `age` years back, and less than a year before it.
  return addYears(startDay, -age) - rng.int(0, 364);
}

export function createPerson(rng: Rng, allocator: PersonnummerAllocator, profile: Profile, startDay: number): Person {
  const gender = drawGender(rng, profile);
  const allocated = allocator.allocate(drawBirthDay(rng, profile, startDay), gender, rng.float());
  const first =
    gender === 'woman' ? rng.pick(WOMEN_FIRST_NAMES)
    : gender === 'man' ? rng.pick(MEN_FIRST_NAMES)
    : rng.pick(rng.chance(0.5) ? WOMEN_FIRST_NAMES : MEN_FIRST_NAMES);
  return {
    gender,
    birthDay: allocated.birthDay,
    personnummer: allocated.personnummer,
    firstName: first,
    lastName: rng.pick(LAST_NAMES),
  };
}

/** Whole years of age on `day` for someone born on `birthDay`. */
export function ageOn(birthDay: number, day: number): number {
  const b = civilFromDay(birthDay);
  const d = civilFromDay(day);
  return d.y - b.y - (d.m < b.m || (d.m === b.m && d.d < b.d) ? 1 : 0);
}

export function drawDuration(rng: Rng, profile: Profile): number {
  const { median, sigma, min, max } = profile.duration;
  return Math.min(max, Math.max(min, Math.round(rng.lognormal(median, sigma))));
}

export function drawExitReason(rng: Rng, profile: Profile, gender: Gender): string {
  return rng.draw(gender === 'woman' && profile.exitReasonsWoman ? profile.exitReasonsWoman : profile.exitReasons);
}

/** Income sources after exit, following the exit reason (several codes joined with '|'). */
export function incomeAfter(rng: Rng, reason: string, before: string): string {
  switch (reason) {
    case 'work':
      return rng.chance(0.8) ? 'salary' : 'salary|social_assistance';
    case 'subsidised_work':
      return 'salary';
    case 'studies':
      return rng.chance(0.8) ? 'student_aid' : 'student_aid|social_assistance';
    case 'job_seeking': {
      const x = rng.float();
      return x < 0.6 ? 'activity_support' : x < 0.75 ? 'unemployment_insurance' : 'social_assistance';
    }
    case 'sickness_compensation':
      return rng.chance(0.7) ? 'sickness_compensation' : 'activity_compensation';
    case 'sick_leave':
      return 'sickness_benefit';
    case 'parental_leave':
      return 'other';
    case 'moved':
    case 'interrupted':
      return 'unknown';
    case 'deceased':
    case 'registration_error':
      return '';
    default: // further measures, SFI, other: the situation mostly carries on
      return rng.chance(0.75) ? before : 'unknown';
  }
}

export function occupationAfter(reason: string): string {
  switch (reason) {
    case 'work':
    case 'subsidised_work':
      return 'working';
    case 'studies':
    case 'sfi':
      return 'studying';
    case 'job_seeking':
      return 'job_seeking';
    case 'deceased':
    case 'registration_error':
      return '';
    default:
      return 'none';
  }
}

/**
 * A named enrolment (consent given, identity known). `exitDay` null = still active.
 * `reason` forces the exit reason (registration errors); otherwise it is drawn from the profile.
 */
export function namedEnrolment(
  rng: Rng,
  ctx: RowContext,
  person: Person,
  ref: string,
  startDay: number,
  exitDay: number | null,
  reason?: string,
): RawRecord {
  const before = rng.draw(ctx.profile.incomeBefore);
  const occupation = rng.draw(ctx.profile.occupationBefore);
  const education = rng.draw(ctx.profile.education);
  const exitReason = exitDay === null ? '' : (reason ?? drawExitReason(rng, ctx.profile, person.gender));
  return {
    intervention: ctx.intervention,
    team: ctx.team,
    participant_ref: ref,
    personnummer: person.personnummer,
    first_name: person.firstName,
    last_name: person.lastName,
    gender: person.gender,
    birth_year: String(yearOf(person.birthDay)),
    anonymous: 'nej',
    consent: 'ja',
    protected_identity: 'nej',
    start_date: fromDay(startDay),
    referrer: ctx.referrer,
    income_before: before,
    occupation_before: occupation,
    education,
    exit_date: exitDay === null ? '' : fromDay(exitDay),
    exit_reason: exitReason,
    income_after: exitDay === null ? '' : incomeAfter(rng, exitReason, before),
    occupation_after: exitDay === null ? '' : occupationAfter(exitReason),
  };
}

/** Why a row is anonymous: an explicit anonymous registration, no consent, or protected identity. */
export type AnonymousKind = 'anonymous' | 'no_consent' | 'protected';

/**
 * An anonymous registration: a head count by year and gender (domain.md). As in the Avanti
 * sample, it carries no identity, no key, and no exit or situation.
 */
export function anonymousEnrolment(rng: Rng, ctx: RowContext, kind: AnonymousKind, startDay: number): RawRecord {
  const gender = drawGender(rng, ctx.profile);
  const birthDay = drawBirthDay(rng, ctx.profile, startDay);
  return {
    intervention: ctx.intervention,
    team: ctx.team,
    participant_ref: '',
    personnummer: '',
    first_name: '',
    last_name: '',
    gender,
    birth_year: String(yearOf(birthDay)),
    anonymous: kind === 'anonymous' ? 'ja' : 'nej',
    consent: 'nej',
    protected_identity: kind === 'protected' ? 'ja' : 'nej',
    start_date: fromDay(startDay),
    referrer: ctx.referrer,
    income_before: '',
    occupation_before: '',
    education: '',
    exit_date: '',
    exit_reason: '',
    income_after: '',
    occupation_after: '',
  };
}

/** Turns a row into a registration error: exit within a few days of the start, no situation after. */
export function markRegistrationError(row: RawRecord, exitDay: number): void {
  row.exit_date = fromDay(exitDay);
  row.exit_reason = 'registration_error';
  row.income_after = '';
  row.occupation_after = '';
}
