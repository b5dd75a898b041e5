import { z } from 'zod';
import type { App } from '../app.js';
import { outcomesToCsv } from '../../core/figures/outcomes-csv.js';
import { excelFileName, outcomesToExcelCsv, reportFileStem } from '../../core/figures/outcomes-csv-excel.js';
import { outcomesDocument } from '../../core/reports/outcomes-document.js';
import { errorBody } from '../../core/schemas/common.js';
import { outcomesReportSchema } from '../../core/schemas/outcomes-report.js';
import { reportQueryFields, reportQueryRules } from '../../core/schemas/report-query.js';
import { contextOf } from '../context.js';
import { sendReportFile } from '../exports/file-reply.js';
import { outcomesReportFor } from './outcomes.service.js';

/** json: domain.md's JSON v1; xlsx, docx, pdf: the report as a file for people (its CSVs: outcomes.csv). */
const query = z
  .object({ ...reportQueryFields, format: z.enum(['json', 'xlsx', 'docx', 'pdf'], { message: 'Välj format: json, xlsx, docx eller pdf' }).default('json') })
  .superRefine(reportQueryRules);
/**
 * The CSV's query: `for=excel` gives the file for people (Swedish Excel: BOM, semicolons,
 * decimal comma, the page's percentages, a name such as avanti-2025-T2.csv); without it the
 * machine CSV of domain.md, unchanged.
 */
const csvQuery = z.object({ ...reportQueryFields, for: z.enum(['excel']).optional() }).superRefine(reportQueryRules);
type Query = z.output<typeof query> | z.output<typeof csvQuery>;

const tags = ['Rapporter'];

export async function outcomesRoutes(app: App) {
  const report = async (request: { query: Query } & Parameters<typeof contextOf>[0]) => {
    const ctx = contextOf(request, 'report:outcomes');
    const { intervention, association, from, to, period, suppress } = request.query;
    const scope = intervention ? { intervention } : { association: association! };
    return outcomesReportFor(ctx.db, ctx.actor, {
      scope,
      period: period ?? { from: from!, to: to! },
      suppress: suppress === 'true',
      threshold: app.config.suppressionThreshold,
    });
  };

  app.get('/api/v1/reports/outcomes', {
    config: { permission: 'report:outcomes' },
    schema: { tags, querystring: query, response: { 200: outcomesReportSchema.or(z.string().describe('Fil (XLSX, DOCX, PDF)')), 400: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      const result = await report(request);
      const { format, period } = request.query;
      if (format === 'json') return result;
      const code = request.query.intervention ?? request.query.association!;
      return sendReportFile(reply, outcomesDocument(result), format, `utfall-${reportFileStem(code, result.period, period)}`);
    },
  });

  app.get('/api/v1/reports/outcomes.csv', {
    config: { permission: 'report:outcomes' },
    schema: { tags, querystring: csvQuery, response: { 200: z.string().describe('CSV'), 400: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      const result = await report(request);
      if (request.query.for === 'excel') {
        const code = request.query.intervention ?? request.query.association!;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${excelFileName(code, result.period, request.query.period)}"`)
          .send(outcomesToExcelCsv(result));
      }
      const name = `utfall-${result.period.from}-${result.period.to}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(outcomesToCsv(result));
    },
  });
}
