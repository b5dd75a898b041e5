/**
 * Free text bound for a spreadsheet (CSV, XLSX): a cell that starts with =, +, -, @, a tab or a
 * carriage return would be run as a formula when opened or edited, so it is prefixed with '
 * (OWASP: CSV injection). Only for text people typed: numbers are written as numbers.
 */
export const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
