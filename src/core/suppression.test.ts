import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAnyHiddenCellDetermined, suppressTable, type TableMask } from './suppression.js';

// ---------------------------------------------------------------------------------------------
// An independent check that shares no code with the implementation: depth-first search over
// non-negative integer tables that agree with every published value. A hidden value is
// determined when no such table gives it another value. `reach` limits each hidden cell to
// its true value ± reach (Infinity: 0 … grand total + 2). For tables with margins ±1 suffices
// in theory (any two solutions differ by a sum of ±1 cycles), and a table found is a real
// counter-example whatever the reach.
// ---------------------------------------------------------------------------------------------

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const margins = (cells: number[][]) => {
  const rows = cells.map(sum);
  const cols = cells[0].map((_, j) => sum(cells.map((r) => r[j])));
  return { rows, cols, total: sum(rows) };
};

function nearFirst(v: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let d = 0; v - d >= lo || v + d <= hi; d++) {
    if (v + d >= lo && v + d <= hi) out.push(v + d);
    if (d > 0 && v - d >= lo && v - d <= hi) out.push(v - d);
  }
  return out;
}

function existsTable(cells: number[][], mask: TableMask, differs: (x: number[][]) => boolean, reach: number): boolean {
  const truth = margins(cells);
  const x = cells.map((r) => r.slice());
  const hidden: [number, number][] = [];
  cells.forEach((row, i) => row.forEach((_, j) => mask.rows[i][j] && hidden.push([i, j])));
  const rowSum = cells.map((row, i) => sum(row.filter((_, j) => !mask.rows[i][j])));
  const colSum = cells[0].map((_, j) => sum(cells.map((r, i) => (mask.rows[i][j] ? 0 : r[j]))));
  let total = sum(rowSum);
  const rowLeft = cells.map((_, i) => hidden.filter(([a]) => a === i).length);
  const colLeft = cells[0].map((_, j) => hidden.filter(([, b]) => b === j).length);
  const cap = truth.total + 2;

  const dfs = (n: number): boolean => {
    if (n === hidden.length) {
      const m = margins(x);
      const ok =
        m.rows.every((r, i) => mask.rowTotals[i] || r === truth.rows[i]) &&
        m.cols.every((c, j) => mask.colTotals[j] || c === truth.cols[j]) &&
        (mask.total || m.total === truth.total);
      return ok && differs(x);
    }
    const [i, j] = hidden[n];
    const v0 = cells[i][j];
    let lo = Number.isFinite(reach) ? Math.max(0, v0 - reach) : 0;
    let hi = Number.isFinite(reach) ? v0 + reach : cap;
    const room = (published: boolean, target: number, current: number, last: boolean) => {
      if (!published) return;
      hi = Math.min(hi, target - current);
      if (last) lo = Math.max(lo, target - current);
    };
    room(!mask.rowTotals[i], truth.rows[i], rowSum[i], rowLeft[i] === 1);
    room(!mask.colTotals[j], truth.cols[j], colSum[j], colLeft[j] === 1);
    room(!mask.total, truth.total, total, n === hidden.length - 1);
    for (const v of nearFirst(v0, lo, hi)) {
      x[i][j] = v;
      rowSum[i] += v;
      colSum[j] += v;
      total += v;
      rowLeft[i]--;
      colLeft[j]--;
      const found = dfs(n + 1);
      rowSum[i] -= v;
      colSum[j] -= v;
      total -= v;
      rowLeft[i]++;
      colLeft[j]++;
      if (found) return true;
    }
    x[i][j] = v0;
    return false;
  };
  return dfs(0);
}

/** Names of the hidden values that every consistent table agrees on. */
function bruteDetermined(cells: number[][], mask: TableMask, reach: number): string[] {
  const truth = margins(cells);
  const out: string[] = [];
  const check = (name: string, value: (x: number[][]) => number, original: number) => {
    if (!existsTable(cells, mask, (x) => value(x) !== original, reach)) out.push(name);
  };
  cells.forEach((row, i) =>
    row.forEach((v, j) => {
      if (mask.rows[i][j]) check(`cell ${i},${j}`, (x) => x[i][j], v);
    }),
  );
  truth.rows.forEach((r, i) => mask.rowTotals[i] && check(`row ${i}`, (x) => sum(x[i]), r));
  truth.cols.forEach((c, j) => mask.colTotals[j] && check(`col ${j}`, (x) => sum(x.map((row) => row[j])), c));
  if (mask.total) check('total', (x) => sum(x.map(sum)), truth.total);
  return out;
}

