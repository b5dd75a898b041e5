// Lead times of domain.md: median days from referral to start and from start to exit.
import { daysBetween, isWithin, type Period } from '../dates.js';
import { isCountedEnrolment } from './case-work.js';

export type LeadTimeFact = { referralDate: string | null; startDate: string; exitDate: string | null; exitReason: string | null };

/**
 * The median of the values; for an even number of values the mean of the middle two (as SQL's
 * percentile_cont(0.5)); null when there are none.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median days from referral to start, over enrolments started in P with a recorded referral date. */
export function referralToStartDays(enrolments: readonly LeadTimeFact[], p: Period): number | null {
  return median(
    enrolments
      .filter((e) => isCountedEnrolment(e.exitReason) && e.referralDate !== null && isWithin(e.startDate, p))
      .map((e) => daysBetween(e.referralDate as string, e.startDate)),
  );
}

/** Median days from start to exit, over enrolments exited in P. */
export function startToExitDays(enrolments: readonly LeadTimeFact[], p: Period): number | null {
  return median(
    enrolments
      .filter((e) => isCountedEnrolment(e.exitReason) && e.exitDate !== null && isWithin(e.exitDate, p))
      .map((e) => daysBetween(e.startDate, e.exitDate as string)),
  );
}
