// Outcomes reports with suppressed figures for calendar-aligned periods (figures/periods.ts),
// each decided together with the other periods a reader could combine it with
// (suppression/family.ts). Built from the enrolments counted by month, so one pass over the
// data serves a whole family.
//
// Families. The periods of a calendar year — the year, its three tertials and its twelve
// months — are one family. Years are tied to each other only through the participants carried
// over from one year into the next (per gender and age group), so a family is decided with those
// end stocks taken as known to the reader: then whatever the neighbouring years publish, the
// family's hidden cells stay open. One case cannot be protected that way: a last month without
// any exit shows active = carried over, so a small number carried over would be given away by
// the next year's January. Across such a boundary (no exit in December and a small stock) the two
// years are decided as one family, and so on. After the last year with any event every period
// shows the same figures (the open enrolments), so all of them are ONE period, "later", decided
// with the last years' family when the boundary asks for it.
//
// The project period of an intervention is published only as far as it follows from the
// calendar periods: a count is shown when the families it spans determine it (and it is not
// small), so it adds nothing a reader could not already compute. For recipients of suppressed
// figures the project period is widened to whole months.
import type { Gender } from '../code-lists.js';
import { month, yearOf, type Period } from '../dates.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';
import { suppressOutcomesFamily, type FamilyPeriod, type FamilyTerm, type SuppressedFamily } from '../suppression/family.js';
import { suppressCells } from '../suppression/linear-system.js';
import { addGenders, addReport, builder, presentReport, type stockKeys } from '../suppression/outcomes.js';
import { outcomesFromCounts } from './outcomes-from-counts.js';
import { isCounted, isUnder30AtStart, type AnonymousFact, type EnrolmentFact, type OutcomesRules, type OutcomesScope } from './outcomes.js';
import { rangeOf, type CalendarPeriod } from './periods.js';

/** Months are numbered year · 12 + (month − 1). */
export const monthNumber = (date: string): number => yearOf(date) * 12 + Number(date.slice(5, 7)) - 1;
const monthOf = (n: number): Period => month(Math.floor(n / 12), (n % 12) + 1);

/** Counted enrolments (registration errors left out) grouped by what the figures read. */
export type MonthCount = { gender: Gender; under30: boolean; start: number; exit: number | null; reason: string | null; count: number };
export type OutcomesHistory = { enrolments: readonly MonthCount[]; anonymous: readonly AnonymousFact[] };

/** The history of single facts, as the SQL report groups it (the oracle of the tests). */
export function historyOf(enrolments: readonly EnrolmentFact[], anonymous: readonly AnonymousFact[]): OutcomesHistory {
  const groups = new Map<string, MonthCount>();
  for (const e of enrolments.filter(isCounted)) {
    const row: MonthCount = {
      gender: e.gender,
      under30: isUnder30AtStart(e),
      start: monthNumber(e.startDate),
      exit: e.exitDate === null ? null : monthNumber(e.exitDate),
      reason: e.exitDate === null ? null : e.exitReason,
      count: 1,
    };
    const key = JSON.stringify([row.gender, row.under30, row.start, row.exit, row.reason]);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, row);
  }
  const byYear = new Map<string, AnonymousFact>();
  for (const a of anonymous) {
    const key = `${a.year}:${a.gender}`;
    const group = byYear.get(key);
    if (group) group.count += a.count;
    else byYear.set(key, { ...a });
  }
  return { enrolments: [...groups.values()], anonymous: [...byYear.values()] };
}

type Context = { history: OutcomesHistory; scope: OutcomesScope; rules: Pick<OutcomesRules, 'subsidised_counts_as_work'>; k: number };
/** What the partition of the history into families depends on. */
type RunContext = Pick<Context, 'history' | 'k'>;

/** The unsuppressed report of months first … last, dated `period` (default: those months). */
export function reportOfMonths(ctx: Context, first: number, last: number, period?: Period): OutcomesReport {
  const rows = ctx.history.enrolments;
  const flow = (selected: readonly MonthCount[]) => selected.map((r) => ({ gender: r.gender, count: r.count, under30: r.under30 ? r.count : 0 }));
  const exited = rows.filter((r) => r.exit !== null && first <= r.exit && r.exit <= last);
  const [fromYear, toYear] = [Math.floor(first / 12), Math.floor(last / 12)];
  return outcomesFromCounts({
    scope: ctx.scope,
    period: period ?? { from: monthOf(first).from, to: monthOf(last).to },
    rules: { subsidised_counts_as_work: ctx.rules.subsidised_counts_as_work, suppression_threshold: null },
    counts: {
      enrolled: flow(rows.filter((r) => first <= r.start && r.start <= last)),
      active: flow(rows.filter((r) => r.start <= last && (r.exit === null || r.exit >= first))),
      exited: flow(exited),
      anonymous: ctx.history.anonymous.filter((a) => fromYear <= a.year && a.year <= toYear).map((a) => ({ gender: a.gender, count: a.count })),
      exits: exited.filter((r) => r.reason !== null).map((r) => ({ reason: r.reason!, gender: r.gender, count: r.count })),
    },
  });
}