// Many small values, some zeros, some safe counts.
const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 15 }) },
);
const table = (maxRows: number, maxCols: number, value = count) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) => fc.array(fc.array(value, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

function smallValuesVisible(cells: number[][], mask: TableMask, k: number): string[] {
  const m = margins(cells);
  const small = (v: number) => v >= 1 && v <= k - 1;
  return [
    ...cells.flatMap((row, i) => row.flatMap((v, j) => (small(v) && !mask.rows[i][j] ? [`cell ${i},${j}`] : []))),
    ...m.rows.flatMap((v, i) => (small(v) && !mask.rowTotals[i] ? [`row ${i}`] : [])),
    ...m.cols.flatMap((v, j) => (small(v) && !mask.colTotals[j] ? [`col ${j}`] : [])),
    ...(small(m.total) && !mask.total ? ['total'] : []),
  ];
}

describe('suppressTable', () => {
  it('hides every cell from 1 to k−1 and leaves no hidden value derivable (1,000 random tables)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(table(4, 5), fc.constantFrom(5, 5, 5, 3, 4, 6), (cells, k) => {
        const mask = suppressTable({ rows: cells }, k);
        expect(smallValuesVisible(cells, mask, k)).toEqual([]);
        expect(bruteDetermined(cells, mask, 2)).toEqual([]);
        expect(isAnyHiddenCellDetermined({ rows: cells }, mask)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('goes beyond two hidden cells per line where that is not enough (found by this test)', () => {
    for (const cells of [
      [[1, 0, 0], [4, 0, 1], [0, 5, 3], [0, 5, 1]],
      [[1, 0, 5, 0], [11, 5, 7, 1], [4, 5, 1, 0]],
    ]) {
      const mask = suppressTable({ rows: cells });
      expect(smallValuesVisible(cells, mask, 5)).toEqual([]);
      expect(bruteDetermined(cells, mask, 2)).toEqual([]);
    }
  });

  it('publishes a table without small cells untouched, zeros included', () => {
    const mask = suppressTable({ rows: [[0, 12], [7, 9]] });
    expect(mask).toEqual({ rows: [[false, false], [false, false]], rowTotals: [false, false], colTotals: [false, false], total: false });
  });

  it('pairs a small cell with the smallest non-zero cell of its line, not with a zero', () => {
    const mask = suppressTable({ rows: [[3, 10, 0, 12]] });
    expect(mask.rows[0]).toEqual([true, true, false, false]);
    expect(mask.rowTotals).toEqual([false]);
  });

  it('hides a cell left alone in its column even when it is large', () => {
    // 2 and 3 share row 0; their columns each need a partner: 8 and 9 in row 1.
    const mask = suppressTable({ rows: [[2, 3, 20], [8, 9, 30]] });
    expect(mask.rows).toEqual([[true, true, false], [true, true, false]]);
    expect(isAnyHiddenCellDetermined({ rows: [[2, 3, 20], [8, 9, 30]] }, mask)).toBe(false);
  });

  it('validates its input', () => {
    expect(() => suppressTable({ rows: [] })).toThrow(RangeError);
    expect(() => suppressTable({ rows: [[1, 2], [3]] })).toThrow(RangeError);
    expect(() => suppressTable({ rows: [[1.5]] })).toThrow(RangeError);
    expect(() => suppressTable({ rows: [[1, 2]], rowTotals: [4] })).toThrow(RangeError);
  });
});

describe('isAnyHiddenCellDetermined', () => {
  /** Margins published, the listed interior cells of a 2×2 table hidden. */
  const withHidden = (cells: [number, number][]): TableMask => ({
    rows: [0, 1].map((i) => [0, 1].map((j) => cells.some(([a, b]) => a === i && b === j))),
    rowTotals: [false, false],
    colTotals: [false, false],
    total: false,
  });

  it('sees a lone hidden cell in a line with a published total', () => {
    expect(isAnyHiddenCellDetermined({ rows: [[3, 7], [6, 8]] }, withHidden([[0, 0]]))).toBe(true);
  });

  it('accepts a fully hidden interior, which a ±1 cycle can move', () => {
    expect(isAnyHiddenCellDetermined({ rows: [[3, 7], [6, 8]] }, withHidden([[0, 0], [0, 1], [1, 0], [1, 1]]))).toBe(false);
  });

  it('sees values pinned by non-negativity although every line has two hidden cells', () => {
    // Column 1 adds up to 0, so its hidden cells are 0, and then row 0 gives away the 3.
    const cells = [[3, 0], [5, 0]];
    const all = withHidden([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(bruteDetermined(cells, all, Infinity)).toEqual(['cell 0,0', 'cell 0,1', 'cell 1,0', 'cell 1,1']);
    expect(isAnyHiddenCellDetermined({ rows: cells }, all)).toBe(true);
    // The greedy result for the same table is safe.
    const mask = suppressTable({ rows: cells });
    expect(bruteDetermined(cells, mask, Infinity)).toEqual([]);
  });

  it('agrees with exhaustive enumeration on random masks of tiny tables', { timeout: 60_000 }, () => {
    const tiny = table(2, 3, fc.integer({ min: 0, max: 6 }));
    const withMask = tiny.chain((cells) =>
      fc.record({
        cells: fc.constant(cells),
        mask: fc.record({
          rows: fc.tuple(...cells.map((row) => fc.tuple(...row.map(() => fc.boolean())))),
          rowTotals: fc.tuple(...cells.map(() => fc.boolean())),
          colTotals: fc.tuple(...cells[0].map(() => fc.boolean())),
          total: fc.boolean(),
        }),
      }),
    );
    fc.assert(
      fc.property(withMask, ({ cells, mask }) => {
        const m = mask as TableMask;
        expect(isAnyHiddenCellDetermined({ rows: cells }, m)).toBe(bruteDetermined(cells, m, Infinity).length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
