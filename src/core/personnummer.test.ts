import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPersonnummer, isValidPersonnummer, luhnValid, parsePersonnummer } from './personnummer.js';

// An independent Luhn: from the right, every second digit doubled via a lookup table.
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
function checkDigit(nineDigits: string): string {
  const sum = [...nineDigits].reverse().reduce((s, d, i) => s + (i % 2 === 0 ? DOUBLED[Number(d)] : Number(d)), 0);
  return String((10 - (sum % 10)) % 10);
}
/** YYMMDD + NNN → a valid ten-digit number with its check digit. */
const valid = (yymmdd: string, serial = '123') => `${yymmdd}${serial}${checkDigit(yymmdd + serial)}`;

const today = new Date(2024, 5, 1); // 1 June 2024, local time

describe('the test numbers', () => {
  it('19121212-1212 and 19811218-9876 pass Luhn; 20080808-0008 does not', () => {
    expect(checkDigit('121212121')).toBe('2');
    expect(checkDigit('811218987')).toBe('6');
    expect(checkDigit('080808000')).toBe('6'); // not 8: a commonly quoted "test number" that is invalid
    expect([luhnValid('1212121212'), luhnValid('8112189876'), luhnValid('0808080008')]).toEqual([true, true, false]);
  });
});

describe('parsePersonnummer', () => {
  it('parses 12 digits with and without a hyphen', () => {
    const expected = { normalized: '19121212-1212', birthDate: '1912-12-12', coordination: false };
    expect(parsePersonnummer('19121212-1212', today)).toEqual(expected);
    expect(parsePersonnummer('191212121212', today)).toEqual(expected);
    expect(parsePersonnummer('  19121212-1212 ', today)).toEqual(expected);
    expect(parsePersonnummer('198112189876', today)).toEqual({ normalized: '19811218-9876', birthDate: '1981-12-18', coordination: false });
  });

  it('infers the century of 10 digits from today, + meaning 100 or older', () => {
    expect(parsePersonnummer('121212-1212', today)?.birthDate).toBe('2012-12-12');
    expect(parsePersonnummer('1212121212', today)?.birthDate).toBe('2012-12-12');
    expect(parsePersonnummer('121212+1212', today)?.normalized).toBe('19121212-1212');
    expect(parsePersonnummer('811218-9876', today)?.birthDate).toBe('1981-12-18');
    // 99 this year, written with a hyphen; the same digits with + are 199.
    expect(parsePersonnummer(`${valid('250101')}`.replace(/^(\d{6})/, '$1-'), today)?.birthDate).toBe('1925-01-01');
    expect(parsePersonnummer(`${valid('250101')}`.replace(/^(\d{6})/, '$1+'), today)?.birthDate).toBe('1825-01-01');
    expect(parsePersonnummer(valid('240101'), today)?.birthDate).toBe('2024-01-01');
  });

  it('rejects a birth date after today', () => {
    expect(parsePersonnummer(valid('241231'), today)).toBeNull();
    expect(parsePersonnummer(`20${valid('241231')}`, today)).toBeNull();
  });

  it('accepts + in 12 digits only for someone turning 100 or more this year', () => {
    expect(parsePersonnummer('19121212+1212', today)?.birthDate).toBe('1912-12-12');
    expect(parsePersonnummer(`1924${valid('241231').slice(2)}`.replace(/^(\d{8})/, '$1+'), today)?.birthDate).toBe('1924-12-31');
    expect(parsePersonnummer(`1925${valid('250101').slice(2)}`.replace(/^(\d{8})/, '$1+'), today)).toBeNull();
  });

  it('handles leap days', () => {
    const leap = valid('000229');
    expect(parsePersonnummer(leap, today)?.birthDate).toBe('2000-02-29');
    expect(parsePersonnummer(`20${leap}`, today)?.birthDate).toBe('2000-02-29');
    expect(parsePersonnummer(`19${leap}`, today)).toBeNull(); // 1900 was not a leap year
    expect(parsePersonnummer(leap.replace(/^(\d{6})/, '$1+'), today)).toBeNull();
    expect(parsePersonnummer(valid('010229'), today)).toBeNull();
  });

  it('reads samordningsnummer as day + 60', () => {
    expect(parsePersonnummer('701063-2391', today)).toEqual({ normalized: '19701063-2391', birthDate: '1970-10-03', coordination: true });
    expect(parsePersonnummer(valid('000289'), today)).toEqual(expect.objectContaining({ birthDate: '2000-02-29', coordination: true }));
    expect(parsePersonnummer(valid('010289'), today)).toBeNull(); // 29 Feb 2001
    expect(parsePersonnummer(valid('701060'), today)).toBeNull(); // day 0
    expect(parsePersonnummer(valid('701092'), today)).toBeNull(); // day 32
    expect(parsePersonnummer(valid('701032'), today)).toBeNull(); // day 32 of an ordinary number
  });

  it('rejects bad formats and check digits', () => {
    for (const bad of ['', '19121212 1212', '1912-12-12-1212', '12121-21212', '121212-121', '1912121212123', '121212–1212', '121212/1212', 'abcdefghij', '19121212-1213', '121212-1213', '19121212--1212']) {
      expect(parsePersonnummer(bad, today)).toBeNull();
      expect(isValidPersonnummer(bad, today)).toBe(false);
    }
  });

  it('accepts every Luhn-valid real date and rejects every other check digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1925, 0, 1), max: Date.UTC(2024, 4, 31) }), fc.integer({ min: 0, max: 999 }), fc.boolean(), (ms, n, coordination) => {
        const d = new Date(ms);
        const yymmdd = `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate() + (coordination ? 60 : 0)).padStart(2, '0')}`;
        const number = valid(yymmdd, String(n).padStart(3, '0'));
        const parsed = parsePersonnummer(number, today);
        expect(parsed).toEqual({ normalized: `${d.getUTCFullYear()}${number.slice(2, 6)}-${number.slice(6)}`, birthDate: d.toISOString().slice(0, 10), coordination });
        const wrong = `${number.slice(0, 9)}${(Number(number[9]) + 1) % 10}`;
        expect(parsePersonnummer(wrong, today)).toBeNull();
      }),
    );
  });
});

describe('containsPersonnummer', () => {
  it.each(['19121212-1212', '191212121212', '121212-1212', '1212121212', '121212+1212', '121212 1212', '19121272-1219', 'Team 19121212-1212 Norr', '19121212-1213'])(
    'finds %s (the check digit is not required: a mistyped number still points at a person)',
    (text) => expect(containsPersonnummer(text)).toBe(true),
  );

  it.each(['Team Norr', 'Team 2024', '2024-01-15', '20240115', '123456789012', '19121312-1212', '19121232-1212', '1912121212123', 'Rum 1201'])(
    'does not find one in %s',
    (text) => expect(containsPersonnummer(text)).toBe(false),
  );
});
