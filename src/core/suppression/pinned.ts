// Which unknowns of a linear system have a single possible value — the exact check behind
// secondary suppression — without bounding every unknown by two linear programs, and cheap to
// update as suppression hides one more cell. The counts themselves are a known solution y* of
// { A·y = b, y ≥ lower }, so:
//
//  • An unknown above its lower bound in y* can move both ways; only the unknowns at their
//    lower bound (Z0) meet an inequality. Those that stay at their lower bound in EVERY solution
//    (Z ⊆ Z0) are exactly the i for which some λ ≥ 0 with λᵢ > 0 makes Σ λⱼ·dⱼ vanish on every
//    direction d of ker A (Motzkin's transposition theorem): one small linear program over Z0
//    (simplex.ts), and only when Z0 holds an unknown the equations alone do not fix.
//  • With Z fixed, the solutions hold a relatively open piece of { A·y = b, y_Z = lower }, so
//    any other unknown is pinned exactly when its unit vector lies in the row space of A over the
//    remaining unknown columns: reduced row echelon form, with pivots among the unknowns.
//
// The reduced form is kept over EVERY variable's column (published ones act as the right-hand
// side), so hiding a cell is one more pivot at most, and whether hiding published cell u would
// free pinned unknown v can be read off u's reduced column: it does exactly when u's column lies
// in the span of the unknowns' columns (zero in every row without a pivot) and is non-zero in
// v's pivot row. Floating point with a tolerance, as in simplex.ts: coefficients are small whole
// numbers.
import { runSimplex } from './simplex.js';

const TOL = 1e-9;

export type SparseEquation = readonly (readonly [variable: number, coefficient: number])[];

export class Reduction {
  private rows: Float64Array[];
  /** rowOf[c]: the row whose pivot is column c, or −1. */
  private rowOf: Int32Array;
  /** pivotOf[r] for r < rank. */
  private pivotOf: number[];
  private rank = 0;
  private unknown: boolean[];
  private freeCache: number[] | null = null;
  /** decide() for the current unknowns, until the next hide(). */
  private analysisCache: ReturnType<Reduction['decide']> | null = null;
  private equationsOf: Map<number, number[]> | undefined;

  private constructor(
    private readonly equations: readonly SparseEquation[],
    rows: Float64Array[],
    rowOf: Int32Array,
    pivotOf: number[],
    rank: number,
    unknown: boolean[],
    private readonly truth: readonly number[],
  ) {
    this.rows = rows;
    this.rowOf = rowOf;
    this.pivotOf = pivotOf;
    this.rank = rank;
    this.unknown = unknown;
  }

  /** `truth[v]`: the known solution's distance above v's lower bound. */
  static of(equations: readonly SparseEquation[], unknown: readonly boolean[], truth: readonly number[]): Reduction {
    const n = unknown.length;
    const rows = equations.map((equation) => {
      const row = new Float64Array(n);
      for (const [v, a] of equation) row[v] += a;
      return row;
    });
    const reduction = new Reduction(equations, rows, new Int32Array(n).fill(-1), [], 0, unknown.map(() => false), truth);
    unknown.forEach((u, v) => u && reduction.hide(v));
    return reduction;
  }

  isUnknown(v: number): boolean {
    return this.unknown[v];
  }

  /** Unknown columns without a pivot. */
  private free(): number[] {
    this.freeCache ??= this.unknown.flatMap((u, c) => (u && this.rowOf[c] < 0 ? [c] : []));
    return this.freeCache;
  }

  /** Pivots on column c in `row` (≥ rank): normalises it and clears c from every other row. */
  private pivot(row: number, c: number): void {
    const p = this.rows[row];
    const factor = p[c];
    const nonzero: number[] = [];
    for (let j = 0; j < p.length; j++) {
      if (p[j] !== 0) {
        p[j] /= factor;
        nonzero.push(j);
      }
    }
    p[c] = 1;
    for (let r = 0; r < this.rows.length; r++) {
      if (r === row) continue;
      const other = this.rows[r];
      const f = other[c];
      if (f === 0) continue;
      for (const j of nonzero) {
        const x = other[j] - f * p[j];
        other[j] = Math.abs(x) < TOL ? 0 : x;
      }
      other[c] = 0;
    }
    this.rowOf[c] = row;
    this.pivotOf[row] = c;
    this.freeCache = null;
  }

