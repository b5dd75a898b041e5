import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, id, idParams, isoDate } from '../../core/schemas/common.js';
import { contextOf } from '../context.js';
import { protectPerson } from './protect.service.js';
import { renderSubjectAccessPdf } from './subject-access.pdf.js';
import { subjectAccessSchema } from './subject-access.schemas.js';
import { subjectAccess } from './subject-access.service.js';

const protectBody = z.object({
  /** The day identity protection applies from; open enrolments are exited on it. Today when left out. */
  date: isoDate.optional(),
});
const protectResult = z.object({ id, exitedEnrolments: z.number(), anonymousFromYear: z.number() });

export async function personRoutes(app: App) {
  // Data-protection model 5. On the enrolment: that is how the case worker finds the person.
  app.post('/api/v1/enrolments/:id/protect', {
    config: { permission: 'person:protect' },
    schema: { tags: ['Inskrivningar'], params: idParams, body: protectBody, response: { 200: protectResult, 400: errorBody, 404: errorBody } },
    handler: async (request) => protectPerson(contextOf(request, 'person:protect'), request.params.id, request.body),
  });

  // GDPR art. 15. The id is the person's internal id: no personal data in the URL.
  app.get('/api/v1/persons/:id/subject-access', {
    config: { permission: 'person:subject_access' },
    schema: { tags: ['Personer'], params: idParams, response: { 200: subjectAccessSchema, 404: errorBody } },
    handler: async (request, reply) => {
      const { report } = await subjectAccess(contextOf(request, 'person:subject_access'), request.params.id, 'json');
      return reply.header('cache-control', 'no-store').send(report);
    },
  });

  app.get('/api/v1/persons/:id/subject-access.pdf', {
    config: { permission: 'person:subject_access' },
    schema: { tags: ['Personer'], params: idParams, response: { 200: z.any().describe('PDF'), 404: errorBody } },
    handler: async (request, reply) => {
      const { report, labels } = await subjectAccess(contextOf(request, 'person:subject_access'), request.params.id, 'pdf');
      const pdf = await renderSubjectAccessPdf(report, labels);
      const day = report.generatedAt.slice(0, 10);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="registerutdrag-${day}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });
}
