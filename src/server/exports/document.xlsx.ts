import ExcelJS from 'exceljs';
import { defuseFormula } from '../../core/formula-injection.js';
import { dash, formatCell, hiddenText, isHidden, notesOf } from '../../core/reports/cell-format.js';
import { documentTables, type ReportCell, type ReportColumnKind, type ReportDocument, type ReportTable } from '../../core/reports/document.js';

// The report as a workbook: a first sheet with the title, the meta lines and the narrative, then
// one sheet per table (caption, bold frozen header row, rows, notes). Numbers are numbers with a
// number format, so a board member can sum and chart them; a hidden cell is the text "Dolt" and
// an empty one "–". Formats are stored in Excel's neutral syntax ("#,##0"), which Swedish Excel
// shows with a space between thousands and a decimal comma.

const numberFormats: Record<Exclude<ReportColumnKind, 'text'>, string> = {
  count: '#,##0',
  number: '#,##0.00',
  share: '0 %',
  money: '#,##0 "kr"',
};

const xlsxValue = (cell: ReportCell | undefined): string | number =>
  cell === null || cell === undefined ? dash : isHidden(cell) ? hiddenText : typeof cell === 'number' ? cell : defuseFormula(cell);

/**
 * Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique without
 * regard to case. A longer caption keeps its first and last words ("Avslut till arbete … per
 * kön"), so that tables differing at the end stay apart; the full caption is in the sheet's A1.
 */
export function sheetName(caption: string, taken: Set<string>): string {
  const base = shorten(caption.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Tabell', 31);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = shorten(base, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const words = text.split(' ');
  let tail = '';
  while (words.length > 1 && `${words.at(-1)} ${tail}`.trim().length <= max / 2) tail = `${words.pop()} ${tail}`.trim();
  let head = '';
  for (const word of words) {
    if (`${head} ${word} … ${tail}`.trim().length > max) break;
    head = `${head} ${word}`.trim();
  }
  return head ? `${head} … ${tail}`.trim() : text.slice(0, max);
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([defuseFormula(table.caption)]).font = { bold: true, size: 13 };
  const header = sheet.addRow(table.columns.map((c) => defuseFormula(c.label)));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => xlsxValue(row[c.key])));
  table.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    if (column.kind !== 'text') {
      sheetColumn.numFmt = numberFormats[column.kind];
      sheetColumn.alignment = { horizontal: 'right' };
    }
    const widest = Math.max(column.label.length, ...table.rows.map((row) => formatCell(row[column.key], column.kind).length));
    sheetColumn.width = Math.min(60, Math.max(10, widest + 2));
  });
  const notes = notesOf(table);
  if (notes.length > 0) sheet.addRow([]);
  for (const note of notes) sheet.addRow([defuseFormula(note)]).font = { italic: true };
}

export async function documentToXlsx(document: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stegvis';
  workbook.title = document.title;
  const taken = new Set<string>();
  const about = workbook.addWorksheet(sheetName('Om rapporten', taken));
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 90;
  about.addRow([defuseFormula(document.title)]).font = { bold: true, size: 14 };
  for (const m of document.meta) about.addRow([defuseFormula(m.label), defuseFormula(m.value)]);
  for (const section of document.sections) {
    const texts = section.blocks.flatMap((b) => (b.kind === 'text' ? b.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) : []));
    if (texts.length === 0) continue;
    about.addRow([]);
    about.addRow([defuseFormula(section.heading)]).font = { bold: true };
    for (const text of texts) about.addRow(['', defuseFormula(text)]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  for (const table of documentTables(document)) addTableSheet(workbook, table, sheetName(table.caption, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
