import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import { caseloadView, worklistView } from '../../core/schemas/worklist.js';
import { contextOf } from '../context.js';
import { orNotFound } from '../errors.js';
import { getCaseload, getWorklist } from './worklist.service.js';

const tags = ['Arbetslista'];

export async function worklistRoutes(app: App) {
  app.get('/api/v1/worklist', {
    config: { permission: 'enrolment:read' },
    schema: { tags, response: { 200: worklistView } },
    handler: async (request) => getWorklist(contextOf(request, 'enrolment:read')),
  });

  app.get('/api/v1/teams/:id/caseload', {
    config: { permission: 'enrolment:read' },
    schema: { tags, params: idParams, response: { 200: caseloadView, 404: errorBody } },
    handler: async (request) => orNotFound(await getCaseload(contextOf(request, 'enrolment:read'), request.params.id)),
  });
}
