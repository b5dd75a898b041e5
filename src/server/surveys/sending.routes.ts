import type { FastifyRequest } from 'fastify';
import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import { sendingList, sendSurveyInput, surveyLinkView } from '../../core/schemas/survey.js';
import { contextOf } from '../context.js';
import { notFound } from '../errors.js';
import { createAnonymousLink, listSendings, sendSurvey } from './sending.service.js';

const tags = ['Enkäter'];

/** The address the participant opens: this server as the staff member reached it. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function sendingRoutes(app: App) {
  app.post('/api/v1/enrolments/:id/surveys', {
    config: { permission: 'survey:send' },
    schema: { tags, params: idParams, body: sendSurveyInput, response: { 201: surveyLinkView, 400: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      const link = await sendSurvey(contextOf(request, 'survey:send'), request.params.id, request.body.variant, originOf(request));
      if (!link) throw notFound();
      return reply.code(201).send(link);
    },
  });

  app.get('/api/v1/enrolments/:id/surveys', {
    config: { permission: 'survey:send' },
    schema: { tags, params: idParams, response: { 200: sendingList, 404: errorBody } },
    handler: async (request) => (await listSendings(contextOf(request, 'survey:send'), request.params.id)) ?? Promise.reject(notFound()),
  });

  app.post('/api/v1/interventions/:id/survey-link', {
    config: { permission: 'survey:link' },
    schema: { tags, params: idParams, body: sendSurveyInput, response: { 201: surveyLinkView, 400: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      const link = await createAnonymousLink(contextOf(request, 'survey:link'), request.params.id, request.body.variant, originOf(request));
      return reply.code(201).send(link);
    },
  });
}
