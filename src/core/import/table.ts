// Header checks shared by the three validators, and the adapter that lets them accept either
// parseCsv's result or plain records.
import { echo, isHarmlessToEcho } from '../echo.js';
import { containsPersonnummer } from '../personnummer.js';
import type { CsvTable } from './csv.js';
import { sortErrors, type RowError } from './errors.js';
import { cellReader, type CellReader } from './fields.js';

/** What a validator accepts: parseCsv's output (keeps file line numbers) or bare records. */
export type ImportInput = CsvTable | readonly Record<string, string>[];

export function toTable(input: ImportInput): CsvTable {
  if (!Array.isArray(input)) return input as CsvTable;
  const records = input as readonly Record<string, string>[];
  // Bare records: headers are the union of their keys; rows are numbered as if nothing was
  // skipped (header = 1, first record = 2).
  const headers = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return { headers, records: [...records], rowNumbers: records.map((_, index) => index + 2) };
}

/**
 * Runs `validateRow` on every record and collects every error. A row enters `rows` only when it
 * produced no error. When a documented column is missing, rows are not checked at all: without
 * e.g. `consent` every row would read as anonymous and the row errors would mislead.
 */
export function validateTable<T>(
  input: ImportInput,
  columns: readonly string[],
  validateRow: (cells: CellReader) => T | undefined,
  optional: readonly string[] = [],
): { rows: T[]; errors: RowError[] } {
  const table = toTable(input);
  const errors = checkHeaders(table.headers, columns, optional);
  if (notAHeaderRow(table.headers, columns) || errors.some((error) => columns.includes(error.column))) return { rows: [], errors };
  const rows: T[] = [];
  table.records.forEach((record, index) => {
    const before = errors.length;
    const row = validateRow(cellReader(record, table.rowNumbers[index] ?? index + 2, errors));
    if (row !== undefined && errors.length === before) rows.push(row);
  });
  return { rows, errors: sortErrors(errors) };
}

/**
 * Every documented column is required, in any order, and nothing else is allowed. Requiring
 * optional columns too is deliberate: a re-import updates matched rows, so a left-out column
 * would be indistinguishable from "clear this value"; and an unknown column is usually a typo
 * that would otherwise drop that column's data without a word. A column added to a format later
 * (`optional`, e.g. enrolments' exit_completed) may be left out; its importer then keeps what is stored.
 */
export function checkHeaders(headers: readonly string[], expected: readonly string[], optional: readonly string[] = []): RowError[] {
  const present = new Set(headers);
  const known = new Set([...expected, ...optional]);
  if (notAHeaderRow(headers, expected)) {
    return [
      {
        row: 1,
        column: '',
        reason:
          'Första raden ser inte ut som en rubrikrad: lägg till en rubrikrad med kolumnernas namn överst i filen ' +
          `(${expected.join(', ')})`,
      },
    ];
  }
  const errors: RowError[] = [];
  for (const column of expected) {
    if (!present.has(column)) {
      errors.push({
        row: 1,
        column,
        reason: `Kolumnen '${column}' saknas i rubrikraden: lägg till den (alla kolumner måste finnas, även de som lämnas tomma)`,
      });
    }
  }
  for (const column of headers) {
    if (known.has(column)) continue;
    const guess = closest(column, [...known].filter((name) => !present.has(name)));
    // Named only when harmless to repeat (core/echo.ts): a header can be anything typed.
    errors.push({
      row: 1,
      column: isHarmlessToEcho(column) ? column : '',
      reason:
        `Okänd kolumn${echo(column)}: ` +
        (guess ? `menade du '${guess}'? ` : '') +
        `rätta rubriken eller ta bort kolumnen (tillåtna: ${[...known].join(', ')})`,
    });
  }
  return errors;
}

/**
 * A file without its header row makes the first participant's data the headers (a name, a
 * personnummer): fewer than half the documented columns, or a personnummer among the headers.
 * Said once, without listing — and so repeating — what the row holds; rows are then not checked.
 */
function notAHeaderRow(headers: readonly string[], expected: readonly string[]): boolean {
  const found = expected.filter((column) => headers.includes(column)).length;
  return headers.length > 0 && (found < expected.length / 2 || headers.some(containsPersonnummer));
}

// A typo suggestion: the unused expected column within edit distance 2, if any.
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