  /** Swaps two rows with their pivots (rows at or past `rank` have none). */
  private swap(a: number, b: number): void {
    if (a === b) return;
    [this.rows[a], this.rows[b]] = [this.rows[b], this.rows[a]];
    [this.pivotOf[a], this.pivotOf[b]] = [this.pivotOf[b], this.pivotOf[a]];
    for (const r of [a, b]) if (r < this.rank) this.rowOf[this.pivotOf[r]] = r;
  }

  /** Makes v an unknown (a cell hidden): one more pivot if its column is new to the span. */
  hide(v: number): void {
    if (this.unknown[v]) return;
    this.unknown[v] = true;
    this.freeCache = null;
    this.analysisCache = null;
    let best = -1;
    let size = TOL;
    for (let r = this.rank; r < this.rows.length; r++) {
      const a = Math.abs(this.rows[r][v]);
      if (a > size) {
        size = a;
        best = r;
      }
    }
    if (best < 0) return;
    // Move the new pivot row to position `rank`, keeping earlier pivot rows where they are.
    this.swap(best, this.rank);
    this.rank++;
    this.pivot(this.rank - 1, v);
  }

  /** v is fixed by the equations alone (unit vector in the row space). */
  linearlyPinned(v: number): boolean {
    if (!this.unknown[v]) return true;
    const r = this.rowOf[v];
    if (r < 0) return false;
    const row = this.rows[r];
    return this.free().every((f) => row[f] === 0);
  }

  /**
   * How unknown v moves along ker A, as a function of the moves t of the free columns `free`:
   * d_v = gradient · t (a free column moves by its own t; a pivot by −its row's entries).
   */
  private gradient(v: number, free: readonly number[]): Float64Array {
    const g = new Float64Array(free.length);
    const r = this.rowOf[v];
    if (r >= 0) free.forEach((f, j) => (g[j] = this.rows[r][f] === 0 ? 0 : -this.rows[r][f]));
    else g[free.indexOf(v)] = 1;
    return g;
  }

  /** True when unknown v does not move with any free column (of `free`). */
  private still(v: number, free: readonly number[]): boolean {
    const r = this.rowOf[v];
    if (r < 0) return false;
    const row = this.rows[r];
    return free.every((f) => row[f] === 0);
  }

  /**
   * Pinned-ness of the unknowns (`unknown`, their columns without a pivot `free`): `isFixed` is
   * true for a value with one possibility (and for every known value); `determines` for a
   * linear form Σ coefficient · value with one possible value.
   */
  private decide(free: readonly number[], unknown: readonly boolean[]) {
    const atLower = unknown.flatMap((u, c) => (u && this.truth[c] < 0.5 && !this.still(c, free) ? [c] : []));
    let zeros: number[] = [];
    if (atLower.length > 0) {
      // Most come from a relation whose unknowns all count one way and sit at their bounds (a
      // published 0 as the total of hidden cells); the moves must leave those where they are.
      const forced = this.forcedToLower(unknown);
      zeros = atLower.filter((c) => forced.has(c));
      const project = kernelOf(zeros.map((c) => this.gradient(c, free)));
      const rest = atLower.filter((c) => !forced.has(c));
      zeros.push(...implicitZeros(rest.map((c) => [c, project(this.gradient(c, free))] as const)));
    }
    const zeroSet = new Set(zeros);
    const span = zeros.length === 0 ? (g: Float64Array) => g.every((a) => a === 0) : rowSpace(zeros.map((z) => this.gradient(z, free)));
    const isFixed = (v: number) => !unknown[v] || zeroSet.has(v) || this.still(v, free) || (zeros.length > 0 && span(this.gradient(v, free)));
    const determines = (terms: readonly (readonly [number, number])[]) => {
      const g = new Float64Array(free.length);
      const column = new Map(free.map((f, j) => [f, j]));
      for (const [v, a] of terms) {
        if (!unknown[v] || a === 0) continue;
        const r = this.rowOf[v];
        if (r >= 0) free.forEach((f, j) => (g[j] -= a * this.rows[r][f]));
        else g[column.get(v)!] += a;
      }
      for (let j = 0; j < g.length; j++) if (Math.abs(g[j]) < TOL) g[j] = 0;
      return span(g);
    };
    return { isFixed, determines, zeros: zeroSet };
  }

