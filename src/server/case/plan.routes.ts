import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import { planSave, planView } from '../../core/schemas/case.js';
import { contextOf } from '../context.js';
import { renderPlanCopyPdf } from './plan-copy.pdf.js';
import { getPlan, participantCopy, savePlan } from './plan.service.js';

const tags = ['Handlingsplan'];
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };

const copyView = z.object({
  name: z.string().nullable(),
  mainGoal: z.string().nullable(),
  ownWords: z.string().nullable(),
  nextFollowUp: z.string().nullable(),
  nextMeeting: z.string().nullable(),
  subGoals: z.array(z.object({ text: z.string().nullable(), responsible: z.string().nullable(), targetDate: z.string().nullable(), status: z.string() })),
  contacts: z.array(z.object({ name: z.string(), organisation: z.string() })),
  updatedAt: z.string(),
});

/** The action plan of an enrolment (issue 10, items 2 and 3). */
export async function planRoutes(app: App) {
  app.get('/api/v1/enrolments/:id/plan', {
    config: { permission: 'enrolment:read' },
    schema: { tags, params: idParams, response: { 200: planView, ...errors } },
    handler: async (request) => getPlan(contextOf(request, 'enrolment:read'), request.params.id),
  });

  app.put('/api/v1/enrolments/:id/plan', {
    config: { permission: 'enrolment:write' },
    schema: { tags, params: idParams, body: planSave, response: { 200: planView, ...errors } },
    handler: async (request) => savePlan(contextOf(request, 'enrolment:write'), request.params.id, request.body),
  });

  app.get('/api/v1/enrolments/:id/plan/copy', {
    config: { permission: 'enrolment:read' },
    schema: { tags, params: idParams, response: { 200: copyView, ...errors } },
    handler: async (request) => participantCopy(contextOf(request, 'enrolment:read'), request.params.id, 'html'),
  });

  app.get('/api/v1/enrolments/:id/plan/copy.pdf', {
    config: { permission: 'enrolment:read' },
    schema: { tags, params: idParams, response: { 200: z.any().describe('PDF'), ...errors } },
    handler: async (request, reply) => {
      const copy = await participantCopy(contextOf(request, 'enrolment:read'), request.params.id, 'pdf');
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="min-handlingsplan.pdf"')
        .header('cache-control', 'no-store')
        .send(await renderPlanCopyPdf(copy));
    },
  });
}
