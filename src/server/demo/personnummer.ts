/**
 * Fictitious Swedish identity numbers. There is no range of personnummer that is guaranteed not
 * to belong to a real person, so the numbers are only made *valid in form*: a real birth date,
 * a birth number whose third digit is odd for men and even for women, and the Luhn check digit
 * over the ten-digit form YYMMDDNNN — exactly what an import validates.
 */
import { luhnCheckDigit } from '../../core/personnummer.js';
import { civilFromDay } from './dates.js';
import type { Gender } from './types.js';

export { luhnCheckDigit };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** An organisation number NNNNNN-NNNC from six leading digits and a three-digit serial, C = Luhn. */
export function orgNumber(first6: string, serial: number): string {
  const nine = `${first6}${pad(serial % 1000, 3)}`;
  return `${first6}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

// 499 birth numbers per (birth date, sex): n ∈ 1..499 → NNN = 2n + (man ? 1 : 0) ∈ 002..999.
const PER_DAY = 499;
const STRIDE = 337; // coprime with 499: k ↦ (k·337 + h) mod 499 visits every n once, in scrambled order

/**
 * Hands out personnummer `YYYYMMDD-NNNC` that are unique for the lifetime of the allocator
 * (one per generation run), without remembering the numbers themselves: only a counter per
 * birth date and sex, so a million persons cost a few tens of thousands of map entries.
 */
export class PersonnummerAllocator {
  private readonly used = new Map<number, number>();

  /** Returns the number and the birth date actually used (one day earlier when a date is full). */
  allocate(birthDay: number, gender: Gender, coin: number): { personnummer: string; birthDay: number } {
    // 'other' is not a legal sex in the population register; the birth number still has one.
    const odd = gender === 'man' || (gender === 'other' && coin < 0.5) ? 1 : 0;
    let day = birthDay;
    for (;;) {
      const key = day * 2 + odd;
      const k = this.used.get(key) ?? 0;
      if (k < PER_DAY) {
        this.used.set(key, k + 1);
        const n = ((k * STRIDE + (((day % PER_DAY) + PER_DAY) % PER_DAY)) % PER_DAY) + 1;
        return { personnummer: format(day, 2 * n + odd), birthDay: day };
      }
      day -= 1;
    }
  }
}

function format(day: number, birthNumber: number): string {
  const { y, m, d } = civilFromDay(day);
  const yymmddnnn = `${pad(y % 100, 2)}${pad(m, 2)}${pad(d, 2)}${pad(birthNumber, 3)}`;
  return `${y}${yymmddnnn.slice(2, 6)}-${yymmddnnn.slice(6)}${luhnCheckDigit(yymmddnnn)}`;
}
