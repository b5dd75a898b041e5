import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import { freeTextList, hideTextInput, resultsQuery, surveyResultsView } from '../../core/schemas/survey.js';
import { contextOf } from '../context.js';
import { notFound } from '../errors.js';
import { hideFreeText, listFreeTexts } from './free-text.service.js';
import { surveyResults } from './results.service.js';

const tags = ['Enkäter'];

export async function resultsRoutes(app: App) {
  app.get('/api/v1/interventions/:id/survey-results', {
    config: { permission: 'survey:results' },
    schema: { tags, params: idParams, querystring: resultsQuery, response: { 200: surveyResultsView, 400: errorBody, 404: errorBody } },
    handler: async (request) =>
      (await surveyResults(contextOf(request, 'survey:results'), request.params.id, request.query.variant, app.config.suppressionThreshold)) ?? Promise.reject(notFound()),
  });

  app.get('/api/v1/interventions/:id/survey-texts', {
    config: { permission: 'survey:results' },
    schema: { tags, params: idParams, response: { 200: freeTextList, 404: errorBody } },
    handler: async (request) => (await listFreeTexts(contextOf(request, 'survey:results'), request.params.id)) ?? Promise.reject(notFound()),
  });

  app.post('/api/v1/interventions/:id/survey-texts/hidden', {
    config: { permission: 'survey:results' },
    schema: { tags, params: idParams, body: hideTextInput, response: { 200: z.object({ hidden: z.boolean() }), 400: errorBody, 404: errorBody } },
    handler: async (request) => (await hideFreeText(contextOf(request, 'survey:results'), request.params.id, request.body)) ?? Promise.reject(notFound()),
  });
}
