import { z } from 'zod';
import type { App } from '../app.js';
import { code, errorBody, shortText } from '../../core/schemas/common.js';
import { monthNameSchema, monthlyResultsReportSchema } from '../../core/schemas/monthly-results-report.js';
import { contextOf } from '../context.js';
import { monthlyResultsFor, type Comparison } from './monthly-results.service.js';

type Asked = { compareIntervention?: string; compareTeam?: string; compareLastYear?: string; from: string; to: string };

const query = z
  .object({
    intervention: code,
    from: monthNameSchema,
    to: monthNameSchema,
    /** Compare with another intervention (by code), a team of this one (by name), or the same months last year. */
    compareIntervention: code.optional(),
    compareTeam: shortText(100).optional(),
    compareLastYear: z.enum(['true', 'false']).default('false'),
    /** Ask for suppressed figures even where exact ones are allowed. */
    suppress: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((q: Asked, ctx) => {
    if ([q.compareIntervention, q.compareTeam, q.compareLastYear === 'true' || undefined].filter(Boolean).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['compareIntervention'], message: 'Välj en sak att jämföra med' });
    }
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Välj en slutmånad efter startmånaden' });
  });

const comparisonOf = (q: Asked): Comparison | null =>
  q.compareIntervention ? { intervention: q.compareIntervention } : q.compareTeam ? { team: q.compareTeam } : q.compareLastYear === 'true' ? 'last_year' : null;

export async function monthlyResultsRoutes(app: App) {
  app.get('/api/v1/reports/monthly', {
    config: { permission: 'report:outcomes' },
    schema: {
      tags: ['Rapporter'],
      summary: 'Månadsresultat: avslut till arbete eller studier delat med aktiva per månad, med jämförelse och prognos',
      querystring: query,
      response: { 200: monthlyResultsReportSchema, 400: errorBody, 404: errorBody },
    },
    handler: async (request) => {
      const ctx = contextOf(request, 'report:outcomes');
      const { intervention, from, to, suppress } = request.query;
      return monthlyResultsFor(ctx, {
        intervention,
        from,
        to,
        compare: comparisonOf(request.query),
        suppress: suppress === 'true',
        threshold: app.config.suppressionThreshold,
      });
    },
  });
}
