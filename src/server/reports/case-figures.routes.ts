import type { App } from '../app.js';
import { errorBody } from '../../core/schemas/common.js';
import { caseFiguresReportSchema } from '../../core/schemas/case-figures-report.js';
import { reportQuery } from '../../core/schemas/report-query.js';
import { contextOf } from '../context.js';
import { caseFiguresFor } from './case-figures.service.js';

export async function caseFiguresRoutes(app: App) {
  app.get('/api/v1/reports/case-figures', {
    config: { permission: 'report:outcomes' },
    schema: {
      tags: ['Rapporter'],
      summary: 'Ärendetal: handlingsplaner skapade och uppdaterade, försenade uppföljningar, aktiviteter per typ',
      querystring: reportQuery,
      response: { 200: caseFiguresReportSchema, 400: errorBody, 404: errorBody },
    },
    handler: async (request) => {
      const { intervention, association, from, to, period, suppress } = request.query;
      return caseFiguresFor(contextOf(request, 'report:outcomes'), {
        scope: intervention ? { intervention } : { association: association! },
        period: period ?? { from: from!, to: to! },
        suppress: suppress === 'true',
        threshold: app.config.suppressionThreshold,
      });
    },
  });
}