const isSmall = (value: number, k: number) => value >= 1 && value <= k - 1;

/** The years with any event (a start, an exit, an anonymous registration). */
function eventYears(history: OutcomesHistory): { first: number; last: number } | null {
  const years = [
    ...history.enrolments.flatMap((r) => [Math.floor(r.start / 12), ...(r.exit === null ? [] : [Math.floor(r.exit / 12)])]),
    ...history.anonymous.map((a) => a.year),
  ];
  return years.length === 0 ? null : { first: Math.min(...years), last: Math.max(...years) };
}

/** Participants carried into month n, per stock key. */
function stockAt(history: OutcomesHistory, n: number): Record<(typeof stockKeys)[number], number> {
  const stock = { woman: 0, man: 0, other: 0, under_30: 0, rest: 0 };
  for (const r of history.enrolments) {
    if (r.start < n && (r.exit === null || r.exit >= n)) {
      stock[r.gender] += r.count;
      stock[r.under30 ? 'under_30' : 'rest'] += r.count;
    }
  }
  return stock;
}

/** A family: consecutive years, and whether it ends with "later" (every period after them). */
type Run = { from: number; to: number; later: boolean };

/**
 * Whether the boundary after `year` must lie inside a family: no exit in its December while
 * some stock carried over is small.
 */
function joined(ctx: RunContext, year: number): boolean {
  const december = year * 12 + 11;
  if (ctx.history.enrolments.some((r) => r.exit === december)) return false;
  return Object.values(stockAt(ctx.history, december + 1)).some((v) => isSmall(v, ctx.k));
}

function runOf(ctx: RunContext, year: number, events: { first: number; last: number }): Run {
  if (year > events.last) {
    let from = events.last + 1;
    while (from - 1 >= events.first && joined(ctx, from - 1)) from--;
    return { from, to: events.last, later: true };
  }
  let [from, to] = [year, year];
  while (from - 1 >= events.first && joined(ctx, from - 1)) from--;
  while (to < events.last && joined(ctx, to)) to++;
  return { from, to, later: to === events.last && joined(ctx, to) };
}

type Family = { run: Run; periods: FamilyPeriod[]; suppressed: SuppressedFamily; atomOfMonth: (n: number) => number | null };

/** The family of a run, decided. */
function decide(ctx: Context, run: Run, events: { first: number; last: number }): Family {
  const months: number[] = [];
  for (let y = run.from; y <= run.to; y++) for (let m = 0; m < 12; m++) months.push(y * 12 + m);
  const periods: FamilyPeriod[] = months.map((n, i) => ({ report: reportOfMonths(ctx, n, n), first: i, last: i }));
  if (run.later) {
    // Every period after the last event shows the same figures: one atom stands for them all.
    const n = (events.last + 1) * 12;
    periods.push({ report: reportOfMonths(ctx, n, n), first: months.length, last: months.length });
  }
  for (let y = run.from; y <= run.to; y++) {
    const base = (y - run.from) * 12;
    periods.push({ report: reportOfMonths(ctx, y * 12, y * 12 + 11), first: base, last: base + 11 });
    for (const t of [0, 1, 2]) periods.push({ report: reportOfMonths(ctx, y * 12 + 4 * t, y * 12 + 4 * t + 3), first: base + 4 * t, last: base + 4 * t + 3 });
  }
  // Fails closed (an error, nothing published) should the greedy ever find no cell to hide.
  const suppressed = suppressOutcomesFamily(periods, ctx.k, { startKnown: true, endKnown: !run.later });
  const atomOfMonth = (n: number) => atomOf(run, events, n);
  return { run, periods, suppressed, atomOfMonth };
}

/**
 * A family's calendar periods as decided, in a form that can be kept as JSON: each period's
 * atoms (months of the run, numbered from 0; the atom after the last month is "later") and its
 * suppressed report, in the same order.
 */
export type DecidedFamily = { periods: { first: number; last: number }[]; reports: OutcomesReport[] };

/**
 * Where a caller keeps decided families between calls: `key` must name the history, scope,
 * rules and k exactly (a hash of them), since a family is a function of those; a family's own
 * key is `key|run` (familyKeysOf). `get`/`set` hold whole families (the project period needs
 * what they determine), in process; `decisions`, when given, the calendar periods' reports,
 * which a caller may keep anywhere (the database).
 */
