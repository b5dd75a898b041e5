import type { ReportDocument } from '../../core/reports/document.js';
import { documentToCsv } from './document.csv.js';
import { documentToDocx } from './document.docx.js';
import { documentToPdf } from './document.pdf.js';
import { documentToXlsx } from './document.xlsx.js';

export const exportFormats = ['pdf', 'docx', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type RenderedFile = { body: Buffer; contentType: string; extension: string };

const renderers: Record<ExportFormat, { render: (d: ReportDocument) => Promise<Buffer>; contentType: string }> = {
  pdf: { render: documentToPdf, contentType: 'application/pdf' },
  docx: { render: documentToDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { render: documentToXlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { render: async (d) => Buffer.from(documentToCsv(d), 'utf8'), contentType: 'text/csv; charset=utf-8' },
};

/** A report document as the file boards read: every format from the same content. */
export async function renderReportDocument(document: ReportDocument, format: ExportFormat): Promise<RenderedFile> {
  const { render, contentType } = renderers[format];
  return { body: await render(document), contentType, extension: format };
}
