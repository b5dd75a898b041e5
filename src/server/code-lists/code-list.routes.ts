import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody } from '../../core/schemas/common.js';
import { contextOf } from '../context.js';
import { codeListEntryCreate, codeListEntryUpdate, codeListEntryView, entryParams, listParams } from './code-list.schemas.js';
import { addEntry, changeEntry, listEntries } from './code-list.service.js';

const tags = ['Kodlistor'];

export async function codeListRoutes(app: App) {
  app.get('/api/v1/code-lists', {
    config: { permission: 'codelist:read' },
    schema: { tags, querystring: z.object({ list: z.string().max(64).optional() }), response: { 200: z.array(codeListEntryView) } },
    handler: async (request) => listEntries(app.db, request.query.list),
  });

  app.post('/api/v1/code-lists/:list', {
    config: { permission: 'codelist:write' },
    schema: { tags, params: listParams, body: codeListEntryCreate, response: { 201: codeListEntryView, 400: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const entry = await addEntry(contextOf(request, 'codelist:write'), request.params.list, request.body);
      return reply.code(201).send(entry);
    },
  });

  app.patch('/api/v1/code-lists/:list/:code', {
    config: { permission: 'codelist:write' },
    schema: { tags, params: entryParams, body: codeListEntryUpdate, response: { 200: codeListEntryView, 400: errorBody, 404: errorBody } },
    handler: async (request) =>
      changeEntry(contextOf(request, 'codelist:write'), request.params.list, request.params.code, request.body),
  });
}
