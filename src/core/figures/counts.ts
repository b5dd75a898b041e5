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

/** Rows counted in SQL (code, gender, n) as the figures' per-code counts, in the code list's order. */
export function countsFromRows(list: readonly { code: string }[], rows: readonly { key: string; gender: Gender; n: number }[]) {
  const byKey = new Map<string, GenderCounts>();
  for (const row of rows) {
    const counts = byKey.get(row.key) ?? noCounts();
    counts[row.gender] += row.n;
    counts.total += row.n;
    byKey.set(row.key, counts);
  }
  const known = list.map((entry) => entry.code);
  const order = [...known.filter((code) => byKey.has(code)), ...[...byKey.keys()].filter((code) => !known.includes(code)).sort()];
  return order.map((type) => ({ type, ...(byKey.get(type) as GenderCounts) }));
}
