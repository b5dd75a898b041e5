import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App } from '../app.js';
import { errorBody } from '../../core/schemas/common.js';
import { contextOf } from '../context.js';
import {
  accessList,
  accessSample,
  personAccessesBody,
  personAccessesExport,
  sampleBody,
  sampleExport,
  userAccessesBody,
  userAccessesExport,
} from './log-review.schemas.js';
import { exportAccesses, exportSample, listAccesses, sampleAccesses, type ExportFile } from './log-review.service.js';
import { personSearchBody, personSearchResult, reviewableUserList } from './log-review-search.schemas.js';
import { listReviewableUsers, searchReviewablePersons } from './log-review-search.service.js';

const tags = ['Loggkontroll'];
const file = z.string().describe('CSV- eller PDF-fil');
const permission = 'audit:review' as const;

// Log review (loggkontroll) for log_reviewer. Every route is a POST: person and user ids travel
// in the body, never in a URL that proxies and access logs keep.
export async function logReviewRoutes(app: App) {
  // Whom to review: persons of the own organisation by personnummer or name, and the users.
  app.post('/api/v1/audit/persons/search', {
    config: { permission },
    schema: { tags, body: personSearchBody, response: { 200: personSearchResult, 400: errorBody } },
    handler: async (request) => searchReviewablePersons(contextOf(request, permission), request.body.q),
  });

  app.get('/api/v1/audit/users', {
    config: { permission },
    schema: { tags, response: { 200: reviewableUserList } },
    handler: async (request) => listReviewableUsers(contextOf(request, permission)),
  });

  app.post('/api/v1/audit/person-accesses', {
    config: { permission },
    schema: { tags, body: personAccessesBody, response: { 200: accessList, 400: errorBody } },
    handler: async (request) => listAccesses(contextOf(request, permission), 'person-accesses', request.body),
  });

  app.post('/api/v1/audit/person-accesses/export', {
    config: { permission },
    schema: { tags, body: personAccessesExport, response: { 200: file, 400: errorBody } },
    handler: async (request, reply) =>
      sendFile(reply, await exportAccesses(contextOf(request, permission), 'person-accesses', request.body)),
  });

  app.post('/api/v1/audit/user-accesses', {
    config: { permission },
    schema: { tags, body: userAccessesBody, response: { 200: accessList, 400: errorBody } },
    handler: async (request) => listAccesses(contextOf(request, permission), 'user-accesses', request.body),
  });

  app.post('/api/v1/audit/user-accesses/export', {
    config: { permission },
    schema: { tags, body: userAccessesExport, response: { 200: file, 400: errorBody } },
    handler: async (request, reply) =>
      sendFile(reply, await exportAccesses(contextOf(request, permission), 'user-accesses', request.body)),
  });

  app.post('/api/v1/audit/sample', {
    config: { permission },
    schema: { tags, body: sampleBody, response: { 200: accessSample, 400: errorBody } },
    handler: async (request) => sampleAccesses(contextOf(request, permission), request.body),
  });

  app.post('/api/v1/audit/sample/export', {
    config: { permission },
    schema: { tags, body: sampleExport, response: { 200: file, 400: errorBody } },
    handler: async (request, reply) => sendFile(reply, await exportSample(contextOf(request, permission), request.body)),
  });
}

// The file name carries only the kind of review and the period, never an id.
function sendFile(reply: FastifyReply, exported: ExportFile) {
  return reply
    .type(exported.contentType)
    .header('content-disposition', `attachment; filename="${exported.fileName}"`)
    .header('cache-control', 'no-store')
    .send(exported.body);
}
