import { z } from 'zod';
import type { App } from '../app.js';
import {
  anonymousCreate,
  enrolmentCreate,
  enrolmentExit,
  enrolmentListQuery,
  enrolmentSearch,
  enrolmentSummary,
  enrolmentUpdate,
  enrolmentView,
} from '../../core/schemas/enrolment.js';
import { errorBody, id, idParams } from '../../core/schemas/common.js';
import { contextOf } from '../context.js';
import { notFound } from '../errors.js';
import { createEnrolment, exitEnrolment, getEnrolment, listEnrolments, reopenEnrolment, updateEnrolment } from './enrolment.service.js';

const listResponse = z.object({
  items: z.array(enrolmentSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
const created = z.object({ kind: z.enum(['enrolment', 'anonymous']), id });
const tags = ['Inskrivningar'];

export async function enrolmentRoutes(app: App) {
  app.get('/api/v1/enrolments', {
    config: { permission: 'enrolment:read' },
    schema: { tags, querystring: enrolmentListQuery, response: { 200: listResponse, 400: errorBody } },
    handler: async (request) => listEnrolments(contextOf(request, 'enrolment:read'), request.query),
  });

  app.post('/api/v1/enrolments/search', {
    config: { permission: 'enrolment:read' },
    schema: { tags, body: enrolmentSearch, response: { 200: listResponse, 400: errorBody } },
    handler: async (request) => listEnrolments(contextOf(request, 'enrolment:read'), request.body),
  });

  app.post('/api/v1/enrolments', {
    config: { permission: 'enrolment:write' },
    schema: { tags, body: enrolmentCreate, response: { 201: created, 400: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const result = await createEnrolment(contextOf(request, 'enrolment:write'), request.body);
      return reply.code(201).send(result);
    },
  });

  app.get('/api/v1/enrolments/:id', {
    config: { permission: 'enrolment:read' },
    schema: { tags, params: idParams, response: { 200: enrolmentView, 404: errorBody } },
    handler: async (request) => (await getEnrolment(contextOf(request, 'enrolment:read'), request.params.id)) ?? notFoundAnswer(),
  });

  app.patch('/api/v1/enrolments/:id', {
    config: { permission: 'enrolment:write' },
    schema: { tags, params: idParams, body: enrolmentUpdate, response: { 200: z.object({ id }), 400: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request) =>
      (await updateEnrolment(contextOf(request, 'enrolment:write'), request.params.id, request.body)) ?? notFoundAnswer(),
  });

  app.post('/api/v1/enrolments/:id/exit', {
    config: { permission: 'enrolment:write' },
    schema: { tags, params: idParams, body: enrolmentExit, response: { 200: z.object({ id }), 400: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request) =>
      (await exitEnrolment(contextOf(request, 'enrolment:write'), request.params.id, request.body)) ?? notFoundAnswer(),
  });

  // "Ångra avslut": the exit is undone and kept as a revision (issue 9).
  app.post('/api/v1/enrolments/:id/reopen', {
    config: { permission: 'enrolment:write' },
    schema: { tags, params: idParams, response: { 200: z.object({ id }), 404: errorBody, 409: errorBody } },
    handler: async (request) => (await reopenEnrolment(contextOf(request, 'enrolment:write'), request.params.id)) ?? notFoundAnswer(),
  });
}

// The denied attempt is audited and committed first; only then is the request answered.
function notFoundAnswer(): never {
  throw notFound();
}