export type FamilyMemo = {
  key: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  decisions?: { get(key: string): DecidedFamily | undefined; set(key: string, family: DecidedFamily): void };
};

const runName = (run: Run) => `${run.from}-${run.to}${run.later ? '+' : ''}`;

/** The atom of month n in a family of `run` (null outside it). */
function atomOf(run: Run, events: { last: number }, n: number): number | null {
  const months = (run.to - run.from + 1) * 12;
  if (n > events.last * 12 + 11 && run.later) return months;
  const i = n - run.from * 12;
  return i >= 0 && i < months ? i : null;
}

/** Families are decided once per run (within one call, and across calls with a memo). */
function families(ctx: Context, memo?: FamilyMemo) {
  const events = eventYears(ctx.history);
  const cache = new Map<string, Family>();
  const decidedCache = new Map<string, DecidedFamily>();
  const keyOf = (run: Run) => `${memo?.key ?? ''}|${runName(run)}`;
  const ofYear = (year: number): Family | null => {
    if (!events || year < events.first) return null;
    const key = keyOf(runOf(ctx, year, events));
    let family = cache.get(key) ?? (memo?.get(key) as Family | undefined);
    if (!family) {
      family = decide(ctx, runOf(ctx, year, events), events);
      memo?.set(key, family);
    }
    cache.set(key, family);
    return family;
  };
  return {
    events,
    ofYear,
    /** The calendar periods of the year's family as decided: kept decisions first, else decided now and kept. */
    decidedOfYear(year: number): { run: Run; decided: DecidedFamily } | null {
      if (!events || year < events.first) return null;
      const run = runOf(ctx, year, events);
      const key = keyOf(run);
      let decided = decidedCache.get(key) ?? memo?.decisions?.get(key);
      if (!decided) {
        const family = ofYear(year)!;
        decided = { periods: family.periods.map(({ first, last }) => ({ first, last })), reports: family.suppressed.reports };
        memo?.decisions?.set(key, decided);
      }
      decidedCache.set(key, decided);
      return { run, decided };
    },
  };
}

/**
 * The keys (`key|run`) of the families that decide the calendar periods of the given years, as
 * FamilyMemo's `decisions` is asked for them; a year before the first event needs none.
 */
export function familyKeysOf(history: OutcomesHistory, k: number, key: string, years: readonly number[]): string[] {
  const events = eventYears(history);
  if (!events) return [];
  const keys = years.filter((y) => y >= events.first).map((y) => `${key}|${runName(runOf({ history, k }, y, events))}`);
  return [...new Set(keys)];
}

/** The years whose families cover every calendar period of the history: each year with an event, and "later". */
export function familyYearsOf(history: OutcomesHistory): number[] {
  const events = eventYears(history);
  if (!events) return [];
  return Array.from({ length: events.last - events.first + 2 }, (_, i) => events.first + i);
}

/** The suppressed report of one calendar month, tertial or year. */
function calendarReport(ctx: Context, fams: ReturnType<typeof families>, p: Exclude<CalendarPeriod, { kind: 'project' }>): OutcomesReport {
  const range = rangeOf(p, null)!;
  const [first, last] = [monthNumber(range.from), monthNumber(range.to)];
  const found = fams.decidedOfYear(p.year);
  if (!found) {
    // Before the first event every count is 0: nothing to hide.
    return presentAlone(ctx, reportOfMonths(ctx, first, last));
  }
  const { run, decided } = found;
  const events = fams.events!;
  // A period after the last event is "later": the same figures as every other period after it.
  const atoms = p.year > events.last ? [atomOf(run, events, first), atomOf(run, events, first)] : [atomOf(run, events, first), atomOf(run, events, last)];
  const j = decided.periods.findIndex((q) => q.first === atoms[0] && q.last === atoms[1]);
  return p.year > events.last ? { ...decided.reports[j], period: range } : decided.reports[j];
}

/** A report with no small count at all, through the one-report rule (nothing is hidden). */
function presentAlone(ctx: Context, report: OutcomesReport): OutcomesReport {
  const b = builder();
  const refs = addReport(b, report, () => {});
  const anonymous = builder();
  const anonymousRefs = addGenders(anonymous, report.flow.anonymous);
  return presentReport(report, refs, suppressCells({ variables: b.variables, equations: b.equations }, ctx.k), { refs: anonymousRefs, hidden: suppressCells(anonymous, ctx.k) }, ctx.k);
}

/**
 * The project period (months first … last) as far as the families it spans determine it: every
 * count is Σ over its months (each month after the last event counting the "later" atom once),
 * active = carried into the first month + enrolled.
 */
