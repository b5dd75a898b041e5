import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import { workplaceInput, workplaceList, workplaceListQuery, workplaceView } from '../../core/schemas/workplace.js';
import { contextOf } from '../context.js';
import { orNotFound } from '../errors.js';
import { changeWorkplace, createWorkplace, getWorkplace, listWorkplaces, workplaceAssociations } from './workplace.service.js';

const tags = ['Arbetsplatser'];

export async function workplaceRoutes(app: App) {
  app.get('/api/v1/workplaces', {
    config: { permission: 'workplace:read' },
    schema: { tags, querystring: workplaceListQuery, response: { 200: workplaceList, 400: errorBody } },
    handler: async (request) => listWorkplaces(contextOf(request, 'workplace:read'), request.query.search),
  });

  app.get('/api/v1/workplaces/associations', {
    config: { permission: 'workplace:write' },
    schema: { tags, response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) } },
    handler: async (request) => workplaceAssociations(contextOf(request, 'workplace:write')),
  });

  app.post('/api/v1/workplaces', {
    config: { permission: 'workplace:write' },
    schema: { tags, body: workplaceInput, response: { 201: workplaceView, 400: errorBody, 409: errorBody } },
    handler: async (request, reply) => reply.code(201).send(await createWorkplace(contextOf(request, 'workplace:write'), request.body)),
  });

  app.get('/api/v1/workplaces/:id', {
    config: { permission: 'workplace:read' },
    schema: { tags, params: idParams, response: { 200: workplaceView, 404: errorBody } },
    handler: async (request) => orNotFound(await getWorkplace(contextOf(request, 'workplace:read'), request.params.id)),
  });

  app.put('/api/v1/workplaces/:id', {
    config: { permission: 'workplace:write' },
    schema: { tags, params: idParams, body: workplaceInput, response: { 200: workplaceView, 400: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request) => orNotFound(await changeWorkplace(contextOf(request, 'workplace:write'), request.params.id, request.body)),
  });
}
