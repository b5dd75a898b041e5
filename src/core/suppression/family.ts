// Suppression of a family of outcomes reports as ONE linked system (domain.md, data protection
// 7: no hidden cell may be derived from other cells). A reader who holds reports of several
// periods can subtract them: T1 = year − T2 − T3, a month = its tertial − the other months. The
// flow lines are tied across periods too, by stocks: participants carried into a month plus
// those enrolled in it are the month's active, and the month's active minus its exits are
// carried into the next month (the figure definitions give both). So the hidden cells of every
// period of a family are chosen together, over one system holding every period's report, the
// additive relations between periods and the shared stocks, and the exact check of
// linear-system.ts covers all of it at once.
//
// The periods are runs of consecutive months (the atoms, each published as well). The stocks at
// the family's two ends may be declared known to the reader: the neighbouring family's reports
// can give them away, and a family that stays safe with its end stocks known stays safe whatever
// its neighbours publish (see outcomes-family.ts in figures for how families are cut).
import { genders } from '../code-lists.js';
import { addDays } from '../dates.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';
import { pinnedFunctional, suppressCells, type LinearSystem } from './linear-system.js';
import { addGenders, addReport, builder, presentReport, stockKeys, type Builder, type ReportRefs } from './outcomes.js';

/** One period of a family: its unsuppressed report and the run of atoms (months) it covers. */
export type FamilyPeriod = { report: OutcomesReport; first: number; last: number };
export type StockKey = (typeof stockKeys)[number];
/** Where the family's ends are known to the reader (a neighbour's reports give them away). */
export type FamilyEnds = { startKnown: boolean; endKnown: boolean };

type GenderKey = 'woman' | 'man' | 'other' | 'total';
const flowKeys = ['woman', 'man', 'other', 'total', 'under_30'] as const;
const genderKeys = ['woman', 'man', 'other', 'total'] as const;

/** A count of one period, as a linear form's term. */
export type FamilyTerm =
  | { period: number; line: 'enrolled' | 'active' | 'exited'; key: (typeof flowKeys)[number] | 'rest'; coefficient: number }
  | { period: number; reason: string; key: GenderKey; coefficient: number }
  | { period: number; workOrStudies: GenderKey; coefficient: number }
  | { stock: number; key: StockKey; coefficient: number };

export type SuppressedFamily = {
  /** The suppressed report of every period, in the order given. */
  reports: OutcomesReport[];
  /**
   * Whether Σ coefficient · count has one possible value for a reader holding every report of
   * the family (and its known end stocks): whether publishing it would tell that reader nothing.
   * A reason a period does not list counts 0 there.
   */
  determines(terms: readonly FamilyTerm[]): boolean;
};

function validate(periods: readonly FamilyPeriod[]): number {
  const atoms = periods.filter((p) => p.first === p.last).sort((a, b) => a.first - b.first);
  if (atoms.length === 0 || atoms.some((atom, i) => atom.first !== i)) {
    throw new RangeError('suppressOutcomesFamily: the atoms must be numbered 0, 1, 2, … once each');
  }
  for (let i = 1; i < atoms.length; i++) {
    if (atoms[i].report.period.from !== addDays(atoms[i - 1].report.period.to, 1)) {
      throw new RangeError('suppressOutcomesFamily: the atoms must follow each other without gaps');
    }
  }
  const [first] = periods;
  for (const p of periods) {
    if (p.first < 0 || p.last >= atoms.length || p.first > p.last) throw new RangeError('suppressOutcomesFamily: a period outside the atoms');
    if (p.report.period.from !== atoms[p.first].report.period.from || p.report.period.to !== atoms[p.last].report.period.to) {
      throw new RangeError('suppressOutcomesFamily: a period does not match its atoms');
    }
    if (JSON.stringify([p.report.scope, p.report.rules]) !== JSON.stringify([first.report.scope, first.report.rules])) {
      throw new RangeError('suppressOutcomesFamily: every report must have the same scope and rules');
    }
  }
  return atoms.length;
}

function stockValue(report: OutcomesReport, at: 'in' | 'out', key: StockKey): number {
  const { flow } = report;
  const line = at === 'in' ? flow.enrolled : flow.exited;
  const value = (l: typeof line) => (key === 'rest' ? l.total! - l.under_30! : l[key]!);
  return value(flow.active) - value(line);
}

/** Every period's report, tied to the stocks carried into and out of it. */
function addPeriods(b: Builder, periods: readonly FamilyPeriod[], atomCount: number, ends: FamilyEnds) {
  // stocks[i][key]: participants carried into atom i (i = atomCount: carried out of the last).
  const stocks: Record<StockKey, number>[] = [];
  for (const p of periods) {
    if (p.first !== p.last) continue;
    for (const [at, i] of [['in', p.first], ['out', p.last + 1]] as const) {
      if (stocks[i]) continue;
      const known = (i === 0 && ends.startKnown) || (i === atomCount && ends.endKnown);
      stocks[i] = Object.fromEntries(stockKeys.map((key) => [key, b.add(stockValue(p.report, at, key), known ? 'public' : 'slack')])) as Record<StockKey, number>;
    }
  }
  const refs = periods.map((p) =>
    addReport(b, p.report, ({ enrolled, active, exited }) => {
      for (const key of stockKeys) {
        for (const [part, stock] of [[enrolled, stocks[p.first][key]], [exited, stocks[p.last + 1][key]]] as const) {
          if (b.variables[active[key]].value - b.variables[part[key]].value !== b.variables[stock].value) {
            throw new RangeError('suppressOutcomesFamily: the flow lines of the periods do not agree with each other');
          }
          // active = carried in + enrolled = exited + carried out.
          b.sum([part[key], stock], active[key]);
        }
      }
    }),
  );
  return { refs, stocks };
}

