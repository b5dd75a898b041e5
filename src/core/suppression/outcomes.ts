// Suppression of the outcomes report as ONE system: the exited line is the column margin of the
// exit-reason table, work-or-studies counts are subtotals of its rows, and a reader also knows
// enrolled ⊆ active and exited ⊆ active. Suppressing each table alone could let one table's
// published cells give away another's hidden ones. The same pieces build the linked system of
// a family of periods (family.ts).
import { genders, isWorkOrStudiesExit } from '../code-lists.js';
import type { AnonymousLine, FlowLine, OutcomesReport } from '../schemas/outcomes-report.js';
import { suppressCells, type Equation, type Variable, type VariableKind } from './linear-system.js';

type FlowKey = 'woman' | 'man' | 'other' | 'total' | 'under_30';
type GenderKey = 'woman' | 'man' | 'other' | 'total';
const flowKeys: readonly FlowKey[] = ['woman', 'man', 'other', 'total', 'under_30'];
const genderKeys: readonly GenderKey[] = ['woman', 'man', 'other', 'total'];
/** The keys of a flow line that add up to it in two ways: genders, and under 30 + the rest. */
export const stockKeys = ['woman', 'man', 'other', 'under_30', 'rest'] as const;

export function builder() {
  const variables: Variable[] = [];
  const equations: Equation[] = [];
  return {
    variables,
    equations,
    add: (value: number, kind: VariableKind = 'cell', lower = 0) => variables.push({ value, kind, lower }) - 1,
    /** Σ parts = total. */
    sum: (parts: readonly number[], total: number) => {
      equations.push([...parts.map((p) => [p, 1] as const), [total, -1]]);
    },
  };
}
export type Builder = ReturnType<typeof builder>;

function known(value: number | null): number {
  if (value === null) throw new Error('suppressOutcomes: the report is already suppressed');
  return value;
}

export function addGenders(b: Builder, line: AnonymousLine, kind: VariableKind = 'cell'): Record<GenderKey, number> {
  const refs = {
    woman: b.add(known(line.woman), kind),
    man: b.add(known(line.man), kind),
    other: b.add(known(line.other), kind),
    total: b.add(known(line.total), kind),
  };
  b.sum([refs.woman, refs.man, refs.other], refs.total);
  return refs;
}

export type FlowRefs = Record<FlowKey | 'rest', number>;

function addFlow(b: Builder, line: FlowLine, kind: VariableKind): FlowRefs {
  const refs = { ...addGenders(b, line, kind), under_30: b.add(known(line.under_30), kind) };
  // "30 or older, or age unknown" is never shown, but total − under_30 gives it away.
  const rest = b.add(known(line.total) - known(line.under_30), 'complement');
  b.sum([refs.under_30, rest], refs.total);
  return { ...refs, rest };
}

/** part ≤ whole, as whole − part − gap = 0 with an unknown gap ≥ 0; skipped if the data break it. */
function addSubset(b: Builder, part: FlowRefs, whole: FlowRefs): void {
  for (const key of stockKeys) {
    const gap = b.variables[whole[key]].value - b.variables[part[key]].value;
    if (gap < 0) continue;
    b.equations.push([[whole[key], 1], [part[key], -1], [b.add(gap, 'slack'), -1]]);
  }
}

/** The variables of one report in a system (its anonymous line is a system of its own). */
export type ReportRefs = {
  enrolled: FlowRefs;
  active: FlowRefs;
  exited: FlowRefs;
  rows: { code: string; cells: Record<'woman' | 'man' | 'other', number>; total: number }[];
  /** Exits in P without a listed reason, per gender; absent when there are none. */
  unlisted: Partial<Record<'woman' | 'man' | 'other', number>>;
  wos: Record<GenderKey, number>;
};

/**
 * Adds one report's counts and the relations inside it (margins, subtotals). enrolled ⊆ active
 * and exited ⊆ active are left to `flowRelations`, called right after the flow lines: one
 * report ties them to gaps of its own, a family to the stocks it shares between periods.
 * `kind` 'complement' makes the report a part the reader never sees but must not pin down either.
 */
