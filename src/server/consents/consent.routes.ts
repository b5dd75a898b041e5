import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import { consentInput, consentView } from '../../core/schemas/enrolment.js';
import { contextOf } from '../context.js';
import { categoriesBody, partyBody, partyParams, withdrawBody, withdrawResult } from './consent.schemas.js';
import { addConsentParty, changePartyCategories, recordEnrolmentConsent, removeConsentParty, withdrawEnrolmentConsent } from './consent.service.js';

const tags = ['Samtycken'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The consent lifecycle of an enrolment's person (OSL 12:2); only the controller's staff change it. */
export async function consentRoutes(app: App) {
  app.post('/api/v1/enrolments/:id/consent', {
    config: { permission: 'consent:write' },
    schema: { tags, params: idParams, body: consentInput, response: { 201: consentView, ...errors } },
    handler: async (request, reply) => {
      const consent = await recordEnrolmentConsent(contextOf(request, 'consent:write'), request.params.id, request.body);
      return reply.code(201).send(consent);
    },
  });

  app.post('/api/v1/enrolments/:id/consent/parties', {
    config: { permission: 'consent:write' },
    schema: { tags, params: idParams, body: partyBody, response: { 200: consentView, ...errors } },
    handler: async (request) => addConsentParty(contextOf(request, 'consent:write'), request.params.id, request.body.organisationId, request.body.categories),
  });

  app.put('/api/v1/enrolments/:id/consent/parties/:organisationId/categories', {
    config: { permission: 'consent:write' },
    schema: { tags, params: partyParams, body: categoriesBody, response: { 200: consentView, ...errors } },
    handler: async (request) =>
      changePartyCategories(contextOf(request, 'consent:write'), request.params.id, request.params.organisationId, request.body.categories),
  });

  app.delete('/api/v1/enrolments/:id/consent/parties/:organisationId', {
    config: { permission: 'consent:write' },
    schema: { tags, params: partyParams, response: { 200: consentView, ...errors } },
    handler: async (request) =>
      removeConsentParty(contextOf(request, 'consent:write'), request.params.id, request.params.organisationId),
  });

  app.post('/api/v1/enrolments/:id/consent/withdraw', {
    config: { permission: 'consent:write' },
    schema: { tags, params: idParams, body: withdrawBody, response: { 200: withdrawResult, ...errors } },
    handler: async (request) => withdrawEnrolmentConsent(contextOf(request, 'consent:write'), request.params.id, request.body.date),
  });
}
