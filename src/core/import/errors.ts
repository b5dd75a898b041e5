// Errors shared by the CSV reader and the row validators. A file is imported entirely or not at
// all, so every error is collected and reported together as (row, column, reason).

export type RowError = {
  /** 1-based line in the file: the header is row 1, so the first data row is 2. */
  row: number;
  /** The (lower-cased) header of the offending column; '' when the whole row is at fault. */
  column: string;
  /** Swedish, and says what to do about it. */
  reason: string;
};

/** Thrown when a file cannot even be read as a table; carries the same shape as row errors. */
export class ImportError extends Error {
  readonly errors: RowError[];

  constructor(errors: RowError[]) {
    super(
      `Filen kunde inte läsas: ${errors.length} fel` +
        (errors[0] ? ` (första: rad ${errors[0].row}: ${errors[0].reason})` : ''),
    );
    this.name = 'ImportError';
    this.errors = errors;
  }
}

/** Stable order for reporting: by row, header errors first, otherwise in discovery order. */
export function sortErrors(errors: RowError[]): RowError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.row - b.error.row || a.index - b.index)
    .map(({ error }) => error);
}
