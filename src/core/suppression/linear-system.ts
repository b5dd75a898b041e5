// The small-cell rule of domain.md, data protection 7, for any aggregate: a set of counts tied
// by public linear relations (a cell plus cells = a total; a subset ≤ its set). Whatever a
// reader can see — the published counts and the relations, which follow from the published
// figure definitions — must not pin down a hidden count exactly.
import { polytope, type Bounds } from './simplex.js';

/**
 * `cell`: a count the report publishes unless hidden. `complement`: a count the report never
 * shows but that a reader can compute from it (total − under 30); it is protected like a hidden
 * cell when it is small. `slack`: the unknown gap of an inequality (active − enrolled ≥ 0).
 */
export type VariableKind = 'cell' | 'complement' | 'slack';
export type Variable = { value: number; kind: VariableKind; /** public lower bound; default 0 */ lower?: number };
/** Σ coefficient · variable = 0. */
export type Equation = readonly (readonly [variable: number, coefficient: number])[];
export type LinearSystem = { variables: readonly Variable[]; equations: readonly Equation[] };

const isSmall = (value: number, k: number) => value >= 1 && value <= k - 1;
// Values are whole numbers, so anything narrower than this is a single value.
const isPinned = ({ min, max }: Bounds) => max - min < 1e-6;
const isUnknown = (system: LinearSystem, hidden: readonly boolean[], v: number) =>
  system.variables[v].kind !== 'cell' || hidden[v];

/** The values a reader can bound: hidden cells, always every complement and slack. */
export function boundsSolver(system: LinearSystem, hidden: readonly boolean[]): (v: number) => Bounds {
  const unknown = system.variables.map((_, v) => (isUnknown(system, hidden, v) ? v : -1)).filter((v) => v >= 0);
  const column = new Map(unknown.map((v, j) => [v, j]));
  const A: number[][] = [];
  const b: number[] = [];
  for (const equation of system.equations) {
    const row = new Array<number>(unknown.length).fill(0);
    let constant = 0;
    for (const [v, coefficient] of equation) {
      const lower = system.variables[v].lower ?? 0;
      const j = column.get(v);
      // Unknowns are shifted by their lower bound so that the solver sees y = x − lower ≥ 0.
      if (j === undefined) constant += coefficient * system.variables[v].value;
      else {
        row[j] += coefficient;
        constant += coefficient * lower;
      }
    }
    if (row.some((a) => a !== 0)) {
      A.push(row);
      b.push(-constant);
    }
  }
  const bounds = polytope(A, b, unknown.length);
  if (!bounds) throw new Error('Suppression: the counts do not satisfy their own relations');
  return (v) => {
    const j = column.get(v);
    const value = system.variables[v].value;
    if (j === undefined) return { min: value, max: value };
    const lower = system.variables[v].lower ?? 0;
    const { min, max } = bounds(j);
    return { min: min + lower, max: max + lower };
  };
}

/** Hidden cells, and complements from 1 to k−1, whose value the visible data fix exactly. */
export function determinedVariables(system: LinearSystem, hidden: readonly boolean[], k = 5): number[] {
  const bounds = boundsSolver(system, hidden);
  return system.variables
    .map((variable, v) => ({ variable, v }))
    .filter(({ variable, v }) => (variable.kind === 'cell' ? hidden[v] : variable.kind === 'complement' && isSmall(variable.value, k)))
    .filter(({ v }) => isPinned(bounds(v)))
    .map(({ v }) => v);
}

/**
 * Hides cells so that (a) every cell from 1 to k−1 is hidden (zeros are published) and (b) no
 * hidden cell, nor a small complement, can be derived exactly. Greedy: first every relation
 * that shows a lone protected unknown, or the sum of its hidden cells when that sum is small,
 * gets its smallest published non-zero cell hidden too; then an exact check bounds every
 * protected value over all non-negative solutions, and while one is pinned, the smallest
 * nearby cell that frees it is hidden (else its whole row/column). Returns the hidden mask
 * (true only for cells).
 */
