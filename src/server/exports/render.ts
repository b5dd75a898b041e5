// Placeholder: replaced at merge by the export renderers (PDF, DOCX, XLSX, CSV). Renders CSV only.
import { documentTables, type ReportCell, type ReportDocument } from '../../core/reports/document.js';

const field = (cell: ReportCell) => {
  const value = cell === null ? '' : typeof cell === 'object' ? 'Dolt' : String(cell);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
};

export async function renderReportDocument(document: ReportDocument, format: 'pdf' | 'docx' | 'xlsx' | 'csv'): Promise<{ body: Buffer; contentType: string; extension: string }> {
  if (format !== 'csv') throw new Error(`${format} is rendered by the export module`);
  const lines = documentTables(document).flatMap((t) => [field(t.caption), t.columns.map((c) => field(c.label)).join(';'), ...t.rows.map((r) => t.columns.map((c) => field(r[c.key] ?? null)).join(';')), '']);
  return { body: Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
}
