// Suppression of the outcomes report as ONE system: the exited line is the column margin of the
// exit-reason table, work-or-studies counts are subtotals of its rows, and a reader also knows
// enrolled ⊆ active and exited ⊆ active. Suppressing each table alone could let one table's
// published cells give away another's hidden ones.
import { genders, isWorkOrStudiesExit } from '../code-lists.js';
import type { AnonymousLine, FlowLine, OutcomesReport } from '../schemas/outcomes-report.js';
import { suppressCells, type Equation, type Variable, type VariableKind } from './linear-system.js';

type FlowKey = 'woman' | 'man' | 'other' | 'total' | 'under_30';
type GenderKey = 'woman' | 'man' | 'other' | 'total';
const flowKeys: readonly FlowKey[] = ['woman', 'man', 'other', 'total', 'under_30'];
const genderKeys: readonly GenderKey[] = ['woman', 'man', 'other', 'total'];

function builder() {
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
type Builder = ReturnType<typeof builder>;

function known(value: number | null): number {
  if (value === null) throw new Error('suppressOutcomes: the report is already suppressed');
  return value;
}

function addGenders(b: Builder, line: AnonymousLine): Record<GenderKey, number> {
  const refs = {
    woman: b.add(known(line.woman)),
    man: b.add(known(line.man)),
    other: b.add(known(line.other)),
    total: b.add(known(line.total)),
  };
  b.sum([refs.woman, refs.man, refs.other], refs.total);
  return refs;
}

type FlowRefs = Record<FlowKey | 'rest', number>;

function addFlow(b: Builder, line: FlowLine): FlowRefs {
  const refs = { ...addGenders(b, line), under_30: b.add(known(line.under_30)) };
  // "30 or older, or age unknown" is never shown, but total − under_30 gives it away.
  const rest = b.add(known(line.total) - known(line.under_30), 'complement');
  b.sum([refs.under_30, rest], refs.total);
  return { ...refs, rest };
}

/** part ≤ whole, as whole − part − gap = 0 with an unknown gap ≥ 0; skipped if the data break it. */
function addSubset(b: Builder, part: FlowRefs, whole: FlowRefs): void {
  for (const key of ['woman', 'man', 'other', 'under_30', 'rest'] as const) {
    const gap = b.variables[whole[key]].value - b.variables[part[key]].value;
    if (gap < 0) continue;
    b.equations.push([[whole[key], 1], [part[key], -1], [b.add(gap, 'slack'), -1]]);
  }
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
 * Applies the small-cell rule with threshold k to an unsuppressed outcomes report: hidden counts
 * become null and their keys are listed in the object's `suppressed`. A share is withheld when
 * its count or its denominator is hidden, since count ÷ share would give the other back.
 */
export function suppressOutcomes(report: OutcomesReport, k = 5): OutcomesReport {
  if (report.rules.suppression_threshold !== null) throw new Error('suppressOutcomes: the report is already suppressed');
  const b = builder();
  const { flow } = report;
  const enrolled = addFlow(b, flow.enrolled);
  const active = addFlow(b, flow.active);
  const exited = addFlow(b, flow.exited);
  addSubset(b, enrolled, active);
  addSubset(b, exited, active);

  // The exit-reason table: a listed reason has at least one exit, which a reader knows too.
  const rows = report.exit_reasons.map((row) => {
    const cells = { woman: b.add(known(row.woman)), man: b.add(known(row.man)), other: b.add(known(row.other)) };
    const total = b.add(known(row.total), 'cell', 1);
    b.sum([cells.woman, cells.man, cells.other], total);
    return { code: row.code, cells, total };
  });
  const unlisted: number[] = [];
  for (const g of genders) {
    // Exits without a listed reason (no reason recorded) are an unknown part of the margin.
    const gap = known(flow.exited[g]) - report.exit_reasons.reduce((s, row) => s + known(row[g]), 0);
    const parts = rows.map((row) => row.cells[g]);
    if (gap !== 0) {
      const slack = b.add(gap, 'slack');
      unlisted.push(slack);
      parts.push(slack);
    }
    b.sum(parts, exited[g]);
  }
  b.sum([...rows.map((row) => row.total), ...unlisted], exited.total);

  const subsidised = report.rules.subsidised_counts_as_work;
  const wos = report.work_or_studies;
  const wosRefs = {
    woman: b.add(known(wos.woman.count)),
    man: b.add(known(wos.man.count)),
    other: b.add(known(wos.other.count)),
    total: b.add(known(wos.total.count)),
  };
  const wosRows = rows.filter((row) => isWorkOrStudiesExit(row.code, subsidised));
  for (const g of genders) b.sum(wosRows.map((row) => row.cells[g]), wosRefs[g]);
  b.sum([wosRefs.woman, wosRefs.man, wosRefs.other], wosRefs.total);

  const hidden = suppressCells({ variables: b.variables, equations: b.equations }, k);

  const anonymousSystem = builder();
  const anonymousRefs = addGenders(anonymousSystem, flow.anonymous);
  const anonymousHidden = suppressCells(anonymousSystem, k);

  const exitedHidden = new Set<string>(hiddenKeys(hidden, exited, flowKeys));
  const wosOut = { woman: wos.woman, man: wos.man, other: wos.other, total: wos.total };
  const wosSuppressed: GenderKey[] = [];
  for (const g of genderKeys) {
    const countHidden = hidden[wosRefs[g]];
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
      enrolled: withNulls(flow.enrolled, hiddenKeys(hidden, enrolled, flowKeys)),
      active: withNulls(flow.active, hiddenKeys(hidden, active, flowKeys)),
      exited: withNulls(flow.exited, [...exitedHidden]),
      anonymous: withNulls(flow.anonymous, hiddenKeys(anonymousHidden, anonymousRefs, genderKeys)),
    },
    exit_reasons: report.exit_reasons.map((row, r) => {
      const keys: string[] = hiddenKeys(hidden, { ...rows[r].cells, total: rows[r].total }, genderKeys);
      // share × all exits would give back a hidden row total, share ÷ … a hidden exits total.
      if (row.share !== null && (keys.includes('total') || exitedHidden.has('total'))) keys.push('share');
      return withNulls(row, keys);
    }),
    // The gender objects already hold the nulls; `suppressed` names them.
    work_or_studies: wosSuppressed.length > 0 ? { ...wosOut, suppressed: wosSuppressed } : wosOut,
  };
}
