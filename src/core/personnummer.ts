// Swedish personnummer and samordningsnummer (Skatteverket SKV 704 and SKV 707).
import { isIsoDate, toIsoDate } from './dates.js';

export type ParsedPersonnummer = {
  /** YYYYMMDD-XXXX, with the day as written (samordningsnummer keep day + 60). */
  normalized: string;
  /** YYYY-MM-DD; for a samordningsnummer the day minus 60. */
  birthDate: string;
  /** True for a samordningsnummer (day + 60). */
  coordination: boolean;
};

// Optional century, date, optional separator, birth number and check digit. Surrounding blanks
// are trimmed (pasted values); anything else — spaces inside, other separators — is rejected.
const FORMAT = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** Luhn (modulus 10) check digit over a string of digits, weights 2,1,2,1… from the left. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Luhn over the ten digits YYMMDDNNNC: true when the check digit C matches. */
export function luhnValid(tenDigits: string): boolean {
  return /^\d{10}$/.test(tenDigits) && luhnCheckDigit(tenDigits.slice(0, 9)) === Number(tenDigits[9]);
}

/**
 * Parses a personnummer or samordningsnummer in 10 or 12 digits with an optional `-` or `+`.
 * In the 10-digit form the century is inferred from `today`: with `-` (or none) the person is
 * under 100 in the current year, and `+` — written from the year the person turns 100 — means
 * 100 years or more. A 12-digit number with `+` must belong to someone who is turning 100 or
 * more this year. Returns null for a bad format, a failed check digit, a date that is not in
 * the calendar, or a birth date after `today`.
 */
export function parsePersonnummer(input: string, today: Date = new Date()): ParsedPersonnummer | null {
  const match = FORMAT.exec(input.trim());
  if (!match) return null;
  const [, century, yy, mm, dd, separator, serial, check] = match;
  if (!luhnValid(`${yy}${mm}${dd}${serial}${check}`)) return null;

  const currentYear = today.getFullYear();
  let year: number;
  if (century !== undefined) {
    year = Number(century + yy);
    if (separator === '+' && currentYear - year < 100) return null;
  } else {
    // The latest year ending in yy that is at most the reference year.
    const reference = separator === '+' ? currentYear - 100 : currentYear;
    year = reference - ((((reference - Number(yy)) % 100) + 100) % 100);
  }

  const writtenDay = Number(dd);
  const coordination = writtenDay > 60;
  const birthDate = toIsoDate(year, Number(mm), coordination ? writtenDay - 60 : writtenDay);
  if (!isIsoDate(birthDate)) return null;
  const todayIso = toIsoDate(currentYear, today.getMonth() + 1, today.getDate());
  if (birthDate > todayIso) return null;

  return { normalized: `${year}${mm}${dd}-${serial}${check}`, birthDate, coordination };
}

export function isValidPersonnummer(input: string, today: Date = new Date()): boolean {
  return parsePersonnummer(input, today) !== null;
}

// A personnummer or samordningsnummer inside other text: 10 or 12 digits, optionally with -, +
// or a space before the last four, not part of a longer run of digits.
const EMBEDDED = /(?<!\d)(?:\d{2})?\d{2}(\d{2})(\d{2})[-+ ]?\d{4}(?!\d)/g;

/**
 * True when `text` holds something shaped like a personnummer or samordningsnummer: the digits
 * in place and a month and day (or day + 60) that can exist. The check digit is deliberately not
 * required, so a mistyped number is caught too — it still points at a person. Used where text is
 * shown beyond case work (team names reach aggregate roles) and where a value may be echoed.
 */
export function containsPersonnummer(text: string): boolean {
  for (const match of text.matchAll(EMBEDDED)) {
    const month = Number(match[1]);
    const day = Number(match[2]);
    if (month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) return true;
  }
  return false;
}
