// A small dense two-phase simplex, enough to bound one variable of the tiny linear systems that
// report tables make (tens of variables). Bland's rule keeps it from cycling on the many
// degenerate vertices that tables with zeros have; floats suffice because every coefficient is
// ±1 and every value a modest whole number.

const EPS = 1e-9;

export type Bounds = { min: number; max: number };

/** Bounds of one coordinate over the region; `max` is Infinity when unbounded. */
export type BoundsOf = (variable: number) => Bounds;

/**
 * The region { y ∈ ℝⁿ : A·y = b, y ≥ 0 }. Returns null when it is empty; otherwise a function
 * giving the exact min and max of a coordinate over it (each a fresh phase 2 from one feasible
 * basis, so bounding many variables costs one phase 1).
 */
export function polytope(A: readonly (readonly number[])[], b: readonly number[], n: number): BoundsOf | null {
  const m = A.length;
  const rhs = n + m;
  // Phase 1: one artificial per row, rows signed so that b ≥ 0, minimise the artificials' sum.
  const rows = A.map((row, i) => {
    const sign = b[i] < 0 ? -1 : 1;
    const r = new Array<number>(rhs + 1).fill(0);
    for (let j = 0; j < n; j++) r[j] = sign * row[j];
    r[n + i] = 1;
    r[rhs] = sign * b[i];
    return r;
  });
  const basis = rows.map((_, i) => n + i);
  const objective = new Array<number>(rhs + 1).fill(0);
  for (const r of rows) {
    for (let j = 0; j < n; j++) objective[j] -= r[j];
    objective[rhs] -= r[rhs];
  }
  runSimplex(rows, basis, objective, n + m);
  const scale = Math.max(1, ...b.map(Math.abs));
  if (objective[rhs] < -1e-7 * scale) return null;

  // Pivot leftover (zero-level) artificials out, dropping rows that were linearly dependent.
  for (let i = rows.length - 1; i >= 0; i--) {
    if (basis[i] < n) continue;
    const j = rows[i].findIndex((a, col) => col < n && Math.abs(a) > EPS);
    if (j < 0) {
      rows.splice(i, 1);
      basis.splice(i, 1);
    } else {
      pivot(rows, basis, null, i, j);
    }
  }
  const base = rows.map((r) => [...r.slice(0, n), Math.max(0, r[rhs])]);

  return (variable) => ({
    min: -optimum(base, basis, n, variable, -1),
    max: optimum(base, basis, n, variable, 1),
  });
}

/** max of sign·y[variable], starting from the feasible basis of phase 1. */
function optimum(base: number[][], startBasis: number[], n: number, variable: number, sign: 1 | -1): number {
  const rows = base.map((r) => r.slice());
  const basis = startBasis.slice();
  const objective = new Array<number>(n + 1).fill(0);
  objective[variable] = -sign;
  const row = basis.indexOf(variable);
  if (row >= 0) for (let j = 0; j <= n; j++) objective[j] += sign * rows[row][j];
  return runSimplex(rows, basis, objective, n) ? objective[n] : Infinity;
}

/**
 * Maximises the objective row (stored as z − c·y = 0, value in the last column) over the first
 * `columns` columns, from a feasible basis (`basis[i]` is the column basic in row i). Returns
 * false when unbounded.
 */
export function runSimplex(rows: number[][], basis: number[], objective: number[], columns: number): boolean {
  const rhs = objective.length - 1;
  for (;;) {
    let enter = -1;
    for (let j = 0; j < columns; j++) {
      if (objective[j] < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) return true;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i][enter];
      if (a <= EPS) continue;
      const ratio = rows[i][rhs] / a;
      if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && basis[i] < basis[leave])) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return false;
    pivot(rows, basis, objective, leave, enter);
  }
}

function pivot(rows: number[][], basis: number[], objective: number[] | null, row: number, column: number): void {
  const p = rows[row];
  const factor = p[column];
  for (let j = 0; j < p.length; j++) p[j] /= factor;
  const eliminate = (r: number[]) => {
    const f = r[column];
    if (f === 0) return;
    for (let j = 0; j < r.length; j++) r[j] -= f * p[j];
  };
  rows.forEach((r, i) => i !== row && eliminate(r));
  if (objective) eliminate(objective);
  basis[row] = column;
}
