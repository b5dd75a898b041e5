import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import {
  organisationCreate,
  organisationList,
  organisationUpdate,
  organisationView,
} from '../../core/schemas/organisation.js';
import { contextOf } from '../context.js';
import { notFound } from '../errors.js';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from './organisation.service.js';

const tags = ['Organisationer'];

export async function organisationRoutes(app: App) {
  app.get('/api/v1/organisations', {
    config: { permission: 'organisation:read' },
    schema: { tags, response: { 200: organisationList } },
    handler: async (request) => listOrganisations(contextOf(request, 'organisation:read')),
  });

  app.get('/api/v1/organisations/:id', {
    config: { permission: 'organisation:read' },
    schema: { tags, params: idParams, response: { 200: organisationView, 404: errorBody } },
    handler: async (request) =>
      (await getOrganisation(contextOf(request, 'organisation:read'), request.params.id)) ?? notFoundAnswer(),
  });

  app.post('/api/v1/organisations', {
    config: { permission: 'organisation:write' },
    schema: { tags, body: organisationCreate, response: { 201: organisationView, 400: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const view = await createOrganisation(contextOf(request, 'organisation:write'), request.body);
      return reply.code(201).send(view);
    },
  });

  app.patch('/api/v1/organisations/:id', {
    config: { permission: 'organisation:write' },
    schema: { tags, params: idParams, body: organisationUpdate, response: { 200: organisationView, 400: errorBody, 404: errorBody } },
    handler: async (request) =>
      (await updateOrganisation(contextOf(request, 'organisation:write'), request.params.id, request.body)) ?? notFoundAnswer(),
  });
}

function notFoundAnswer(): never {
  throw notFound();
}