  private analysis() {
    this.analysisCache ??= this.decide(this.free(), this.unknown);
    return this.analysisCache;
  }

  /** Whether each variable has a single possible value (known ones trivially do). */
  pinned(): (v: number) => boolean {
    return this.analysis().isFixed;
  }

  /** Whether a linear form Σ coefficient · value has a single possible value. */
  determines(): (terms: readonly (readonly [number, number])[]) => boolean {
    return this.analysis().determines;
  }

  /**
   * Unknowns that a relation alone keeps at their lower bound: all its unknowns (beyond those
   * already so kept) have coefficients of one sign and are at their bound in the known solution,
   * so its published values leave them no room. Repeated until nothing changes.
   */
  private forcedToLower(unknown: readonly boolean[]): Set<number> {
    if (!this.equationsOf) {
      this.equationsOf = new Map();
      this.equations.forEach((equation, e) => {
        for (const [v] of equation) this.equationsOf!.set(v, [...(this.equationsOf!.get(v) ?? []), e]);
      });
    }
    const forced = new Set<number>();
    const queue = this.equations.map((_, e) => e);
    const queued = new Set(queue);
    while (queue.length > 0) {
      const e = queue.pop()!;
      queued.delete(e);
      const open = this.equations[e].filter(([v, a]) => unknown[v] && a !== 0 && !forced.has(v));
      if (open.length === 0) continue;
      if (!open.every(([v, a]) => this.truth[v] < 0.5 && Math.sign(a) === Math.sign(open[0][1]))) continue;
      for (const [v] of open) {
        forced.add(v);
        for (const other of this.equationsOf.get(v) ?? []) {
          if (!queued.has(other)) {
            queued.add(other);
            queue.push(other);
          }
        }
      }
    }
    return forced;
  }


  /**
   * Whether u's own move (u by ±1, each pivot p by ∓R[row(p)][u], nothing else) keeps every
   * unknown at its lower bound from going below it, u included — then u moves, and so does
   * every unknown whose row holds u.
   */
  private movesAlone(u: number): boolean {
    return ([1, -1] as const).some((sign) => {
      if (sign < 0 && this.truth[u] < 0.5) return false;
      for (let r = 0; r < this.rank; r++) {
        const e = this.rows[r][u];
        if (e !== 0 && this.truth[this.pivotOf[r]] < 0.5 && -sign * e < 0) return false;
      }
      return true;
    });
  }

  /** Whether u's own move changes an unknown held at its lower bound in every solution. */
  private touchesHeld(u: number): boolean {
    for (const z of this.analysis().zeros) {
      const r = this.rowOf[z];
      if (r >= 0 && this.rows[r][u] !== 0) return true;
    }
    return false;
  }

