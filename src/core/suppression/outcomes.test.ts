import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkOrStudiesExit, type Gender } from '../code-lists.js';
import { addDays } from '../dates.js';
import { computeOutcomes, type EnrolmentFact, type OutcomesReport } from '../figures/outcomes.js';
import { outcomesReportSchema } from '../schemas/outcomes-report.js';
import { suppressOutcomes } from '../suppression.js';

// ---------------------------------------------------------------------------------------------
// An independent reader: what someone holding the published report knows, written from the
// figure definitions (not from the implementation's system): the sums, enrolled ⊆ active,
// exited ⊆ active, under 30 ⊆ total, listed reasons ≥ 1, work-or-studies rows, and every
// published share. A depth-first search over whole numbers (each hidden value within ±2 of the
// truth) looks for a report that fits all of it but differs in one hidden value.
// ---------------------------------------------------------------------------------------------

type Values = Map<string, number>;
type Relation = { names: string[]; holds: (v: (name: string) => number) => boolean };

const G = ['woman', 'man', 'other'] as const;
const keys = [...G, 'total'] as const;

function flatten(report: OutcomesReport): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const line of ['enrolled', 'active', 'exited'] as const) {
    for (const key of [...keys, 'under_30'] as const) out.set(`${line}.${key}`, report.flow[line][key]);
  }
  for (const key of keys) out.set(`anonymous.${key}`, report.flow.anonymous[key]);
  for (const row of report.exit_reasons) for (const key of keys) out.set(`exit.${row.code}.${key}`, row[key]);
  for (const key of keys) out.set(`wos.${key}`, report.work_or_studies[key].count);
  return out;
}

function relations(report: OutcomesReport): Relation[] {
  const rel: Relation[] = [];
  const add = (names: string[], holds: Relation['holds']) => rel.push({ names, holds });
  const sumIs = (parts: string[], total: string) => add([...parts, total], (v) => parts.reduce((s, p) => s + v(p), 0) === v(total));
  for (const line of ['enrolled', 'active', 'exited', 'anonymous']) sumIs(G.map((g) => `${line}.${g}`), `${line}.total`);
  for (const line of ['enrolled', 'active', 'exited']) add([`${line}.under_30`, `${line}.total`], (v) => v(`${line}.under_30`) <= v(`${line}.total`));
  for (const part of ['enrolled', 'exited']) {
    for (const key of [...keys, 'under_30']) add([`${part}.${key}`, `active.${key}`], (v) => v(`${part}.${key}`) <= v(`active.${key}`));
    const rest = (line: string) => (v: (n: string) => number) => v(`${line}.total`) - v(`${line}.under_30`);
    add([`${part}.total`, `${part}.under_30`, 'active.total', 'active.under_30'], (v) => rest(part)(v) <= rest('active')(v));
  }
  const codes = report.exit_reasons.map((row) => row.code);
  for (const code of codes) {
    sumIs(G.map((g) => `exit.${code}.${g}`), `exit.${code}.total`);
    add([`exit.${code}.total`], (v) => v(`exit.${code}.total`) >= 1);
  }
  for (const key of keys) sumIs(codes.map((c) => `exit.${c}.${key}`), `exited.${key}`);
  const wosCodes = codes.filter((c) => isWorkOrStudiesExit(c, report.rules.subsidised_counts_as_work));
  for (const key of keys) sumIs(wosCodes.map((c) => `exit.${c}.${key}`), `wos.${key}`);
  // A published share ties its count to its denominator.
  for (const row of report.exit_reasons) {
    const share = row.share;
    if (share !== null) add([`exit.${row.code}.total`, 'exited.total'], (v) => Math.abs(v(`exit.${row.code}.total`) - share * v('exited.total')) < 1e-9);
  }
  for (const key of keys) {
    const share = report.work_or_studies[key].share;
    if (share !== null) add([`wos.${key}`, `exited.${key}`], (v) => Math.abs(v(`wos.${key}`) - share * v(`exited.${key}`)) < 1e-9);
  }
  return rel;
}

/**
 * Is there a fitting report in which `differs` holds? Values are set nearest the target first
 * (so relations close early and prune); the target itself, when `skipTruth`, never keeps its
 * true value.
 */
function exists(truth: Values, hidden: string[], rel: Relation[], targets: string[], skipTruth: boolean, differs: (v: (n: string) => number) => boolean): boolean {
  const order: string[] = [];
  const queue = targets.filter((t) => hidden.includes(t));
  while (order.length < hidden.length) {
    if (queue.length === 0) queue.push(hidden.find((h) => !order.includes(h))!);
    const name = queue.shift()!;
    if (order.includes(name)) continue;
    order.push(name);
    for (const r of rel) if (r.names.includes(name)) queue.push(...r.names.filter((n) => hidden.includes(n) && !order.includes(n)));
  }
  const assigned = new Map<string, number>();
  const v = (name: string) => assigned.get(name) ?? truth.get(name)!;
  const position = new Map(order.map((name, i) => [name, i]));
  // Each relation is checked as soon as its last hidden value is set; all-published ones hold.
  const due = order.map(() => [] as Relation[]);
  for (const r of rel) {
    const last = Math.max(-1, ...r.names.map((n) => position.get(n) ?? -1));
    if (last >= 0) due[last].push(r);
  }
  const dfs = (i: number): boolean => {
    if (i === order.length) return differs(v);
    const t = truth.get(order[i])!;
    for (const d of [0, 1, -1, 2, -2]) {
      if (t + d < 0 || (d === 0 && skipTruth && order[i] === targets[0])) continue;
      assigned.set(order[i], t + d);
      if (due[i].every((r) => r.holds(v)) && dfs(i + 1)) return true;
    }
    assigned.delete(order[i]);
    return false;
  };
  return dfs(0);
}