export function addReport(
  b: Builder,
  report: OutcomesReport,
  flowRelations: (flows: Pick<ReportRefs, 'enrolled' | 'active' | 'exited'>) => void,
  kind: 'cell' | 'complement' = 'cell',
): ReportRefs {
  if (report.rules.suppression_threshold !== null) throw new Error('suppressOutcomes: the report is already suppressed');
  const { flow } = report;
  const enrolled = addFlow(b, flow.enrolled, kind);
  const active = addFlow(b, flow.active, kind);
  const exited = addFlow(b, flow.exited, kind);
  flowRelations({ enrolled, active, exited });

  // The exit-reason table: a listed reason has at least one exit, which a reader knows too.
  const rows = report.exit_reasons.map((row) => {
    const cells = { woman: b.add(known(row.woman), kind), man: b.add(known(row.man), kind), other: b.add(known(row.other), kind) };
    const total = b.add(known(row.total), kind, 1);
    b.sum([cells.woman, cells.man, cells.other], total);
    return { code: row.code, cells, total };
  });
  const unlisted: ReportRefs['unlisted'] = {};
  for (const g of genders) {
    // Exits without a listed reason (no reason recorded) are an unknown part of the margin.
    const gap = known(flow.exited[g]) - report.exit_reasons.reduce((s, row) => s + known(row[g]), 0);
    const parts = rows.map((row) => row.cells[g]);
    if (gap !== 0) {
      unlisted[g] = b.add(gap, 'slack');
      parts.push(unlisted[g]);
    }
    b.sum(parts, exited[g]);
  }
  b.sum([...rows.map((row) => row.total), ...Object.values(unlisted)], exited.total);

  const subsidised = report.rules.subsidised_counts_as_work;
  const wos = report.work_or_studies;
  const wosRefs = {
    woman: b.add(known(wos.woman.count), kind),
    man: b.add(known(wos.man.count), kind),
    other: b.add(known(wos.other.count), kind),
    total: b.add(known(wos.total.count), kind),
  };
  const wosRows = rows.filter((row) => isWorkOrStudiesExit(row.code, subsidised));
  for (const g of genders) b.sum(wosRows.map((row) => row.cells[g]), wosRefs[g]);
  b.sum([wosRefs.woman, wosRefs.man, wosRefs.other], wosRefs.total);
  return { enrolled, active, exited, rows, unlisted, wos: wosRefs };
}

/** The keys among `keys` whose variables are hidden. */
function hiddenKeys<K extends string>(hidden: readonly boolean[], refs: Record<K, number>, keys: readonly K[]): K[] {
  return keys.filter((key) => hidden[refs[key]]);
}

/** A copy with the given keys set to null and listed in `suppressed` (last, as in domain.md). */
function withNulls<T extends object>(line: T, keys: readonly string[]): T & { suppressed?: string[] } {
  const out = { ...line } as Record<string, unknown>;
  for (const key of keys) out[key] = null;
  if (keys.length > 0) out.suppressed = [...keys];
  return out as T & { suppressed?: string[] };
}

/**
 * The published report: hidden counts null and listed in their object's `suppressed`. A share
 * is withheld when its count or its denominator is hidden, since count ÷ share would give the
 * other back.
 */
export function presentReport(
  report: OutcomesReport,
  refs: ReportRefs,
  hidden: readonly boolean[],
  anonymous: { refs: Record<GenderKey, number>; hidden: readonly boolean[] },
  k: number,
): OutcomesReport {
  const { flow } = report;
  const wos = report.work_or_studies;
  const exitedHidden = new Set<string>(hiddenKeys(hidden, refs.exited, flowKeys));
  const wosOut = { woman: wos.woman, man: wos.man, other: wos.other, total: wos.total };
  const wosSuppressed: GenderKey[] = [];
  for (const g of genderKeys) {
    const countHidden = hidden[refs.wos[g]];
    const shareHidden = countHidden || exitedHidden.has(g);
    wosOut[g] = { count: countHidden ? null : wos[g].count, share: shareHidden ? null : wos[g].share };
    if (countHidden || (shareHidden && wos[g].share !== null)) wosSuppressed.push(g);
  }
  return {
    report: report.report,
    version: report.version,
    scope: report.scope,
    period: report.period,
    rules: { ...report.rules, suppression_threshold: k },
    flow: {
      enrolled: withNulls(flow.enrolled, hiddenKeys(hidden, refs.enrolled, flowKeys)),
      active: withNulls(flow.active, hiddenKeys(hidden, refs.active, flowKeys)),
      exited: withNulls(flow.exited, [...exitedHidden]),
      anonymous: withNulls(flow.anonymous, hiddenKeys(anonymous.hidden, anonymous.refs, genderKeys)),
    },
    exit_reasons: report.exit_reasons.map((row, r) => {
      const keys: string[] = hiddenKeys(hidden, { ...refs.rows[r].cells, total: refs.rows[r].total }, genderKeys);
      // share × all exits would give back a hidden row total, share ÷ … a hidden exits total.
      if (row.share !== null && (keys.includes('total') || exitedHidden.has('total'))) keys.push('share');
      return withNulls(row, keys);
    }),
    // The gender objects already hold the nulls; `suppressed` names them.
    work_or_studies: wosSuppressed.length > 0 ? { ...wosOut, suppressed: wosSuppressed } : wosOut,
  };
}

/**
 * Applies the small-cell rule with threshold k to ONE unsuppressed outcomes report, as if no
 * other period were ever published: hidden counts become null and their keys are listed in the
 * object's `suppressed`. A report that leaves the controlling organisation must come from
 * suppressOutcomesFamily (family.ts) instead, so that reports of different periods together
 * give nothing away.
 */
export function suppressOutcomes(report: OutcomesReport, k = 5): OutcomesReport {
  const b = builder();
  const refs = addReport(b, report, ({ enrolled, active, exited }) => {
    addSubset(b, enrolled, active);
    addSubset(b, exited, active);
  });
  const hidden = suppressCells({ variables: b.variables, equations: b.equations }, k);

  const anonymousSystem = builder();
  const anonymousRefs = addGenders(anonymousSystem, report.flow.anonymous);
  const anonymousHidden = suppressCells(anonymousSystem, k);
  return presentReport(report, refs, hidden, { refs: anonymousRefs, hidden: anonymousHidden }, k);
}