function projectReport(ctx: Context, fams: ReturnType<typeof families>, first: number, last: number): OutcomesReport {
  const report = reportOfMonths(ctx, first, last);
  const periodIndex = (family: Family, atom: number) => family.periods.findIndex((q) => q.first === atom && q.last === atom);
  /** The terms of a count summed over the project's months, per family. */
  const overMonths = (term: (period: number) => FamilyTerm) => {
    const byFamily = new Map<Family, FamilyTerm[]>();
    for (let n = first; n <= last; n++) {
      const family = fams.ofYear(Math.floor(n / 12));
      if (!family) continue; // before the first event every count is 0, and published
      byFamily.set(family, [...(byFamily.get(family) ?? []), term(periodIndex(family, family.atomOfMonth(n)!))]);
    }
    return byFamily;
  };
  // Families are independent once their end stocks are known, so a sum over them has one
  // possible value exactly when every family's part has.
  const determined = (byFamily: Map<Family, FamilyTerm[]>) => [...byFamily].every(([family, terms]) => family.suppressed.determines(terms));

  // One builder holds the project report's counts so that presentReport lays it out.
  const b = builder();
  const refs = addReport(b, report, () => {});
  const hidden = b.variables.map(() => false);
  const decideCell = (variable: number, byFamily: Map<Family, FamilyTerm[]>) => {
    hidden[variable] = isSmall(b.variables[variable].value, ctx.k) || !determined(byFamily);
  };
  const flowKeys = ['woman', 'man', 'other', 'total', 'under_30'] as const;
  for (const line of ['enrolled', 'exited'] as const) {
    for (const key of flowKeys) decideCell(refs[line][key], overMonths((period) => ({ period, line, key, coefficient: 1 })));
  }
  const carriedKeys = { woman: ['woman'], man: ['man'], other: ['other'], total: ['woman', 'man', 'other'], under_30: ['under_30'] } as const;
  const start = fams.ofYear(Math.floor(first / 12));
  for (const key of flowKeys) {
    const byFamily = overMonths((period) => ({ period, line: 'enrolled', key, coefficient: 1 }));
    if (start) {
      const stock = start.atomOfMonth(first)!;
      const carried = carriedKeys[key].map((k): FamilyTerm => ({ stock, key: k, coefficient: 1 }));
      byFamily.set(start, [...(byFamily.get(start) ?? []), ...carried]);
    }
    decideCell(refs.active[key], byFamily);
  }
  for (const row of refs.rows) {
    for (const key of ['woman', 'man', 'other', 'total'] as const) {
      decideCell(key === 'total' ? row.total : row.cells[key], overMonths((period) => ({ period, reason: row.code, key, coefficient: 1 })));
    }
  }
  for (const key of ['woman', 'man', 'other', 'total'] as const) {
    decideCell(refs.wos[key], overMonths((period) => ({ period, workOrStudies: key, coefficient: 1 })));
  }
  // Anonymous: the sum of the years' lines, each suppressed on its own.
  const anonymous = builder();
  const anonymousRefs = addGenders(anonymous, report.flow.anonymous);
  const anonymousHidden = anonymous.variables.map(() => false);
  const yearHidden: Record<string, boolean>[] = [];
  for (let y = Math.floor(first / 12); y <= Math.floor(last / 12); y++) {
    const line = reportOfMonths(ctx, y * 12, y * 12 + 11).flow.anonymous;
    const yb = builder();
    const r = addGenders(yb, line);
    const h = suppressCells(yb, ctx.k);
    yearHidden.push(Object.fromEntries(Object.entries(r).map(([g, v]) => [g, h[v]])));
  }
  for (const key of ['woman', 'man', 'other', 'total'] as const) {
    const v = anonymousRefs[key];
    anonymousHidden[v] = isSmall(anonymous.variables[v].value, ctx.k) || yearHidden.some((line) => line[key]);
  }
  return presentReport(report, refs, hidden, { refs: anonymousRefs, hidden: anonymousHidden }, ctx.k);
}

/**
 * The outcomes report with suppressed figures (threshold k) for a calendar-aligned period; the
 * project period needs `project`, already widened to whole months.
 */
export function suppressedOutcomes(input: {
  history: OutcomesHistory;
  scope: OutcomesScope;
  rules: Pick<OutcomesRules, 'subsidised_counts_as_work'>;
  period: CalendarPeriod;
  project: Period | null;
  k: number;
  memo?: FamilyMemo;
}): OutcomesReport {
  const ctx: Context = { history: input.history, scope: input.scope, rules: input.rules, k: input.k };
  const fams = families(ctx, input.memo);
  if (input.period.kind !== 'project') return calendarReport(ctx, fams, input.period);
  if (!input.project) throw new RangeError('suppressedOutcomes: no project period');
  return projectReport(ctx, fams, monthNumber(input.project.from), monthNumber(input.project.to));
}