/** Every additive count of a run of atoms is the sum of the atoms' counts. */
function addLinks(b: Builder, periods: readonly FamilyPeriod[], refs: readonly ReportRefs[]): void {
  const atomRefs = new Map(periods.flatMap((p, j) => (p.first === p.last ? [[p.first, refs[j]] as const] : [])));
  const atomReports = new Map(periods.flatMap((p) => (p.first === p.last ? [[p.first, p.report] as const] : [])));
  const link = (total: number | undefined, parts: readonly (number | undefined)[], what: string) => {
    const present = parts.filter((v): v is number => v !== undefined);
    const value = present.reduce((s, v) => s + b.variables[v].value, 0);
    if ((total === undefined ? 0 : b.variables[total].value) !== value) {
      throw new RangeError(`suppressOutcomesFamily: ${what} of a period is not the sum over its months`);
    }
    if (total !== undefined) b.sum(present, total);
  };
  periods.forEach((p, j) => {
    if (p.first === p.last) return;
    const atoms = Array.from({ length: p.last - p.first + 1 }, (_, i) => p.first + i);
    const own = refs[j];
    for (const line of ['enrolled', 'exited'] as const) {
      for (const key of flowKeys) link(own[line][key], atoms.map((a) => atomRefs.get(a)![line][key]), line);
    }
    for (const row of own.rows) {
      const rowsOf = atoms.map((a) => atomRefs.get(a)!.rows.find((x) => x.code === row.code));
      for (const g of genders) link(row.cells[g], rowsOf.map((x) => x?.cells[g]), 'an exit reason');
      link(row.total, rowsOf.map((x) => x?.total), 'an exit reason');
    }
    for (const a of atoms) {
      if (atomReports.get(a)!.exit_reasons.some((row) => !own.rows.some((x) => x.code === row.code))) {
        throw new RangeError('suppressOutcomesFamily: an exit reason of a month is missing from a period holding it');
      }
    }
    for (const g of genders) link(own.unlisted[g], atoms.map((a) => atomRefs.get(a)!.unlisted[g]), 'exits without a reason');
    for (const g of genderKeys) link(own.wos[g], atoms.map((a) => atomRefs.get(a)!.wos[g]), 'work or studies');
  });
}

/** The anonymous line is per calendar year (a registration is of a year): one small system per year. */
function anonymousMasks(periods: readonly FamilyPeriod[], k: number) {
  const byYear = new Map<string, { refs: Record<GenderKey, number>; hidden: boolean[] }>();
  return periods.map((p) => {
    const { from, to } = p.report.period;
    const key = `${from.slice(0, 4)}-${to.slice(0, 4)}`;
    let mask = byYear.get(key);
    if (!mask) {
      const b = builder();
      const refs = addGenders(b, p.report.flow.anonymous);
      mask = { refs, hidden: suppressCells({ variables: b.variables, equations: b.equations }, k) };
      byYear.set(key, mask);
    }
    return mask;
  });
}

/**
 * Applies the small-cell rule with threshold k to a whole family of unsuppressed reports at
 * once (see the top of this file). Deterministic: the same family gives the same answer
 * whichever of its periods is asked for.
 */
export function suppressOutcomesFamily(periods: readonly FamilyPeriod[], k = 5, ends: FamilyEnds = { startKnown: false, endKnown: false }): SuppressedFamily {
  const atomCount = validate(periods);
  const b = builder();
  const { refs, stocks } = addPeriods(b, periods, atomCount, ends);
  addLinks(b, periods, refs);
  const system: LinearSystem = { variables: b.variables, equations: b.equations };
  const hidden = suppressCells(system, k);
  const anonymous = anonymousMasks(periods, k);
  const reports = periods.map((p, j) => presentReport(p.report, refs[j], hidden, anonymous[j], k));
  let fixed: ((terms: readonly (readonly [number, number])[]) => boolean) | undefined;
  const variableOf = (term: FamilyTerm): number | undefined => {
    if ('stock' in term) return stocks[term.stock]?.[term.key];
    const own = refs[term.period];
    if ('line' in term) return own[term.line][term.key];
    if ('workOrStudies' in term) return own.wos[term.workOrStudies];
    const row = own.rows.find((r) => r.code === term.reason);
    if (!row) return undefined;
    return term.key === 'total' ? row.total : row.cells[term.key];
  };
  return {
    reports,
    determines(terms) {
      fixed ??= pinnedFunctional(system, hidden);
      const linear: [number, number][] = [];
      for (const term of terms) {
        const v = variableOf(term);
        if (v === undefined) {
          if ('stock' in term) throw new RangeError('suppressOutcomesFamily: no such stock');
          continue;
        }
        linear.push([v, term.coefficient]);
      }
      return fixed(linear);
    },
  };
}
