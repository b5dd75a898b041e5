import type { App } from '../app.js';
import { errorBody } from '../../core/schemas/common.js';
import { drillDownQuery, drillDownView } from '../../core/schemas/drill-down.js';
import { contextOf } from '../context.js';
import { drillDownFor } from './drill-down.service.js';

// Who may drill down is decided by access/figures-policy.ts `drillDownAllowed`; the rows by access/scope.ts.
export async function drillDownRoutes(app: App) {
  app.get('/api/v1/reports/figures/records', {
    config: { permission: 'enrolment:read' },
    schema: {
      tags: ['Rapporter'],
      summary: 'Inskrivningarna bakom ett nyckeltal för en insats (den ansvariga organisationens handläggare)',
      querystring: drillDownQuery,
      response: { 200: drillDownView, 400: errorBody, 404: errorBody },
    },
    handler: async (request) => {
      const { intervention, period, from, to, figure, group, cell } = request.query;
      return drillDownFor(contextOf(request, 'enrolment:read'), { intervention, period: period ?? { from: from!, to: to! }, figure, group, cell });
    },
  });
}
