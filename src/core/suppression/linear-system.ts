// The small-cell rule of domain.md, data protection 7, for any aggregate: a set of counts tied
// by public linear relations (a cell plus cells = a total; a subset ≤ its set). Whatever a
// reader can see — the published counts and the relations, which follow from the published
// figure definitions — must not pin down a hidden count exactly.
import { Reduction } from './pinned.js';
import { polytope, type Bounds } from './simplex.js';

/**
 * `cell`: a count the report publishes unless hidden. `complement`: a count the report never
 * shows but that a reader can compute from it (total − under 30); it is protected like a hidden
 * cell when it is small. `slack`: the unknown gap of an inequality (active − enrolled ≥ 0).
 * `public`: a count the reader is taken to know although this system does not publish it (a
 * linked family's stock at its ends, known from the neighbouring family); never hidden.
 */
export type VariableKind = 'cell' | 'complement' | 'slack' | 'public';
export type Variable = { value: number; kind: VariableKind; /** public lower bound; default 0 */ lower?: number };
/** Σ coefficient · variable = 0. */
export type Equation = readonly (readonly [variable: number, coefficient: number])[];
export type LinearSystem = { variables: readonly Variable[]; equations: readonly Equation[] };

const isSmall = (value: number, k: number) => value >= 1 && value <= k - 1;
const isUnknown = (system: LinearSystem, hidden: readonly boolean[], v: number) => {
  const { kind } = system.variables[v];
  return kind === 'complement' || kind === 'slack' || (kind === 'cell' && hidden[v]);
};
/**
 * A published cell, which more suppression may hide — unless relations alone fix it (a
 * work-or-studies count with no such reason listed is 0, and so is their total): hidden, it
 * would be derivable whatever else were hidden.
 */
const isHideable = (system: LinearSystem, hidden: readonly boolean[], v: number) =>
  system.variables[v].kind === 'cell' && !hidden[v] && !fixedByRelations(system).has(v);

const fixedCache = new WeakMap<LinearSystem, Set<number>>();
/** Values alone in a relation whose other values are public or fixed so, repeatedly. */
function fixedByRelations(system: LinearSystem): Set<number> {
  let fixed = fixedCache.get(system);
  if (!fixed) {
    const known = new Set<number>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const equation of system.equations) {
        const others = equation.filter(([v]) => system.variables[v].kind !== 'public' && !known.has(v));
        if (others.length === 1) {
          known.add(others[0][0]);
          changed = true;
        }
      }
    }
    fixed = known;
    fixedCache.set(system, fixed);
  }
  return fixed;
}

/**
 * The values a reader can bound: hidden cells, always every complement and slack. Two linear
 * programs per value; the suppression itself asks the cheaper `pinned` (pinned.ts) whether a
 * value has a single possibility, and tests hold the two against each other.
 */
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

/** The reader's unknowns in reduced form (pinned.ts), to ask which values have one possibility. */
function reduce(system: LinearSystem, hidden: readonly boolean[]): Reduction {
  const unknown = system.variables.map((_, v) => isUnknown(system, hidden, v));
  return Reduction.of(system.equations, unknown, system.variables.map(({ value, lower = 0 }) => value - lower));
}

/** Hidden cells (only the small ones when `smallOnly`) and complements from 1 to k−1. */
const isProtected = (system: LinearSystem, hidden: readonly boolean[], v: number, k: number, smallOnly: boolean) => {
  const { kind, value } = system.variables[v];
  return kind === 'cell' ? hidden[v] && (!smallOnly || isSmall(value, k)) : kind === 'complement' && isSmall(value, k);
};

function determinedIn(system: LinearSystem, hidden: readonly boolean[], reduction: Reduction, k: number, smallOnly = false): number[] {
  const isFixed = reduction.pinned();
  return system.variables.flatMap((_, v) => (isProtected(system, hidden, v, k, smallOnly) && isFixed(v) ? [v] : []));
}

/**
 * For a suppression already decided: whether a linear form Σ coefficient · variable has one
 * possible value given what is published — whether publishing it would tell the reader nothing.
 */
