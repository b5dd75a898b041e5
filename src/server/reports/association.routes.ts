import { z } from 'zod';
import type { App } from '../app.js';
import { nationalExportCsv } from '../../core/figures/national-export.js';
import { code, errorBody } from '../../core/schemas/common.js';
import { dashboardQuery, dashboardView } from '../../core/schemas/dashboard.js';
import { year } from '../../core/schemas/intervention.js';
import { contextOf } from '../context.js';
import { dashboardFor, nationalExportFor } from './association-figures.service.js';
import { nationalExportXlsx } from './national-export.xlsx.js';

const tags = ['Rapporter'];
const nationalQuery = z.object({ association: code, year, format: z.enum(['csv', 'xlsx'], { message: 'Välj csv eller xlsx' }) });

// Who may see which förbund is decided by access/dashboard-policy.ts.
export async function associationRoutes(app: App) {
  app.get('/api/v1/reports/dashboard', {
    config: { permission: 'report:association' },
    schema: {
      tags,
      summary: 'Förbundets översikt: insatserna sida vid sida för ett år, tertial eller en månad (dolda små tal)',
      description:
        'Varje insats nyckeltal som de lämnar den ansvariga organisationen: små tal dolda, beslutade tillsammans med kalenderårets övriga perioder. Perioden är ett kalenderår (2026), ett tertial (2026-T2) eller en kalendermånad (2026-03); annat ger 400.',
      querystring: dashboardQuery,
      response: { 200: dashboardView, 400: errorBody, 404: errorBody },
    },
    handler: async (request) => dashboardFor(contextOf(request, 'report:association'), request.query, app.config.suppressionThreshold),
  });
  app.get('/api/v1/reports/national', {
    config: { permission: 'report:national' },
    schema: {
      tags,
      summary: 'Uppföljning Finsam: förbundets år per insats som CSV eller XLSX (docs/national-export.md)',
      querystring: nationalQuery,
      response: { 200: z.any().describe('CSV eller XLSX'), 400: errorBody, 404: errorBody },
    },
    handler: async (request, reply) => {
      const { association, year: y, format } = request.query;
      const rows = await nationalExportFor(contextOf(request, 'report:national'), { association, year: y }, app.config.suppressionThreshold);
      const name = `uppfoljning-finsam-${association.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}-${y}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(nationalExportCsv(rows));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await nationalExportXlsx(rows));
    },
  });
}
