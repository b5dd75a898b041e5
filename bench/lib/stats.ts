/** Median and spread of repeated measurements: the figures RESULTS.md reports. */
export type Sample = { median: number; min: number; max: number; n: number; values: number[] };

export function summarise(values: number[]): Sample {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length, values };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the milliseconds. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>, warmup = 1): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    values.push(performance.now() - start);
  }
  return summarise(values);
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The q-quantile of the values (nearest rank); 0 when there are none. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
