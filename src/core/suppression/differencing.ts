// What a reader holding many outcomes reports at once can compute exactly by differencing:
// written from the figure definitions of domain.md alone (it shares no code with the
// suppression), for tests and audits of published figures. Every relation a reader knows is
// put into one linear system — the sums inside each report, every additive count of a period as
// the sum of the same count over its months, the flow lines tied by the participants carried
// over (active = carried in + enrolled = exited + carried out), anonymous lines as sums over
// years — and a hidden value counts as recovered when exact linear algebra (Gaussian
// elimination over two large primes, no rounding) derives it from the published values.
// Non-negativity is not used here; the suppression's own check (pinned.ts) covers it too.
import { isWorkOrStudiesExit } from '../code-lists.js';
import { addDays } from '../dates.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';

const PRIMES = [67_108_859, 33_554_393]; // 2^26 − 5 and 2^25 − 39: products stay exact in doubles

const G = ['woman', 'man', 'other'] as const;
const GT = ['woman', 'man', 'other', 'total'] as const;
const FLOW = ['woman', 'man', 'other', 'total', 'under_30'] as const;

type Term = readonly [name: string, coefficient: number];

const monthKey = (date: string) => date.slice(0, 7);
function monthsOf(from: string, to: string): string[] {
  if (from.slice(8) !== '01' || addDays(to, 1).slice(8) !== '01') {
    throw new RangeError('differencing: every report must cover whole months');
  }
  const months: string[] = [];
  for (let d = from; d <= to; d = addDays(`${monthKey(d)}-28`, 4).slice(0, 7) + '-01') months.push(monthKey(d));
  return months;
}
const nextMonth = (month: string) => addDays(`${month}-28`, 4).slice(0, 7);

/**
 * Names of the hidden values (and of the never shown "30 or older" counts, when `truth` shows
 * them to be from 1 to k − 1) that the published reports together give away. `truth[i]` is the
 * unsuppressed report of `published[i]`.
 */
export function recoverable(published: readonly OutcomesReport[], truth?: readonly OutcomesReport[], k = 5): string[] {
  const known = new Map<string, number>();
  const unknown = new Set<string>();
  const equations: Term[][] = [];
  const targets: string[] = [];
  const value = (name: string, v: number | null) => {
    if (v === null) {
      unknown.add(name);
      targets.push(name);
    } else known.set(name, v);
  };
  const sum = (parts: readonly string[], total: string) => equations.push([...parts.map((p): Term => [p, 1]), [total, -1]]);
  const reasons = [...new Set(published.flatMap((r) => r.exit_reasons.map((row) => row.code)))];
  const subsidised = published[0]?.rules.subsidised_counts_as_work ?? true;

  published.forEach((report, i) => {
    const at = (name: string) => `${i}:${report.period.from}..${report.period.to}:${name}`;
    const months = monthsOf(report.period.from, report.period.to);
    for (const line of ['enrolled', 'active', 'exited'] as const) {
      for (const key of FLOW) value(at(`${line}.${key}`), report.flow[line][key]);
      sum(G.map((g) => at(`${line}.${g}`)), at(`${line}.total`));
      // 30 or older (or age unknown) = total − under 30: never shown, a reader can compute it.
      const rest = at(`${line}.rest`);
      unknown.add(rest);
      const restValue = truth ? truth[i].flow[line].total! - truth[i].flow[line].under_30! : null;
      if (restValue !== null && restValue >= 1 && restValue < k) targets.push(rest);
      sum([at(`${line}.under_30`), rest], at(`${line}.total`));
    }
    for (const key of GT) value(at(`anonymous.${key}`), report.flow.anonymous[key]);
    sum(G.map((g) => at(`anonymous.${g}`)), at('anonymous.total'));
    for (const row of report.exit_reasons) {
      for (const key of GT) value(at(`reason.${row.code}.${key}`), row[key]);
      sum(G.map((g) => at(`reason.${row.code}.${g}`)), at(`reason.${row.code}.total`));
    }
    const listed = report.exit_reasons.map((row) => row.code);
    // Every exit has a reason (the register requires one), so the reasons add up to the exits.
    for (const key of GT) sum(listed.map((c) => at(`reason.${c}.${key}`)), at(`exited.${key}`));
    for (const key of GT) {
      value(at(`wos.${key}`), report.work_or_studies[key].count);
      sum(listed.filter((c) => isWorkOrStudiesExit(c, subsidised)).map((c) => at(`reason.${c}.${key}`)), at(`wos.${key}`));
    }
    // Additive counts: the sum of the same count over the period's months.
    const additive = [
      ...(['enrolled', 'exited'] as const).flatMap((line) => [...FLOW.map((key) => `${line}.${key}`), `${line}.rest`]),
      ...reasons.flatMap((c) => GT.map((key) => `reason.${c}.${key}`)),
      ...GT.map((key) => `wos.${key}`),
    ];
    for (const name of additive) {
      const parts = months.map((m) => `month ${m}:${name}`);
      parts.forEach((p) => unknown.add(p));
      const own = at(name);
      // A reason the report does not list had no exit in it.
      if (name.startsWith('reason.') && !listed.includes(name.split('.')[1])) equations.push(parts.map((p): Term => [p, 1]));
      else sum(parts, own);
    }
    // Anonymous registrations are of a year: the line is the sum over the years it touches.
    const years = [...new Set(months.map((m) => m.slice(0, 4)))];
    for (const key of GT) {
      const parts = years.map((y) => `year ${y}:anonymous.${key}`);
      parts.forEach((p) => unknown.add(p));
      sum(parts, at(`anonymous.${key}`));
    }
    // Stocks: participants carried into the first month and out of the last.
    const carried = (month: string, key: string) => `carried into ${month}:${key}`;
    const [first, after] = [months[0], nextMonth(months[months.length - 1])];
    for (const key of ['woman', 'man', 'other', 'under_30', 'rest']) {
      unknown.add(carried(first, key));
      unknown.add(carried(after, key));
      sum([at(`enrolled.${key}`), carried(first, key)], at(`active.${key}`));
      sum([at(`exited.${key}`), carried(after, key)], at(`active.${key}`));
    }
  });

  const found = new Set<string>();
  for (const p of PRIMES) for (const name of derivable(equations, unknown, targets, p)) found.add(name);
  // Either prime finding a value is enough: a false find needs p to divide a determinant.
  return targets.filter((t) => found.has(t));
}

