// Lengths the API's forms enforce (core/schemas), checked here too so an import cannot store what
// a form would refuse.

export function checkLength(
  value: string,
  max: number,
  column: string,
  what: string,
  fail: (column: string, reason: string) => void,
): void {
  if (value.length > max) fail(column, `${what} är för långt (${value.length} tecken): högst ${max} tecken`);
}

/** The file line of each record, by its code (codes are unique within a file). */
export function lineByCode(records: readonly Record<string, string>[], rowNumbers: readonly number[]): Map<string, number> {
  const lines = new Map<string, number>();
  records.forEach((record, index) => {
    const code = record.code ?? '';
    if (!lines.has(code)) lines.set(code, rowNumbers[index] ?? index + 2);
  });
  return lines;
}
