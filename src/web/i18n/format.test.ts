import { describe, expect, test } from 'vitest';
import { formatDate, formatLongDate, formatNumber, formatPercent } from './format';

// Swedish formats: a space (U+00A0) between thousands and before %, ISO-like dates, half-up percent.
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('Swedish formatting', () => {
  test('numbers group thousands with a space; suppressed figures show a dash', () => {
    expect(plain(formatNumber(12600))).toBe('12 600');
    expect(formatNumber(null)).toBe('–');
  });
  test('shares round half-up to whole percent (domain.md)', () => {
    expect(plain(formatPercent(0.245))).toBe('25 %');
    expect(plain(formatPercent(0.2462))).toBe('25 %');
    expect(plain(formatPercent(0.965))).toBe('97 %');
    expect(formatPercent(null)).toBe('–');
  });
  test('dates', () => {
    expect(formatDate('2026-03-05')).toBe('2026-03-05');
    expect(formatLongDate('2026-03-05')).toBe('5 mars 2026');
  });
});
