import type { FastifyReply } from 'fastify';
import type { ReportDocument } from '../../core/reports/document.js';
import { renderReportDocument, type ExportFormat } from './render.js';

/** A report document sent as a download; `stem` names it (letters, digits, - and _ only). */
export async function sendReportFile(reply: FastifyReply, document: ReportDocument, format: ExportFormat, stem: string) {
  const file = await renderReportDocument(document, format);
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${stem}.${file.extension}"`)
    .send(file.body);
}
