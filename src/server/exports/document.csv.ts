import { excelPercent } from '../../core/figures/outcomes-csv-excel.js';
import { defuseFormula } from '../../core/formula-injection.js';
import { dash, hiddenText, isHidden, notesOf } from '../../core/reports/cell-format.js';
import { documentTables, type ReportCell, type ReportColumnKind, type ReportDocument } from '../../core/reports/document.js';

// The report for people in Swedish Excel: UTF-8 with a byte order mark, semicolons, CRLF, one
// block per table (its caption, header, rows, notes) with an empty line between. Numbers are
// written so that Excel reads them as numbers (decimal comma, no thousands separator, money
// without "kr", the unit being in the header); shares as on the page ("25 %", which Swedish
// Excel reads as 0,25).

const quote = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const decimalComma = (value: number, decimals: number) => String(Math.round(value * 10 ** decimals) / 10 ** decimals).replace('.', ',');

function csvCell(cell: ReportCell | undefined, kind: ReportColumnKind): string {
  if (cell === null || cell === undefined) return dash;
  if (isHidden(cell)) return hiddenText;
  if (typeof cell === 'string') return defuseFormula(cell);
  if (kind === 'share') return excelPercent(cell);
  return decimalComma(cell, kind === 'count' ? 0 : 2);
}

const header = (label: string, kind: ReportColumnKind) => defuseFormula(kind === 'money' ? `${label} (kr)` : label);

export function documentToCsv(document: ReportDocument): string {
  const lines: string[][] = [[defuseFormula(document.title)], ...document.meta.map((m) => [defuseFormula(m.label), defuseFormula(m.value)])];
  for (const table of documentTables(document)) {
    lines.push([], [defuseFormula(table.caption)], table.columns.map((c) => header(c.label, c.kind)));
    for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key], c.kind)));
    for (const note of notesOf(table)) lines.push([defuseFormula(note)]);
  }
  return `\uFEFF${lines.map((line) => line.map(quote).join(';')).join('\r\n')}\r\n`;
}
