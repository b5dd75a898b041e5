// Seeded random enrolment facts, for tests that store many and compare the figures counted in SQL
// with the core definitions over the same facts.
import { codeLists, type Gender } from '../core/code-lists.js';
import type { EnrolmentFact } from '../core/figures/outcomes.js';

/** mulberry32: the same numbers in [0, 1) for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const reasons = codeLists.exit_reason.map((r) => r.code);
const genders: Gender[] = ['woman', 'man', 'other'];
const day = (offset: number) => new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Starts in 2022–2024, 60 % exited within 400 days for any reason, a birth year only. */
export function randomFact(next: () => number): EnrolmentFact {
  const start = Math.floor(next() * 900);
  const exited = next() < 0.6;
  return {
    gender: genders[Math.floor(next() * genders.length)],
    birthDate: null,
    birthYear: 1960 + Math.floor(next() * 45),
    startDate: day(start),
    exitDate: exited ? day(start + Math.floor(next() * 400)) : null,
    exitReason: exited ? reasons[Math.floor(next() * reasons.length)] : null,
  };
}
