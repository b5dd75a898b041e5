// Small-cell suppression (domain.md, data protection 7): every aggregate that leaves the
// controlling organisation goes through suppressCells, as a 2-D table here or as the joint
// system of a whole report (suppression/outcomes.ts).
import { determinedVariables, suppressCells, type Equation, type LinearSystem } from './suppression/linear-system.js';

export { boundsSolver, determinedVariables, suppressCells } from './suppression/linear-system.js';
export type { Equation, LinearSystem, Variable, VariableKind } from './suppression/linear-system.js';
export { suppressOutcomes } from './suppression/outcomes.js';

export const defaultSuppressionThreshold = 5;

/** A table of counts with its margins; margins left out are computed from the cells. */
export type Table = { rows: number[][]; rowTotals?: number[]; colTotals?: number[]; total?: number };
/** true = hidden. */
export type TableMask = { rows: boolean[][]; rowTotals: boolean[]; colTotals: boolean[]; total: boolean };

type Complete = Required<Table>;

function complete(table: Table): Complete {
  const { rows } = table;
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0 || rows.some((row) => row.length !== width)) {
    throw new RangeError('Suppression: a table needs at least one row and column, all rows of equal length');
  }
  const rowTotals = rows.map((row) => row.reduce((s, x) => s + x, 0));
  const colTotals = rows[0].map((_, j) => rows.reduce((s, row) => s + row[j], 0));
  const total = rowTotals.reduce((s, x) => s + x, 0);
  const all = [...rows.flat(), ...(table.rowTotals ?? []), ...(table.colTotals ?? []), table.total ?? 0];
  if (all.some((x) => !Number.isInteger(x) || x < 0)) throw new RangeError('Suppression: counts must be whole numbers ≥ 0');
  const same = (given: number[] | undefined, computed: number[]) =>
    given === undefined || (given.length === computed.length && given.every((x, i) => x === computed[i]));
  if (!same(table.rowTotals, rowTotals) || !same(table.colTotals, colTotals) || (table.total ?? total) !== total) {
    throw new RangeError('Suppression: the margins do not add up to the cells');
  }
  return { rows, rowTotals, colTotals, total };
}

/**
 * Variables in the order: cells row by row, row totals, column totals, grand total; one
 * relation per row, per column, and the two ways the grand total adds up.
 */
export function tableSystem(table: Table): LinearSystem {
  const { rows, rowTotals, colTotals, total } = complete(table);
  const [height, width] = [rows.length, rows[0].length];
  const cell = (i: number, j: number) => i * width + j;
  const rowTotal = (i: number) => height * width + i;
  const colTotal = (j: number) => height * width + height + j;
  const grand = height * width + height + width;
  const values = [...rows.flat(), ...rowTotals, ...colTotals, total];
  const equations: Equation[] = [
    ...rows.map((row, i): Equation => [...row.map((_, j) => [cell(i, j), 1] as const), [rowTotal(i), -1]]),
    ...rows[0].map((_, j): Equation => [...rows.map((_, i) => [cell(i, j), 1] as const), [colTotal(j), -1]]),
    [...rowTotals.map((_, i) => [rowTotal(i), 1] as const), [grand, -1]],
    [...colTotals.map((_, j) => [colTotal(j), 1] as const), [grand, -1]],
  ];
  return { variables: values.map((value) => ({ value, kind: 'cell' as const })), equations };
}

function toFlat(table: Table, mask: TableMask): boolean[] {
  complete(table);
  return [...mask.rows.flat(), ...mask.rowTotals, ...mask.colTotals, mask.total];
}

function toMask(table: Table, flat: readonly boolean[]): TableMask {
  const [height, width] = [table.rows.length, table.rows[0].length];
  const at = height * width;
  return {
    rows: table.rows.map((_, i) => flat.slice(i * width, (i + 1) * width)),
    rowTotals: flat.slice(at, at + height),
    colTotals: flat.slice(at + height, at + height + width),
    total: flat[at + height + width],
  };
}

/**
 * Which cells and margins of a table to hide for threshold k (default 5): every cell from 1 to
 * k−1, and enough others (greedy, smallest first) that no hidden value follows exactly from the
 * published cells, margins and non-negativity.
 */
export function suppressTable(table: Table, k = defaultSuppressionThreshold): TableMask {
  return toMask(table, suppressCells(tableSystem(table), k));
}

/**
 * True when some hidden cell or margin has a single possible value given everything published:
 * its min and max over all non-negative tables with the published values are equal.
 */
export function isAnyHiddenCellDetermined(table: Table, mask: TableMask): boolean {
  return determinedVariables(tableSystem(table), toFlat(table, mask)).length > 0;
}
