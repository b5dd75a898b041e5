import fc from 'fast-check';
import type { KeyFact } from '../core/figures/key-figures.js';

// Random enrolments of one year (2024) for the key-figures property tests: persons with several
// enrolments, open and exited ones, every completion mark.

const date = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

export const keyFactsArb = (maxLength = 60) =>
  fc
    .array(
      fc.record({
        person: fc.integer({ min: 0, max: 30 }),
        gender: fc.constantFrom('woman' as const, 'man' as const, 'other' as const),
        start: fc.integer({ min: 0, max: 300 }),
        length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        reason: fc.constantFrom('work', 'studies', 'moved', 'interrupted', 'other_intervention'),
        completed: fc.constantFrom(true, false, null),
        birthYear: fc.integer({ min: 1960, max: 2005 }),
      }),
      { maxLength },
    )
    .map((records) =>
      records.map((f, i): KeyFact => ({
        person: String(f.person), id: `e${i}`, gender: f.gender, birthDate: null, birthYear: f.birthYear, startDate: date(f.start),
        exitDate: f.length === null ? null : date(f.start + f.length), exitReason: f.length === null ? null : f.reason,
        exitCompleted: f.length === null ? null : f.completed,
      })),
    );