  /**
   * Would hiding known cell u leave v (an unknown) and u both free to vary? `target`: v is free;
   * `all`: u is free as well. Exact: the same answer as pinned() after hide(u).
   */
  frees(v: number, u: number): { target: boolean; all: boolean } {
    for (let r = this.rank; r < this.rows.length; r++) {
      // Outside the span, u would pivot in a row with no other unknown: u fixed, and no other
      // unknown's row changes, so v stays as it is — pinned.
      if (this.rows[r][u] !== 0) return { target: false, all: false };
    }
    // In the span, u becomes one more free column and no row changes.
    if (this.linearlyPinned(v) && this.rows[this.rowOf[v]][u] === 0) return { target: false, all: false };
    // Along u's own move, v moves by −R[row(v)][u].
    const dv = this.rowOf[v] >= 0 ? this.rows[this.rowOf[v]][u] : 0;
    if (dv !== 0 && this.movesAlone(u)) return { target: true, all: true };
    // A move that touches neither v nor any unknown held at its bound changes nothing for v: a
    // value held at its bound stays held (any new way to lift it, less u's move, would have
    // lifted it before, the other values it pushes down being liftable already), so v stays
    // pinned.
    if (dv === 0 && !this.touchesHeld(u)) return { target: false, all: false };
    const unknown = this.unknown.slice();
    unknown[u] = true;
    const { isFixed } = this.decide([...this.free(), u], unknown);
    return { target: !isFixed(v), all: !isFixed(u) };
  }
}

/**
 * The unknowns at their lower bound that stay there in every solution. `atLower`: each such
 * unknown (not fixed by the equations alone) with its gradient over the free moves t; the
 * solutions' moves are the t with gradient · t ≥ 0 for all of them.
 */
function implicitZeros(atLower: readonly (readonly [number, Float64Array])[]): number[] {
  let remaining = atLower.slice();
  // First the easy ones: a single free move, either way, that no remaining value goes down
  // along lifts every value it raises. A value once lifted imposes nothing on the rest (adding
  // enough of its lifting move keeps it at or above its bound).
  const width = atLower[0]?.[1].length ?? 0;
  for (let changed = true; changed && remaining.length > 0; ) {
    changed = false;
    for (let j = 0; j < width && remaining.length > 0; j++) {
      for (const sign of [1, -1]) {
        if (remaining.some(([, g]) => sign * g[j] < 0)) continue;
        if (!remaining.some(([, g]) => sign * g[j] > 0)) continue;
        remaining = remaining.filter(([, g]) => sign * g[j] === 0);
        changed = true;
      }
    }
  }
  if (remaining.length === 0) return [];
  // Only the moves that change some remaining value matter.
  const used = Array.from({ length: width }, (_, j) => j).filter((j) => remaining.some(([, g]) => g[j] !== 0));
  const lifted = liftable(remaining.map(([, g]) => Float64Array.from(used, (j) => g[j])), used.length);
  return remaining.filter((_, i) => !lifted[i]).map(([c]) => c);
}

/**
 * Which of the values gᵢ·t can be made positive by one move t that makes none negative: one
 * linear program, max Σ sᵢ with gᵢ·t ≥ sᵢ, 0 ≤ sᵢ ≤ 1 (t = t⁺ − t⁻). Moves add up, so some t
 * reaches sᵢ = 1 for every value that can rise at all, and the optimum does exactly that.
 */
function liftable(gradients: readonly Float64Array[], width: number): boolean[] {
  const m = gradients.length;
  // Columns: t⁺ (width), t⁻ (width), s (m), e (m), w (m), right-hand side.
  const [tPlus, tMinus, s, e, w] = [0, width, 2 * width, 2 * width + m, 2 * width + 2 * m];
  const columns = 2 * width + 3 * m;
  const rows: number[][] = [];
  const basis: number[] = [];
  gradients.forEach((g, i) => {
    // −g·t⁺ + g·t⁻ + sᵢ + eᵢ = 0, eᵢ ≥ 0 the surplus of g·t − sᵢ.
    const row = new Array<number>(columns + 1).fill(0);
    for (let j = 0; j < width; j++) {
      row[tPlus + j] = -g[j];
      row[tMinus + j] = g[j];
    }
    row[s + i] = 1;
    row[e + i] = 1;
    rows.push(row);
    basis.push(e + i);
  });
  gradients.forEach((_, i) => {
    const row = new Array<number>(columns + 1).fill(0);
    row[s + i] = 1;
    row[w + i] = 1;
    row[columns] = 1;
    rows.push(row);
    basis.push(w + i);
  });
  const objective = new Array<number>(columns + 1).fill(0);
  for (let i = 0; i < m; i++) objective[s + i] = -1;
  runSimplex(rows, basis, objective, columns);
  const value = new Array<number>(columns).fill(0);
  basis.forEach((c, i) => (value[c] = rows[i][columns]));
  return gradients.map((_, i) => value[s + i] > 0.5);
}

