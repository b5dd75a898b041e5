// Counts by gender, the shape every figure of domain.md is given in.
import type { Gender } from '../code-lists.js';

export type GenderCounts = { woman: number; man: number; other: number; total: number };

export const noCounts = (): GenderCounts => ({ woman: 0, man: 0, other: 0, total: 0 });

/** Each item once, in its gender and in the total. */
export function countByGender<T>(items: readonly T[], genderOf: (item: T) => Gender): GenderCounts {
  const counts = noCounts();
  for (const item of items) {
    counts[genderOf(item)] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Items grouped by a key (code), each group counted by gender; keys in first-seen order. */
export function countByKey<T>(items: readonly T[], keyOf: (item: T) => string, genderOf: (item: T) => Gender): Map<string, GenderCounts> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return new Map([...groups].map(([key, group]) => [key, countByGender(group, genderOf)]));
}