/** Hidden values, and small "30 or older" complements, that the reader can pin down. */
function derivable(original: OutcomesReport, published: OutcomesReport, k: number): string[] {
  const truth = flatten(original) as Values;
  const shown = flatten(published);
  const hidden = [...shown].filter(([, value]) => value === null).map(([name]) => name);
  const rel = relations(published);
  const pinned = hidden.filter((name) => !exists(truth, hidden, rel, [name], true, (v) => v(name) !== truth.get(name)));
  for (const line of ['enrolled', 'active', 'exited']) {
    const rest = (v: (n: string) => number) => v(`${line}.total`) - v(`${line}.under_30`);
    const value = rest((n) => truth.get(n)!);
    const parts = [`${line}.total`, `${line}.under_30`];
    if (value >= 1 && value < k && !exists(truth, hidden, rel, parts, false, (v) => rest(v) !== value)) pinned.push(`${line}.rest`);
  }
  return pinned;
}

// ---------------------------------------------------------------------------------------------

const P = { from: '2018-01-01', to: '2018-12-31' };
const enrolment = fc
  .record({
    gender: fc.constantFrom<Gender>('woman', 'woman', 'man', 'man', 'other'),
    birthYear: fc.option(fc.integer({ min: 1960, max: 2000 }), { nil: null }),
    startDate: fc.constantFrom('2017-06-01', '2018-01-01', '2018-03-15', '2018-09-01', '2018-12-31'),
    stay: fc.option(fc.constantFrom(0, 60, 200, 400), { nil: null }),
    exitReason: fc.constantFrom('work', 'subsidised_work', 'studies', 'job_seeking', 'sfi', 'registration_error'),
  })
  .map(
    ({ stay, exitReason, ...rest }): EnrolmentFact => ({
      ...rest,
      birthDate: null,
      exitDate: stay === null ? null : addDays(rest.startDate, stay),
      exitReason: stay === null ? null : exitReason,
    }),
  );

function smallVisible(report: OutcomesReport, k: number): number[] {
  const flat = [...flatten(report).values()];
  return flat.filter((x): x is number => x !== null && x >= 1 && x < k);
}

describe('suppressOutcomes', () => {
  it('hides small counts and leaves nothing derivable across the whole report (random reports)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(enrolment, { maxLength: 24 }), fc.boolean(), fc.constantFrom(3, 5), (enrolments, subsidised, k) => {
        const original = computeOutcomes({ scope: { intervention: 'X' }, period: P, rules: { subsidised_counts_as_work: subsidised }, enrolments, anonymous: [] });
        const published = suppressOutcomes(original, k);
        expect(outcomesReportSchema.parse(published)).toEqual(published);
        expect(smallVisible(published, k)).toEqual([]);
        expect(derivable(original, published, k)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('marks what it hid, withholds shares it would give away, and states k', () => {
    const facts: EnrolmentFact[] = [
      ...Array.from({ length: 12 }, (_, i): EnrolmentFact => ({ gender: 'man', birthDate: null, birthYear: 1980, startDate: '2018-02-01', exitDate: '2018-06-01', exitReason: i < 8 ? 'work' : 'job_seeking' })),
      ...Array.from({ length: 9 }, (_, i): EnrolmentFact => ({ gender: 'woman', birthDate: null, birthYear: 1995, startDate: '2018-02-01', exitDate: i < 6 ? '2018-06-01' : null, exitReason: i < 6 ? (i < 2 ? 'work' : 'studies') : null })),
    ];
    const original = computeOutcomes({ scope: { intervention: 'X' }, period: P, enrolments: facts, anonymous: [{ year: 2018, gender: 'other', count: 2 }] });
    const published = suppressOutcomes(original, 5);
    expect(published.rules).toEqual({ subsidised_counts_as_work: true, suppression_threshold: 5 });
    expect(published.flow.anonymous).toEqual({ woman: 0, man: 0, other: null, total: null, suppressed: ['other', 'total'] });
    const work = published.exit_reasons.find((row) => row.code === 'work')!;
    expect(work.woman).toBeNull();
    expect(work.suppressed).toContain('woman');
    for (const row of published.exit_reasons) {
      const nulls = (['woman', 'man', 'other', 'total', 'share'] as const).filter((key) => row[key] === null);
      expect(row.suppressed ?? []).toEqual(nulls);
    }
    expect(derivable(original, published, 5)).toEqual([]);
    expect(() => suppressOutcomes(published, 5)).toThrow(/already suppressed/);
  });

  it('hides under 30 when the rest of the line is a small group', () => {
    const facts = Array.from({ length: 12 }, (_, i): EnrolmentFact => ({ gender: i % 2 ? 'man' : 'woman', birthDate: null, birthYear: i < 10 ? 1995 : 1960, startDate: '2018-02-01', exitDate: null, exitReason: null }));
    const published = suppressOutcomes(computeOutcomes({ scope: { intervention: 'X' }, period: P, enrolments: facts, anonymous: [] }), 5);
    expect(published.flow.enrolled).toEqual({ woman: 6, man: 6, other: 0, total: 12, under_30: null, suppressed: ['under_30'] });
  });
});
