import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, id } from '../../core/schemas/common.js';
import { anonymousCreate, anonymousView } from '../../core/schemas/enrolment.js';
import { year } from '../../core/schemas/intervention.js';
import { contextOf } from '../context.js';
import { createRegistration, listRegistrations } from './anonymous.service.js';

const tags = ['Anonyma registreringar'];

// No core schema file is set aside for these two yet; they stay here until one is.
const listQuery = z.object({ interventionId: id, year: year.optional() });
const listResponse = z.object({ items: z.array(anonymousView) });

export async function anonymousRoutes(app: App) {
  app.post('/api/v1/anonymous-registrations', {
    config: { permission: 'anonymous:write' },
    schema: { tags, body: anonymousCreate, response: { 201: anonymousView, 400: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      const registration = await createRegistration(contextOf(request, 'anonymous:write'), request.body);
      return reply.code(201).send(registration);
    },
  });

  app.get('/api/v1/anonymous-registrations', {
    config: { permission: 'anonymous:read' },
    schema: { tags, querystring: listQuery, response: { 200: listResponse, 400: errorBody, 404: errorBody } },
    handler: async (request) => listRegistrations(contextOf(request, 'anonymous:read'), request.query),
  });
}
