// Validation of a cost export from the finance system (docs/finance-costs-csv.md): one row per
// intervention, month and cost category with the actual amount. All or nothing, every error by
// row and column, as the other imports.
import { sortErrors, type RowError } from './errors.js';
import type { CellReader } from './fields.js';
import { validateTable, type ImportInput } from './table.js';

export const COST_COLUMNS = ['intervention', 'month', 'cost_category', 'amount'] as const;

export type CostRow = { row: number; intervention: string; month: string; category: string; amount: number };

/** Kronor with at most two decimals, comma or point; spaces as thousands separators; a minus for credits. */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d{1,2})?$/.test(compact) ? Number(compact) : null;
}

function readCost(cells: CellReader): CostRow | undefined {
  const intervention = cells.required('intervention', 'Insatsens kod');
  const month = cells.raw('month');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) cells.fail('month', 'Månaden ska skrivas ÅÅÅÅ-MM, till exempel 2025-03');
  const category = cells.code('cost_category', 'cost_category', 'kostnadsslag', true);
  const amount = parseAmount(cells.raw('amount'));
  if (amount === null) cells.fail('amount', 'Beloppet ska vara kronor med högst två decimaler, till exempel 12 500,50');
  if (!intervention || !category || amount === null || !/^\d{4}-\d{2}$/.test(month)) return undefined;
  return { row: cells.row, intervention, month, category, amount };
}

/** The rows without errors, and every error; a month and category given twice is an error on the second row. */
export function validateCosts(input: ImportInput): { rows: CostRow[]; errors: RowError[] } {
  const result = validateTable(input, COST_COLUMNS, readCost);
  const seen = new Map<string, number>();
  const errors = [...result.errors];
  for (const row of result.rows) {
    const key = `${row.intervention} ${row.month} ${row.category}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ row: row.row, column: 'cost_category', reason: `Samma insats, månad och kostnadsslag finns redan på rad ${first}: slå ihop raderna` });
    else seen.set(key, row.row);
  }
  return { rows: result.rows, errors: sortErrors(errors) };
}
