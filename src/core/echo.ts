// Error messages say which field is wrong and what to do; they repeat what the user gave only when
// it cannot be personal data. A code field, a date or a column header can hold a personnummer or a
// name as easily as a code (a slip in a form, a file without its header row), and error answers
// end up on screens, in screenshots and in support tickets.

/**
 * Proven harmless: shaped like a machine code — a–z, 0–9 and _ only, at most 32 characters — and
 * without a run of five digits or more, so no personnummer, samordningsnummer, birth date or
 * telephone number. Names as usually written (capitalised, with spaces or letters like å) fail
 * the pattern. Everything else is described, never quoted.
 */
export function isHarmlessToEcho(value: string): boolean {
  return /^[a-z0-9_]{1,32}$/.test(value) && !/\d{5}/.test(value);
}

/** " 'value'" when the value is harmless to repeat (see `isHarmlessToEcho`), otherwise ''. */
export function echo(value: string): string {
  return isHarmlessToEcho(value) ? ` '${value}'` : '';
}
