import type { FastifyReply } from 'fastify';
import type { ReportDocument } from '../../core/reports/document.js';
import { renderReportDocument, type ExportFormat, type RenderedFile } from './render.js';

/** A report document sent as a download; `stem` names it (letters, digits, - and _ only). */
export async function sendReportFile(reply: FastifyReply, document: ReportDocument, format: ExportFormat, stem: string) {
  return sendRenderedFile(reply, await renderReportDocument(document, format), stem);
}

/** A rendered file sent as a download named `stem` and the format's extension. */
export function sendRenderedFile(reply: FastifyReply, file: RenderedFile, stem: string) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${stem}.${file.extension}"`)
    .send(file.body);
}
