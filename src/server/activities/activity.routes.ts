import type { App } from '../app.js';
import { activityCreate, activityList, activityUpdate, activityView } from '../../core/schemas/activity.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import { contextOf } from '../context.js';
import { orNotFound } from '../errors.js';
import { changeActivity, createActivity, getActivity, listActivities } from './activity.service.js';

const tags = ['Aktiviteter'];

export async function activityRoutes(app: App) {
  app.get('/api/v1/enrolments/:id/activities', {
    config: { permission: 'enrolment:read' },
    schema: { tags, params: idParams, response: { 200: activityList, 404: errorBody } },
    handler: async (request) => orNotFound(await listActivities(contextOf(request, 'enrolment:read'), request.params.id)),
  });

  app.post('/api/v1/enrolments/:id/activities', {
    config: { permission: 'enrolment:write' },
    schema: { tags, params: idParams, body: activityCreate, response: { 201: activityView, 400: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      const activity = orNotFound(await createActivity(contextOf(request, 'enrolment:write'), request.params.id, request.body));
      return reply.code(201).send(activity);
    },
  });

  app.get('/api/v1/activities/:id', {
    config: { permission: 'enrolment:read' },
    schema: { tags, params: idParams, response: { 200: activityView, 404: errorBody } },
    handler: async (request) => orNotFound(await getActivity(contextOf(request, 'enrolment:read'), request.params.id)),
  });

  app.put('/api/v1/activities/:id', {
    config: { permission: 'enrolment:write' },
    schema: { tags, params: idParams, body: activityUpdate, response: { 200: activityView, 400: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request) => orNotFound(await changeActivity(contextOf(request, 'enrolment:write'), request.params.id, request.body)),
  });
}