/** The targets whose unit vector lies in the row space of the equations over the unknowns, mod p. */
function derivable(equations: readonly (readonly Term[])[], unknown: ReadonlySet<string>, targets: readonly string[], p: number): string[] {
  const column = new Map<string, number>();
  [...unknown].forEach((name) => column.set(name, column.size));
  const mod = (x: number) => ((x % p) + p) % p;
  const mul = (a: number, b: number) => {
    // a, b < 2^26: the product is below 2^52, exact in a double.
    return mod(a * b);
  };
  const inverse = (a: number) => {
    let [t, newT, r, newR] = [0, 1, p, a];
    while (newR !== 0) {
      const q = Math.floor(r / newR);
      [t, newT] = [newT, t - q * newT];
      [r, newR] = [newR, r - q * newR];
    }
    return mod(t);
  };
  // Echelon rows keyed by their leading (smallest) column, each scaled to lead with 1.
  const pivots = new Map<number, Map<number, number>>();
  const reduce = (row: Map<number, number>): Map<number, number> => {
    for (;;) {
      if (row.size === 0) return row;
      const lead = Math.min(...row.keys());
      const pivot = pivots.get(lead);
      if (!pivot) return row;
      const f = row.get(lead)!;
      for (const [c, a] of pivot) {
        const x = mod(row.get(c) ?? 0) - mul(f, a);
        const y = mod(x);
        if (y === 0) row.delete(c);
        else row.set(c, y);
      }
    }
  };
  for (const equation of equations) {
    const row = new Map<number, number>();
    for (const [name, a] of equation) {
      const c = column.get(name);
      if (c === undefined) continue; // a published value: the right-hand side
      const x = mod((row.get(c) ?? 0) + a);
      if (x === 0) row.delete(c);
      else row.set(c, x);
    }
    const reduced = reduce(row);
    if (reduced.size === 0) continue;
    const lead = Math.min(...reduced.keys());
    const scale = inverse(reduced.get(lead)!);
    for (const [c, a] of reduced) reduced.set(c, mul(a, scale));
    pivots.set(lead, reduced);
  }
  return targets.filter((name) => reduce(new Map([[column.get(name)!, 1]])).size === 0);
}
