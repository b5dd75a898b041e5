// Number formatting for RESULTS.md.
import type { LoadFigure } from './load-gen.js';
import { summarise, type Sample } from './stats.js';

const digits = (v: number) => (v >= 100 ? 0 : v >= 10 ? 1 : 2);
export const num = (v: number, d = digits(v)) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
export const ms = (s: Sample) => `${num(s.median)} ms (${num(s.min)}–${num(s.max)}, n=${s.n})`;
export const msShort = (v: number) => (v >= 1000 ? `${num(v / 1000, 2)} s` : `${num(v)} ms`);
export const ratio = (v: number) => `${num(v, 2)}×`;
export const pct = (v: number) => `${num(v * 100, 0)} %`;

/** Medians over the runs of a load case, with the range of throughput. */
export function loadSummary(runs: LoadFigure[]) {
  const rps = summarise(runs.map((r) => r.rps));
  return {
    rps,
    p50: summarise(runs.map((r) => r.p50)).median,
    p99: summarise(runs.map((r) => r.p99)).median,
    text: `${num(rps.median, 0)} req/s (${num(rps.min, 0)}–${num(rps.max, 0)}, n=${rps.n})`,
  };
}

export const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