export function suppressCells(system: LinearSystem, k = 5): boolean[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError('Suppression: k must be a whole number ≥ 1');
  if (system.variables.some(({ value, lower = 0 }) => !Number.isInteger(value) || value < lower)) {
    throw new RangeError('Suppression: counts must be whole numbers at or above their lower bound');
  }
  if (system.equations.some((equation) => equation.reduce((s, [v, c]) => s + c * system.variables[v].value, 0) !== 0)) {
    throw new RangeError('Suppression: the counts do not add up');
  }
  const hidden = system.variables.map((variable) => variable.kind === 'cell' && isSmall(variable.value, k));
  spread(system, hidden, k);
  for (;;) {
    const pinned = determinedVariables(system, hidden, k);
    if (pinned.length === 0) return hidden;
    if (!freeVariable(system, hidden, pinned[0])) {
      throw new Error('Suppression: a hidden value stays derivable with every cell hidden');
    }
    spread(system, hidden, k);
  }
}

// Published cells in rings of growing distance from v (a ring: the cells sharing a relation
// with v or with an unknown reached before), each ring non-zero first — a hidden zero adds no
// doubt to a sum — then smallest. Cells never reached cannot bear on v.
function candidates(system: LinearSystem, hidden: readonly boolean[], v: number): number[][] {
  const rings: number[][] = [];
  const seen = new Set<number>([v]);
  let frontier = [v];
  while (frontier.length > 0) {
    const ring: number[] = [];
    const next: number[] = [];
    for (const equation of system.equations) {
      if (!equation.some(([u]) => frontier.includes(u))) continue;
      for (const [u] of equation) {
        if (seen.has(u)) continue;
        seen.add(u);
        (isUnknown(system, hidden, u) ? next : ring).push(u);
      }
    }
    rings.push(ring.sort((a, b) => order(system, a, b)));
    frontier = next;
  }
  return rings;
}

function order(system: LinearSystem, a: number, b: number): number {
  const [x, y] = [system.variables[a].value, system.variables[b].value];
  return Number(x === 0) - Number(y === 0) || x - y || a - b;
}

/** Hides more cells until `v` is no longer pinned; false when nothing is left to hide. */
function freeVariable(system: LinearSystem, hidden: boolean[], v: number): boolean {
  const groups = candidates(system, hidden, v);
  const frees = (extra: readonly number[]) => {
    const trial = hidden.slice();
    for (const u of extra) trial[u] = true;
    const bounds = boundsSolver(system, trial);
    const free = (u: number) => !isPinned(bounds(u));
    return { target: free(v), all: extra.every(free) };
  };
  let fallback: number | undefined;
  for (const u of groups.flat()) {
    const result = frees([u]);
    if (result.target && result.all) {
      hidden[u] = true;
      return true;
    }
    if (result.target && fallback === undefined) fallback = u;
  }
  if (fallback !== undefined) {
    hidden[fallback] = true;
    return true;
  }
  // No single cell helps: hide every published cell that shares a relation with v (its whole
  // row and column), else the next ring.
  const ring = groups.find((group) => group.length > 0);
  if (!ring) return false;
  for (const u of ring) hidden[u] = true;
  return true;
}

/** The cheap part of secondary suppression, per relation, repeated until nothing changes. */
function spread(system: LinearSystem, hidden: boolean[], k: number): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const equation of system.equations) {
      if (equation.some(([v]) => system.variables[v].kind === 'slack')) continue;
      const unknown = equation.filter(([v]) => isUnknown(system, hidden, v));
      if (unknown.length === 0) continue;
      const loneProtected =
        unknown.length === 1 && (system.variables[unknown[0][0]].kind === 'cell' || isSmall(system.variables[unknown[0][0]].value, k));
      const onlyCells = unknown.every(([v]) => system.variables[v].kind === 'cell');
      const sameSign = unknown.every(([, c]) => Math.sign(c) === Math.sign(unknown[0][1]));
      const sum = unknown.reduce((s, [v]) => s + system.variables[v].value, 0);
      if (!loneProtected && !(onlyCells && sameSign && isSmall(sum, k))) continue;
      const published = equation.map(([v]) => v).filter((v) => !isUnknown(system, hidden, v));
      if (published.length === 0) continue;
      published.sort((a, b) => order(system, a, b));
      // A lone unknown needs any partner; a small disclosed sum needs one that is not zero.
      const pick = loneProtected ? published[0] : published.find((v) => system.variables[v].value > 0);
      if (pick === undefined) continue;
      hidden[pick] = true;
      changed = true;
    }
  }
}
