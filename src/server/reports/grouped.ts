/** The groups asked for, each made empty first, for counts grouped by intervention ('' for all of them together). */
export function groupsOf<T>(keys: readonly string[], empty: () => T): { map: Map<string, T>; of: (key: string) => T } {
  const map = new Map(keys.map((k) => [k, empty()]));
  return { map, of: (key) => map.get(key)! };
}