/** Gauss–Jordan elimination with partial pivoting: the rows in reduced row echelon form and each row's pivot column. */
function reducedRowEchelon(vectors: readonly Float64Array[], width: number): { rows: Float64Array[]; pivots: number[] } {
  const rows = vectors.map((g) => g.slice());
  const pivots: number[] = [];
  let rank = 0;
  for (let c = 0; c < width && rank < rows.length; c++) {
    let best = -1;
    let size = TOL;
    for (let r = rank; r < rows.length; r++) {
      if (Math.abs(rows[r][c]) > size) {
        size = Math.abs(rows[r][c]);
        best = r;
      }
    }
    if (best < 0) continue;
    [rows[rank], rows[best]] = [rows[best], rows[rank]];
    const p = rows[rank];
    const factor = p[c];
    for (let j = 0; j < width; j++) p[j] /= factor;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank || rows[r][c] === 0) continue;
      const f = rows[r][c];
      for (let j = 0; j < width; j++) {
        const x = rows[r][j] - f * p[j];
        rows[r][j] = Math.abs(x) < TOL ? 0 : x;
      }
    }
    pivots.push(c);
    rank++;
  }
  return { rows, pivots };
}

/**
 * The moves t left when every given gradient must stay 0 (g·t = 0): a function re-expressing a
 * gradient over a basis of those moves.
 */
function kernelOf(vectors: readonly Float64Array[]): (g: Float64Array) => Float64Array {
  if (vectors.length === 0) return (g) => g;
  const width = vectors[0].length;
  const { rows, pivots } = reducedRowEchelon(vectors, width);
  const pivotSet = new Set(pivots);
  const kept = Array.from({ length: width }, (_, j) => j).filter((j) => !pivotSet.has(j));
  const position = new Map(kept.map((q, i) => [q, i]));
  // Row r's entries in kept columns, as [position, value].
  const entries = pivots.map((_, r) => kept.flatMap((q, i) => (rows[r][q] !== 0 ? [[i, rows[r][q]] as const] : [])));
  // Basis vector for kept column q: +1 at q, −R[r][q] at the pivot column of row r.
  return (g) => {
    const x = new Float64Array(kept.length);
    for (let j = 0; j < width; j++) {
      if (g[j] === 0) continue;
      const i = position.get(j);
      if (i !== undefined) x[i] += g[j];
    }
    pivots.forEach((c, r) => {
      const f = g[c];
      if (f === 0) return;
      for (const [i, a] of entries[r]) x[i] -= a * f;
    });
    for (let i = 0; i < x.length; i++) if (Math.abs(x[i]) < TOL) x[i] = 0;
    return x;
  };
}

/** Membership in the span of the given vectors (reduced row echelon form, then reduction). */
function rowSpace(vectors: readonly Float64Array[]): (g: Float64Array) => boolean {
  const width = vectors[0]?.length ?? 0;
  const { rows, pivots } = reducedRowEchelon(vectors, width);
  return (g) => {
    const x = g.slice();
    pivots.forEach((c, r) => {
      const f = x[c];
      if (f === 0) return;
      for (let j = 0; j < width; j++) {
        const y = x[j] - f * rows[r][j];
        x[j] = Math.abs(y) < TOL ? 0 : y;
      }
    });
    return x.every((a) => a === 0);
  };
}
