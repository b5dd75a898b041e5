// Reads an import file into a header list and string records. Pure: the caller decodes the bytes
// (UTF-8) and passes the text. Structural problems throw an ImportError listing every bad row, so
// the user sees the same (row, column, reason) shape as for validation errors.
import { parse } from 'csv-parse/sync';
import { echo, isHarmlessToEcho } from '../echo.js';
import { hasForbiddenCharacter } from '../text.js';
import { ImportError, type RowError } from './errors.js';

export { ImportError, type RowError } from './errors.js';

export type CsvTable = {
  /** Lower-cased, trimmed header names, in file order. */
  headers: string[];
  /** One record per data row; every header is a key, values trimmed ('' when empty). */
  records: Record<string, string>[];
  /** The file line each record starts on (header = 1), parallel to `records`. Blank lines are
   *  skipped, so this can differ from index + 2; it is what a spreadsheet or editor shows. */
  rowNumbers: number[];
};

type ParsedLine = { record: string[]; info: { lines: number } };

export function parseCsv(text: string): CsvTable {
  // Normalise line endings ourselves: csv-parse picks one record delimiter from the first line
  // and then mis-reads files that mix CRLF and LF (common after hand edits).
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const encodingError = checkEncoding(normalized);
  if (encodingError) throw new ImportError([encodingError]);
  const characterErrors = checkCharacters(normalized);
  if (characterErrors.length > 0) throw new ImportError(characterErrors);

  let parsed: ParsedLine[];
  try {
    parsed = parse(normalized, {
      delimiter: detectDelimiter(normalized),
      record_delimiter: '\n',
      info: true,
      skip_empty_lines: true,
      // We check column counts ourselves so that every bad row is reported, not just the first.
      relax_column_count: true,
      trim: true,
    }) as unknown as ParsedLine[];
  } catch (error) {
    throw new ImportError([fromCsvParseError(error)]);
  }

  // info.lines is the line a record ends on; subtract line breaks inside quoted cells to get the
  // line it starts on. Rows of only delimiters (spreadsheets write ";;;;") count as empty lines.
  const lines = parsed
    .map(({ record, info }) => ({
      cells: record.map((cell) => cell.trim()),
      row: info.lines - record.reduce((n, cell) => n + newlinesIn(cell), 0),
    }))
    .filter((line) => line.cells.some((cell) => cell !== ''));
  const [head, ...body] = lines;
  if (!head) return { headers: [], records: [], rowNumbers: [] };

  const errors: RowError[] = [];
  const names = head.cells.map((cell) => cell.toLowerCase());
  // Spreadsheets often leave empty header cells after the last column; keep them out of the
  // headers but still refuse data written under them, so nothing is dropped silently.
  const columns = names.flatMap((name, index) => (name === '' ? [] : [{ name, index }]));
  const seen = new Set<string>();
  for (const { name } of columns) {
    if (seen.has(name)) {
      errors.push({
        row: head.row,
        column: isHarmlessToEcho(name) ? name : '',
        reason: `Kolumnen${echo(name)} finns två gånger i rubrikraden: ta bort eller byt namn på den ena`,
      });
    }
    seen.add(name);
  }

  const records: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  for (const { cells, row } of body) {
    const lastValue = cells.findLastIndex((cell) => cell !== '');
    if (cells.length < names.length || lastValue >= names.length) {
      errors.push({
        row,
        column: '',
        reason:
          `Raden har ${cells.length} värden men rubrikraden har ${names.length} kolumner: ` +
          'kontrollera avgränsare (komma eller semikolon) och citattecken på raden',
      });
      continue;
    }
    const unnamed = names.findIndex((name, index) => name === '' && cells[index] !== '');
    if (unnamed >= 0) {
      errors.push({
        row,
        column: '',
        reason: `Ett värde står i kolumn ${unnamed + 1}, som saknar rubrik: lägg till en rubrik eller ta bort värdet`,
      });
      continue;
    }
    records.push(Object.fromEntries(columns.map(({ name, index }) => [name, cells[index]])));
    rowNumbers.push(row);
  }

  if (errors.length > 0) throw new ImportError(errors);
  return { headers: columns.map(({ name }) => name), records, rowNumbers };
}

// Most cells have none; a regex match per cell was a noticeable part of parsing a large file.
const newlinesIn = (cell: string) => (cell.includes('\n') ? cell.split('\n').length - 1 : 0);

/** Semicolon when the header line has more semicolons than commas (Swedish Excel), else comma. */
export function detectDelimiter(text: string): ',' | ';' {
  const headerLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

// NUL and other control characters cannot be stored (PostgreSQL refuses NUL in text) and never
// belong in a file typed by people; one error per line that holds one, without quoting it.
function checkCharacters(text: string): RowError[] {
  if (!hasForbiddenCharacter(text)) return [];
  return text.split('\n').flatMap((line, index) =>
    hasForbiddenCharacter(line)
      ? [{
          row: index + 1,
          column: '',
          reason: 'Raden innehåller ett otillåtet tecken (ett osynligt styrtecken, t.ex. ett nolltecken): ta bort det och importera filen igen',
        }]
      : [],
  );
}

// A caller that decodes non-UTF-8 bytes leniently gets U+FFFD for å, ä, ö; catching it here
// gives a useful message instead of "Okänd försörjningskälla 'F�rs�rjningsst�d'".
function checkEncoding(text: string): RowError | undefined {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  return {
    row: text.slice(0, at).split('\n').length,
    column: '',
    reason:
      'Filen är inte sparad som UTF-8 (tecken som å, ä, ö kan inte läsas): ' +
      "spara den som 'CSV UTF-8' och importera igen",
  };
}

function fromCsvParseError(error: unknown): RowError {
  const details = (error ?? {}) as { code?: unknown; lines?: unknown; message?: unknown };
  const row = typeof details.lines === 'number' && details.lines > 0 ? details.lines : 1;
  const quoteAdvice =
    'omge hela värdet med citattecken och skriv citattecken inuti värdet dubbelt ("")';
  switch (details.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { row, column: '', reason: `Ett citattecken (") stängs aldrig: ${quoteAdvice}` };
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { row, column: '', reason: `Felaktigt placerat citattecken ("): ${quoteAdvice}` };
    default:
      return {
        row,
        column: '',
        // The parser's own message can quote the file's content, so it is not repeated.
        reason: 'Filen kunde inte läsas som CSV: kontrollera att den är sparad som CSV med komma eller semikolon',
      };
  }
}
