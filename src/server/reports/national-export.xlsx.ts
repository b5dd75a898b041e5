import ExcelJS from 'exceljs';
import { hiddenWord, nationalColumns, type NationalRow } from '../../core/figures/national-export.js';
import { defuseFormula } from '../../core/formula-injection.js';

/**
 * The national export as an XLSX workbook (docs/national-export.md): one sheet, the header bold
 * and frozen, counts and kronor as numbers (kronor with two decimals), a hidden count as the
 * text "Dolt", an amount not given as an empty cell, free text defused against formula injection.
 */
export async function nationalExportXlsx(rows: readonly NationalRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Uppföljning Finsam', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = nationalColumns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2), style: c.kind === 'money' ? { numFmt: '#,##0.00' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      nationalColumns.map((c) => {
        const value = c.value(row);
        if (value === null) return c.kind === 'count' ? hiddenWord : null;
        return typeof value === 'string' ? defuseFormula(value) : value;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