export function pinnedFunctional(system: LinearSystem, hidden: readonly boolean[]): (terms: readonly (readonly [number, number])[]) => boolean {
  return reduce(system, hidden).determines();
}

/** Hidden cells, and complements from 1 to k−1, whose value the visible data fix exactly. */
export function determinedVariables(system: LinearSystem, hidden: readonly boolean[], k = 5): number[] {
  return determinedIn(system, hidden, reduce(system, hidden), k);
}

/**
 * Hides cells so that (a) every cell from 1 to k−1 is hidden (zeros are published) and (b) no
 * hidden cell, nor a small complement, can be derived exactly. Greedy: first every relation
 * that shows a lone protected unknown, or the sum of its hidden cells when that sum is small,
 * gets its smallest published non-zero cell hidden too; then an exact check (pinned.ts) finds
 * every small hidden value fixed by all non-negative solutions, and while one is, the smallest
 * nearby cell that frees it is hidden (else its whole row/column); last, a partner that stayed
 * fixed is published again. Returns the hidden mask (true only for cells).
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
  spread(system, hidden, k, () => {});
  const reduction = reduce(system, hidden);
  const hide = (u: number) => {
    hidden[u] = true;
    reduction.hide(u);
  };
  for (;;) {
    const pinned = determinedIn(system, hidden, reduction, k, true);
    if (pinned.length === 0) break;
    if (!freeVariable(system, hidden, reduction, pinned[0], hide)) {
      throw new Error('Suppression: a hidden value stays derivable with every cell hidden');
    }
    spread(system, hidden, k, hide);
  }
  // A cell hidden only as a partner (0 or k and more) that the published values fix anyway is
  // published after all: the reader learns nothing new, and it keeps "no hidden cell can be
  // derived" true. Fixed values stay fixed when others are published, so one pass suffices.
  const isFixed = reduction.pinned();
  return hidden.map((h, v) => h && (isSmall(system.variables[v].value, k) || !isFixed(v)));
}

// Published cells in rings of growing distance from v (a ring: the cells sharing a relation
// with v or with an unknown reached before), each ring non-zero first — a hidden zero adds no
// doubt to a sum — then smallest. Cells never reached cannot bear on v.
function candidates(system: LinearSystem, hidden: readonly boolean[], v: number): number[][] {
  const rings: number[][] = [];
  const seen = new Set<number>([v]);
  let frontier = new Set([v]);
  while (frontier.size > 0) {
    const ring: number[] = [];
    const next = new Set<number>();
    for (const equation of system.equations) {
      if (!equation.some(([u]) => frontier.has(u))) continue;
      for (const [u] of equation) {
        if (seen.has(u)) continue;
        seen.add(u);
        if (isUnknown(system, hidden, u)) next.add(u);
        else if (isHideable(system, hidden, u)) ring.push(u);
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
function freeVariable(system: LinearSystem, hidden: boolean[], reduction: Reduction, v: number, hide: (u: number) => void): boolean {
  const groups = candidates(system, hidden, v);
  let fallback: number | undefined;
  for (const u of groups.flat()) {
    const result = reduction.frees(v, u);
    if (result.target && result.all) {
      hide(u);
      return true;
    }
    if (result.target && fallback === undefined) fallback = u;
  }
  if (fallback !== undefined) {
    hide(fallback);
    return true;
  }
  // No single cell helps: hide every published cell that shares a relation with v (its whole
  // row and column), else the next ring.
  const ring = groups.find((group) => group.length > 0);
  if (!ring) return false;
  for (const u of ring) hide(u);
  return true;
}

/** The cheap part of secondary suppression, per relation, repeated until nothing changes. */
function spread(system: LinearSystem, hidden: boolean[], k: number, hide: (u: number) => void): void {
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
      const published = equation.map(([v]) => v).filter((v) => isHideable(system, hidden, v));
      if (published.length === 0) continue;
      published.sort((a, b) => order(system, a, b));
      // A lone unknown needs any partner; a small disclosed sum needs one that is not zero.
      const pick = loneProtected ? published[0] : published.find((v) => system.variables[v].value > 0);
      if (pick === undefined) continue;
      hidden[pick] = true;
      hide(pick);
      changed = true;
    }
  }
}
